// The lines of a file as code: where each begins, whether it holds code,
// and its logical indentation level. The base of the indentation
// complexity and of the indentation-based finders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "non_code.h"

namespace assay::structure {

struct SourceLine {
  size_t begin = 0;        // offset of the line's first byte
  size_t end = 0;          // offset of its '\n' (or of the end of the file)
  uint32_t columns = 0;    // leading whitespace; a tab advances to the next multiple of 4
  uint32_t level = 0;      // columns / the file's indentation unit
  bool code = false;       // holds a byte outside comments that is not whitespace
  bool continues = false;  // begins inside a literal (a multi-line string, a heredoc)
};

class SourceLines {
 public:
  // `non_code`: the lexer's spans, in order and not overlapping.
  SourceLines(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code);

  size_t size() const { return lines_.size(); }
  // 1-based, as line numbers are everywhere in assay.
  const SourceLine& line(uint32_t number) const { return lines_[number - 1]; }
  // The 1-based line holding byte `offset` (the last line for the end of the file).
  uint32_t line_of(size_t offset) const;
  // A code line that starts a statement of its own (not inside a literal).
  bool counts(uint32_t number) const { return line(number).code && !line(number).continues; }
  // The indentation unit in columns (see Complexity::indentation).
  uint32_t unit() const { return unit_; }

 private:
  void measure(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code);
  void find_unit();

  std::vector<SourceLine> lines_;
  uint32_t unit_ = 4;
};

}  // namespace assay::structure
