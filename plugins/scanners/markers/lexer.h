// The comment lexer: finds every comment (and Python docstring) of a buffer
// while stepping over string literals, so that text inside a string is never
// taken for a comment.
#pragma once

#include <string_view>
#include <vector>

#include "comment.h"
#include "non_code.h"
#include "syntax.h"

namespace assay::markers {

// Lexes `source` as `syntax`. Never throws on malformed input: an
// unterminated comment or string runs to the end of the buffer (or, for
// single-line strings, to the end of its line).
CommentList lex_comments(std::string_view source, const Syntax& syntax);

// Lexes like lex_comments and also appends to `non_code` every span of the
// buffer that is not code, in buffer order, never overlapping. Costs one
// entry per comment and literal; the markers scanner does not need it.
CommentList lex_comments(std::string_view source, const Syntax& syntax, std::vector<NonCodeSpan>& non_code);

}  // namespace assay::markers
