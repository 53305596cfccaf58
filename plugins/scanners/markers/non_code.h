// The parts of a buffer that are not code, as the lexer found them: what a
// caller needs to read the code of a file without being misled by braces,
// keywords or indentation inside comments and literals.
#pragma once

#include <cstddef>

namespace assay::markers {

// A byte range [begin, end) of the buffer that holds no code: a comment
// (delimiters included; Python docstrings count as comments, as they do in
// the CommentList) or a literal (a string, character, regular expression or
// raw literal with its quotes, a heredoc opener or body, the text after
// Perl's or Ruby's __END__). Code embedded in a literal (an interpolation)
// belongs to the literal's span.
struct NonCodeSpan {
  size_t begin;
  size_t end;
  bool comment;
};

}  // namespace assay::markers
