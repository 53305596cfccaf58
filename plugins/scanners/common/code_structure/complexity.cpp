#include "complexity.h"

#include <algorithm>
#include <string_view>

#include "words.h"

namespace assay::structure {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Languages where "T?" is a nullable type: there only a '?' with blanks on
// both sides is a conditional operator.
bool has_nullable_types(Lang lang) {
  return lang == Lang::csharp || lang == Lang::swift || lang == Lang::typescript || lang == Lang::dart;
}

bool has_conditional_operator(Lang lang) {
  return !(lang == Lang::rust || lang == Lang::go || lang == Lang::scala || lang == Lang::kotlin);
}

}  // namespace

ComplexityMeter::ComplexityMeter(const TokenList& tokens, const SourceLines& lines, const Language& language)
    : t_(tokens), lines_(lines), language_(language) {
  decisions_before_.resize(t_.size() + 1, 0);
  for (size_t i = 0; i < t_.size(); ++i)
    decisions_before_[i + 1] = decisions_before_[i] + (is_decision(i) ? 1 : 0);
}

bool ComplexityMeter::is_ternary(size_t i) const {
  if (!has_conditional_operator(language_.lang)) return false;
  const Token& t = t_.tokens[i];
  const size_t after = t.begin + 1;
  const char next = after < t_.text.size() ? t_.text[after] : '\0';
  if (next == ':' || next == '>' || next == ',' || next == ')' || next == ';' || next == '\0') return false;
  if (!has_nullable_types(language_.lang)) return true;
  return t.begin > 0 && is_blank(t_.text[t.begin - 1]) && is_blank(next);
}

bool ComplexityMeter::is_decision(size_t i) const {
  const Token& t = t_.tokens[i];
  const std::string_view s = t_.text_of(t);
  if (language_.decisions == DecisionStyle::python) {
    if (t.kind != TokenKind::word) return false;
    static const WordSet kPython{"if", "elif", "for", "while", "except", "and", "or"};
    if (kPython.contains(s)) return true;
    // `case` is a soft keyword: a clause of `match` only at a line start.
    return s == "case" && t.first_on_line && i + 1 < t_.size() && t_.tokens[i + 1].line == t.line;
  }
  if (language_.decisions != DecisionStyle::c_family) return false;
  if (t.kind == TokenKind::word) {
    // The keyword test first: most words are not keywords, and it rejects
    // them by length and first byte.
    static const WordSet kCFamily{"if", "for", "while", "case", "catch", "foreach", "elseif", "guard"};
    const bool keyword = kCFamily.contains(s) || (language_.lang == Lang::php && (s == "and" || s == "or"));
    return keyword && !(i > 0 && (t_.text_of(i - 1) == "." || t_.text_of(i - 1) == "->"));
  }
  if (t.kind != TokenKind::punct) return false;
  if (s == "&&" || s == "||") return true;
  if (s == "?") return is_ternary(i);
  // A Rust match arm, except the catch-all "_ =>" (like a switch's default).
  return language_.lang == Lang::rust && s == "=>" && !(i > 0 && t_.text_of(i - 1) == "_");
}

size_t ComplexityMeter::token_at(size_t offset) const {
  auto it = std::lower_bound(t_.tokens.begin(), t_.tokens.end(), offset,
                             [](const Token& t, size_t o) { return t.begin < o; });
  return static_cast<size_t>(it - t_.tokens.begin());
}

Complexity ComplexityMeter::measure(uint32_t first, uint32_t last, size_t begin, size_t end,
                                    bool relative) const {
  Complexity c;
  c.counts_decisions = language_.decisions != DecisionStyle::none;
  if (first == 0 || last < first || last > lines_.size()) return c;
  c.lines = last - first + 1;
  const uint32_t base = relative ? lines_.line(first).level : 0;
  for (uint32_t n = first; n <= last; ++n) {
    if (!lines_.counts(n)) continue;
    const uint32_t level = lines_.line(n).level;
    const uint32_t depth = level > base ? level - base : 0;
    ++c.code_lines;
    c.indentation += depth;
    c.max_indentation = std::max(c.max_indentation, depth);
  }
  if (c.counts_decisions) c.decisions = decisions_before_[token_at(end)] - decisions_before_[token_at(begin)];
  return c;
}

}  // namespace assay::structure
