// Shared helpers of the markers tests: lex a snippet as one language and
// describe its markers compactly ("TAG@line text").
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "marker.h"
#include "markers_config.h"
#include "syntax.h"

namespace assay::markers::testing {

inline std::vector<Marker> markers_in(std::string_view language, std::string_view source) {
  const Syntax* syntax = find_syntax(language);
  if (syntax == nullptr) throw std::invalid_argument("no syntax for " + std::string(language));
  const TagMatcher matcher(MarkersConfig::defaults().tag_names());
  return find_markers(source, *syntax, matcher);
}

// "TAG@line text" per marker; "TAG@start-end text" when it spans lines.
inline std::vector<std::string> summary(std::string_view language, std::string_view source) {
  std::vector<std::string> out;
  for (const auto& m : markers_in(language, source)) {
    std::string s = m.tag + "@" + std::to_string(m.line_start);
    if (m.line_end != m.line_start) s += "-" + std::to_string(m.line_end);
    if (!m.text.empty()) s += " " + m.text;
    out.push_back(s);
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace assay::markers::testing
