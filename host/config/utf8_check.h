// Checking that configuration text is UTF-8 before it is parsed: YAML
// requires it, and the JSON a plugin receives its section in cannot carry
// anything else.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace assay::config {

// Where the first byte of `text` that does not belong to a well-formed UTF-8
// sequence is (overlong forms, surrogates, code points above U+10FFFF and
// truncated sequences are ill-formed); nullopt when all of it is UTF-8.
struct TextPosition {
  std::size_t offset = 0;  // byte offset into the text
  int line = 1;            // 1-based
  int column = 1;          // 1-based, in bytes, as yaml-cpp counts them
};
std::optional<TextPosition> first_invalid_utf8(std::string_view text);

}  // namespace assay::config
