// Line helpers shared by the line-oriented lockfile parsers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

struct TextLine {
  uint32_t number;        // 1-based
  std::string_view text;  // without the line break (and a '\r' before it)
};

std::vector<TextLine> split_lines(std::string_view text);

// Without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

// Number of leading spaces (a tab counts as one).
size_t indentation(std::string_view s);

// Without one pair of surrounding double or single quotes.
std::string_view unquote(std::string_view s);

// Splits at `separator`, trimming every part; empty parts are kept.
std::vector<std::string_view> split_trimmed(std::string_view s, char separator);

}  // namespace assay::osv
