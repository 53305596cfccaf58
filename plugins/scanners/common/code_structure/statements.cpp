#include "statements.h"

#include <algorithm>
#include <initializer_list>

#include "logical_lines.h"

namespace assay::structure {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool splits_at_line_ends(Lang lang) {
  switch (lang) {
    case Lang::javascript:
    case Lang::typescript:
    case Lang::kotlin:
    case Lang::swift:
    case Lang::scala:
    case Lang::go:
    case Lang::groovy:
    case Lang::r:
    case Lang::powershell:
    case Lang::shell:
      return true;
    default:
      return false;
  }
}

// Words that continue the statement before them at a base line.
bool continues_statement(std::string_view w) {
  return one_of(w, {"end", "else", "elif", "except", "elsif", "elseif", "when", "rescue", "ensure", "until",
                    "then", "catch", "finally", "after", "}", ")", "]", "in"});
}

}  // namespace

std::string code_text(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code, size_t begin,
                      size_t end) {
  std::string out;
  end = std::min(end, text.size());
  auto span = std::upper_bound(non_code.begin(), non_code.end(), begin,
                               [](size_t o, const markers::NonCodeSpan& s) { return o < s.end; });
  bool space = false;
  size_t p = begin;
  while (p < end) {
    if (span != non_code.end() && span->begin <= p) {
      const size_t stop = std::min(span->end, end);
      if (span->comment) {
        space = true;
      } else {
        if (space && !out.empty()) out += ' ';
        space = false;
        out.append(text.substr(p, stop - p));
      }
      p = std::max(stop, p + 1);
      ++span;
      continue;
    }
    const char c = text[p++];
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<Statement> BodyReader::statements(size_t begin, size_t end) const {
  const auto& t = tokens.tokens;
  const auto first =
      std::lower_bound(t.begin(), t.end(), begin, [](const Token& k, size_t o) { return k.begin < o; });
  const auto last =
      std::lower_bound(first, t.end(), end, [](const Token& k, size_t o) { return k.begin < o; });
  const auto f = static_cast<size_t>(first - t.begin());
  const auto l = static_cast<size_t>(last - t.begin());
  if (f >= l) return {};
  return language.family == Family::braces ? brace_statements(f, l) : line_statements(f, l);
}

Statement BodyReader::make(size_t first, size_t last) const {
  const Token& a = tokens.tokens[first];
  const Token& b = tokens.tokens[last];
  return Statement{a.line, code_text(tokens.text, non_code, a.begin, b.begin + b.size)};
}

// Whether a statement ends at the line break before token i (JavaScript,
// Go, Kotlin, ...): the previous token can end one and i can begin one.
bool BodyReader::ends_before(size_t i) const {
  if (!splits_at_line_ends(language.lang) || !tokens.tokens[i].first_on_line || i == 0) return false;
  const Token& prev = tokens.tokens[i - 1];
  const std::string_view p = tokens.text_of(i - 1);
  const bool can_end = prev.kind == TokenKind::word || prev.kind == TokenKind::number ||
                       prev.kind == TokenKind::literal || one_of(p, {")", "]", "}"});
  const std::string_view n = tokens.text_of(i);
  const Token& next = tokens.tokens[i];
  const bool can_begin =
      (next.kind == TokenKind::word &&
       !one_of(n, {"else", "catch", "finally", "in", "of", "instanceof", "as", "is", "and", "or"})) ||
      next.kind == TokenKind::literal || next.kind == TokenKind::number ||
      one_of(n, {"@", "!", "++", "--", "{"});
  return can_end && can_begin;
}

std::vector<Statement> BodyReader::brace_statements(size_t first, size_t last) const {
  std::vector<Statement> out;
  auto push = [&](size_t a, size_t b) {
    Statement s = make(a, b);
    if (!s.text.empty()) out.push_back(std::move(s));
  };
  int depth = 0;
  size_t start = first;
  for (size_t i = first; i < last; ++i) {
    const Token& t = tokens.tokens[i];
    if (t.kind == TokenKind::directive) {
      if (i > start) push(start, i - 1);
      start = i + 1;
      continue;
    }
    if (depth == 0 && i > start && ends_before(i)) {
      push(start, i - 1);
      start = i;
    }
    const std::string_view s = tokens.text_of(i);
    if (s == "(" || s == "[" || s == "{") ++depth;
    if ((s == ")" || s == "]" || s == "}") && depth > 0) {
      --depth;
      const std::string_view next = i + 1 < last ? tokens.text_of(i + 1) : std::string_view();
      if (depth == 0 && s == "}" &&
          !one_of(next, {"else", "catch", "finally", "while", "(", ")", ",", ".", ";", "?.", "except"})) {
        push(start, i);
        start = i + 1;
      }
      continue;
    }
    if (depth == 0 && s == ";") {
      if (i > start) push(start, i - 1);
      start = i + 1;
    }
  }
  if (start < last) push(start, last - 1);
  return out;
}

std::vector<Statement> BodyReader::line_statements(size_t first, size_t last) const {
  std::vector<Statement> out;
  const std::vector<LogicalLine> logical = logical_lines(tokens, lines, first, last);
  if (logical.empty()) return out;
  uint32_t base = UINT32_MAX;
  for (const LogicalLine& l : logical) base = std::min(base, l.columns);
  size_t open_first = 0;
  size_t open_last = 0;
  bool open = false;
  auto flush = [&]() {
    if (!open) return;
    Statement s = make(open_first, open_last);
    if (!s.text.empty()) out.push_back(std::move(s));
    open = false;
  };
  for (const LogicalLine& l : logical) {
    const bool base_line = l.columns <= base && !continues_statement(tokens.text_of(l.first));
    if (!base_line && open) {
      open_last = l.last;
      continue;
    }
    flush();
    // A base line may hold several statements separated by ';'.
    int depth = 0;
    size_t start = l.first;
    for (size_t i = l.first; i <= l.last; ++i) {
      const std::string_view s = tokens.text_of(i);
      if (s == "(" || s == "[" || s == "{") ++depth;
      if ((s == ")" || s == "]" || s == "}") && depth > 0) --depth;
      if (depth != 0 || s != ";") continue;
      if (i > start) {
        open_first = start;
        open_last = i - 1;
        open = true;
        flush();
      }
      start = i + 1;
    }
    if (start <= l.last) {
      open_first = start;
      open_last = l.last;
      open = true;
    }
  }
  flush();
  return out;
}

}  // namespace assay::structure
