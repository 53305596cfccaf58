// The code of a file as tokens: words, numbers, literals (one token per
// string, character or regex literal) and punctuation, with comments
// skipped. Preprocessor directives become one separator token each, and
// only the first branch of a #if / #else chain is kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "language.h"
#include "non_code.h"

namespace assay::structure {

enum class TokenKind : uint8_t { word, number, literal, punct, directive };

struct Token {
  size_t begin = 0;
  uint32_t size = 0;
  uint32_t line = 0;  // 1-based line of the first byte
  TokenKind kind = TokenKind::punct;
  bool first_on_line = false;  // no code token before it on its line
  // Index of the matching bracket for ( ) [ ] { }; for an opener left open
  // at the end of the file, the number of tokens; -1 for any other token.
  int32_t match = -1;
};

struct TokenList {
  std::string_view text;
  std::vector<Token> tokens;

  std::string_view text_of(const Token& t) const { return text.substr(t.begin, t.size); }
  // Empty for an index past the end.
  std::string_view text_of(size_t i) const {
    return i < tokens.size() ? text_of(tokens[i]) : std::string_view();
  }
  // Whether token i exists and is exactly `s`.
  bool is(size_t i, std::string_view s) const { return i < tokens.size() && text_of(i) == s; }
  bool is_word(size_t i) const { return i < tokens.size() && tokens[i].kind == TokenKind::word; }
  size_t size() const { return tokens.size(); }
};

TokenList tokenize(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code,
                   const Language& language);

}  // namespace assay::structure
