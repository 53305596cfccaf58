// The comments of one source buffer, as the lexer found them: the unit the
// marker extraction works on. Text is viewed, not copied: a CommentList is
// valid only while the buffer it was lexed from is.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax.h"

namespace assay::markers {

// One line of a comment's text, its delimiters removed.
struct CommentLine {
  uint32_t line;  // 1-based line number in the buffer
  std::string_view text;
};

struct Comment {
  CommentKind kind;
  // Which delimiter opened it (an index into the syntax's line or block
  // comment list, or a special form); line comments continue each other only
  // when their styles are equal.
  uint16_t style;
  bool own_line;     // nothing but whitespace before the comment on its first line
  bool to_line_end;  // a line comment (//, #, --, ...): it ends with its line
  uint32_t first;    // index of the first line in CommentList::lines
  uint32_t count;    // number of lines
};

struct CommentList {
  std::vector<Comment> comments;  // in buffer order
  std::vector<CommentLine> lines;
};

}  // namespace assay::markers
