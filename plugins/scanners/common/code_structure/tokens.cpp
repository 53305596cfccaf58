#include "tokens.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace assay::structure {
namespace {

// Bytes that continue a word: [0-9A-Za-z_$] and every byte of a UTF-8
// sequence. A table, because the tokenizer asks for every byte of code.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                    (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
  return table;
}();

bool is_word_char(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }

// How many unclosed openers a closer may step over to find its own.
constexpr size_t kMaxSkippedOpeners = 8;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Two- and three-character operators the finders and the decision count
// read as one token: ... :: -> => && || ?? ?. := == != <= >=; everything
// else is one character. `rest` holds at least one byte.
size_t operator_length(std::string_view rest) {
  const char second = rest.size() > 1 ? rest[1] : '\0';
  switch (rest[0]) {
    case '.':
      return rest.size() > 2 && second == '.' && rest[2] == '.' ? 3 : 1;
    case ':':
      return second == ':' || second == '=' ? 2 : 1;
    case '-':
      return second == '>' ? 2 : 1;
    case '=':
      return second == '>' || second == '=' ? 2 : 1;
    case '&':
      return second == '&' ? 2 : 1;
    case '|':
      return second == '|' ? 2 : 1;
    case '?':
      return second == '?' || second == '.' ? 2 : 1;
    case '!':
    case '<':
    case '>':
      return second == '=' ? 2 : 1;
    default:
      return 1;
  }
}

// Line breaks in a comment or literal: few, so memchr from one to the next.
uint32_t count_newlines(std::string_view text) {
  uint32_t count = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (p == nullptr) break;
    ++count;
    ++p;
  }
  return count;
}

enum class Conditional { none, opens, switches, closes };

