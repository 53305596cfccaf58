// Logical lines: the statements of line-oriented code. A physical line
// continues the previous logical line while a bracket is open or after a
// trailing backslash; multi-line strings are single tokens, so they never
// start one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "source_lines.h"
#include "tokens.h"

namespace assay::structure {

struct LogicalLine {
  size_t first = 0;      // token index of its first token
  size_t last = 0;       // token index of its last token (inclusive)
  uint32_t columns = 0;  // indentation of the physical line it begins on
};

// The logical lines made of tokens [begin, end).
std::vector<LogicalLine> logical_lines(const TokenList& tokens, const SourceLines& lines, size_t begin,
                                       size_t end);

// The line of the last byte of token i (a multi-line string ends below its first line).
uint32_t last_line_of(const TokenList& tokens, const SourceLines& lines, size_t i);

}  // namespace assay::structure
