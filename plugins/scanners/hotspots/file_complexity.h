// How complex one file is, from the shared code structure library: the
// file's indentation complexity and decision points, and its most complex
// function (or indentation block, for languages without functions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace assay::hotspots {

struct UnitComplexity {
  std::string name;  // qualified: "Parser.parse_expr"
  uint32_t first_line = 0;
  uint32_t last_line = 0;
  uint32_t indentation = 0;  // indentation complexity of its lines
  uint32_t decisions = 0;
  uint32_t code_lines = 0;
};

struct FileComplexity {
  uint32_t indentation = 0;      // sum of the logical indentation levels of the code lines
  uint32_t max_indentation = 0;  // deepest level
  uint32_t code_lines = 0;
  uint32_t lines = 0;
  // Decision points of the file; only for languages where they are counted
  // (C family and Python).
  std::optional<uint32_t> decisions;
  uint32_t units = 0;  // functions (or blocks) found
  bool units_are_functions = false;
  // The most complex unit: highest indentation complexity, then most
  // decision points, then most lines, then the first. Absent when the file
  // has no unit.
  std::optional<UnitComplexity> worst;
};

// Analyses `text` as `language` (a language id of the markers lexer).
FileComplexity measure_file(std::string_view text, std::string_view language);

}  // namespace assay::hotspots