Conditional conditional_of(std::string_view directive) {
  size_t p = 1;
  while (p < directive.size() && is_blank(directive[p])) ++p;
  size_t e = p;
  while (e < directive.size() && is_word_char(directive[e])) ++e;
  const std::string_view word = directive.substr(p, e - p);
  if (word == "if" || word == "ifdef" || word == "ifndef") return Conditional::opens;
  if (word == "else" || word == "elif" || word == "elifdef" || word == "elifndef")
    return Conditional::switches;
  if (word == "endif") return Conditional::closes;
  return Conditional::none;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code,
            const Language& language)
      : text_(text), spans_(non_code), language_(language) {}

  TokenList run() {
    TokenList out{text_, {}};
    // About one token per eight bytes in typical code; reserving saves most
    // of the vector's regrowth.
    out.tokens.reserve(text_.size() / 8);
    while (pos_ < text_.size()) step(out.tokens);
    match_brackets(out);
    return out;
  }

 private:
  // Skips a comment or literal at pos_, or reads the code up to the next one.
  void step(std::vector<Token>& tokens) {
    while (span_ < spans_.size() && spans_[span_].end <= pos_) ++span_;
    if (span_ < spans_.size() && spans_[span_].begin <= pos_) return skip_span(tokens);
    const size_t code_end =
        span_ < spans_.size() ? std::min(spans_[span_].begin, text_.size()) : text_.size();
    while (pos_ < code_end && code_step(tokens, code_end)) {
    }
  }

  // Reads one token, blank run or line break of code before code_end.
  // Returns false after a directive or shell expansion, which may run past
  // code_end (step() then finds the span they stopped in).
  bool code_step(std::vector<Token>& tokens, size_t code_end) {
    const char c = text_[pos_];
    if (c == '\n') {
      ++line_;
      ++pos_;
      line_has_token_ = false;
      return true;
    }
    if (is_blank(c)) {
      while (pos_ < code_end && is_blank(text_[pos_])) ++pos_;
      return true;
    }
    if (c == '#' && language_.preprocessor && !line_has_token_) {
      directive(tokens);
      return false;
    }
    if (language_.lang == Lang::shell && c == '$' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '{') {
      shell_expansion(tokens);
      return false;
    }
    size_t end = pos_ + 1;
    TokenKind kind = TokenKind::punct;
    if (is_word_char(c)) {
      kind = is_digit(c) ? TokenKind::number : TokenKind::word;
      while (end < code_end && is_word_char(text_[end])) ++end;
    } else {
      end = pos_ + operator_length(text_.substr(pos_, 3));
    }
    emit(tokens, kind, end);
    return true;
  }

  void emit(std::vector<Token>& tokens, TokenKind kind, size_t end) {
    if (skipping_ == 0) {
      Token t;
      t.begin = pos_;
      t.size = static_cast<uint32_t>(end - pos_);
      t.line = line_;
      t.kind = kind;
      t.first_on_line = !line_has_token_;
      tokens.push_back(t);
    }
    line_has_token_ = true;
    pos_ = end;
  }

  // A comment is skipped; a literal becomes one token.
  void skip_span(std::vector<Token>& tokens) {
    const markers::NonCodeSpan& s = spans_[span_];
    const size_t end = std::max(pos_, std::min(s.end, text_.size()));
    const uint32_t newlines = count_newlines(text_.substr(pos_, end - pos_));
    if (!s.comment) emit(tokens, TokenKind::literal, end);
    pos_ = end;
    line_ += newlines;
    if (newlines > 0 && s.comment) line_has_token_ = false;
  }

  // Shell's ${name...} holds no code the finders need: one literal.
  void shell_expansion(std::vector<Token>& tokens) {
    size_t end = pos_ + 2;
    int depth = 1;
    while (end < text_.size() && text_[end] != '\n') {
      if (text_[end] == '{') ++depth;
      if (text_[end] == '}' && --depth == 0) {
        ++end;
        break;
      }
      ++end;
    }
    emit(tokens, TokenKind::literal, end);
  }

  // A directive runs to the end of its line, continued by a backslash;
  // comments inside it are skipped with it.
  void directive(std::vector<Token>& tokens) {
    const size_t begin = pos_;
    const uint32_t first_line = line_;
    size_t p = pos_;
    size_t s = span_;
    while (p < text_.size()) {
      while (s < spans_.size() && spans_[s].end <= p) ++s;
      if (s < spans_.size() && spans_[s].begin <= p) {
        p = std::max(p + 1, spans_[s].end);
        continue;
      }
      if (text_[p] == '\n') {
        size_t q = p;
        while (q > begin && is_blank(text_[q - 1])) --q;
        if (q == begin || text_[q - 1] != '\\') break;
      }
      ++p;
    }
    p = std::min(p, text_.size());
    const Conditional conditional = conditional_of(text_.substr(begin, p - begin));
    track_conditional(conditional);
    pos_ = begin;
    line_ = first_line;
    const bool skipped = skipping_ > 0 || conditional == Conditional::closes;
    if (!skipped) emit(tokens, TokenKind::directive, p);
    pos_ = p;
    line_ =
        first_line + static_cast<uint32_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(begin),
                                                      text_.begin() + static_cast<std::ptrdiff_t>(p), '\n'));
    line_has_token_ = true;
  }

  // Only the first branch of a conditional is read: from #else or #elif to
  // the matching #endif, tokens are dropped.
  void track_conditional(Conditional c) {
    switch (c) {
      case Conditional::opens:
        ++depth_;
        if (skipping_ > 0) ++skipping_;
        break;
      case Conditional::switches:
        if (depth_ > 0 && skipping_ == 0) skipping_ = 1;
        break;
      case Conditional::closes:
        if (depth_ > 0) --depth_;
        if (skipping_ > 0) --skipping_;
        break;
      case Conditional::none:
        break;
    }
  }

  void match_brackets(TokenList& out) const {
    std::vector<int32_t> open;
    auto& tokens = out.tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::punct || tokens[i].size != 1) continue;
      const char c = out.text[tokens[i].begin];
      if (!language_.match_parens && (c == '(' || c == ')')) continue;
      if (c == '(' || c == '[' || c == '{') {
        open.push_back(static_cast<int32_t>(i));
        continue;
      }
      const char opener = c == ')' ? '(' : c == ']' ? '[' : c == '}' ? '{' : '\0';
      if (opener == '\0') continue;
      // A closer pairs with the innermost opener of its kind, looking only a
      // few openers deep (so that stray closers cost constant time); the
      // openers between them close with it. A closer without an opener
      // stays unpaired.
      const size_t deepest = open.size() > kMaxSkippedOpeners ? open.size() - kMaxSkippedOpeners : 0;
      size_t k = open.size();
      while (k > deepest && out.text[tokens[static_cast<size_t>(open[k - 1])].begin] != opener) --k;
      if (k == deepest) continue;
      for (size_t inner = k; inner < open.size(); ++inner)
        tokens[static_cast<size_t>(open[inner])].match = static_cast<int32_t>(i);
      const auto o = static_cast<size_t>(open[k - 1]);
      tokens[o].match = static_cast<int32_t>(i);
      tokens[i].match = static_cast<int32_t>(o);
      open.resize(k - 1);
    }
    const auto end = static_cast<int32_t>(tokens.size());
    for (int32_t o : open) tokens[static_cast<size_t>(o)].match = end;
  }

  std::string_view text_;
  const std::vector<markers::NonCodeSpan>& spans_;
  const Language& language_;
  size_t pos_ = 0;
  size_t span_ = 0;
  uint32_t line_ = 1;
  bool line_has_token_ = false;
  int depth_ = 0;     // open #if conditionals
  int skipping_ = 0;  // > 0: inside a dropped branch, counting #if nested in it
};

}  // namespace

TokenList tokenize(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code,
                   const Language& language) {
  return Tokenizer(text, non_code, language).run();
}

}  // namespace assay::structure
