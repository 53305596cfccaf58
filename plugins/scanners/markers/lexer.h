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

// The comments of lex_comments(source, syntax) that can matter to a marker
// ending at or before `offset`: the lexer may stop at the first line end
// after `offset` that closes a line with no comment on it (outside any
// literal). Every comment holding a byte at or before `offset`, and every
// comment on the lines that directly follow such a comment, is returned as
// lex_comments returns it; later ones may be missing. Markup, reStructuredText
// and Makefiles are always lexed whole.
CommentList lex_comments_through(std::string_view source, const Syntax& syntax, size_t offset);

// Lexes like lex_comments and also appends to `non_code` every span of the
// buffer that is not code, in buffer order, never overlapping. Costs one
// entry per comment and literal; the markers scanner does not need it.
CommentList lex_comments(std::string_view source, const Syntax& syntax, std::vector<NonCodeSpan>& non_code);

}  // namespace assay::markers
