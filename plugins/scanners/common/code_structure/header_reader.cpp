#include "header_reader.h"

#include <algorithm>
#include <vector>

#include "words.h"

namespace assay::structure {
namespace {

// A header longer than this (in tokens, a bracket group counting as one)
// is cut: the walk back stays bounded on machine-made input.
constexpr size_t kMaxHeaderSteps = 256;
// Brace groups a header may hold (Go's interface{}, C++ member
// initializers "b_{x}"); more end the header.
constexpr int kMaxBraceGroups = 16;
// Generic argument lists longer than this are not skipped as one.
constexpr size_t kMaxAngleTokens = 64;
// K&R parameter declarations looked through before giving up.
constexpr int kMaxKnrPieces = 32;

// Languages whose statements may end at a line break.
bool ends_at_line_break(Lang lang) {
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
      return true;
    default:
      return false;
  }
}

bool is_c_like(Lang lang) {
  switch (lang) {
    case Lang::c:
    case Lang::cpp:
    case Lang::objc:
    case Lang::java:
    case Lang::csharp:
    case Lang::d:
    case Lang::dart:
    case Lang::groovy:
    case Lang::javascript:
    case Lang::typescript:
      return true;
    default:
      return false;
  }
}

std::string unquoted(std::string_view literal) {
  if (literal.size() >= 2 && (literal.front() == '"' || literal.front() == '\'' || literal.front() == '`'))
    literal = literal.substr(1, literal.size() - 2);
  return std::string(literal);
}

}  // namespace

HeaderReader::HeaderReader(const TokenList& tokens, const Language& language)
    : t_(tokens), language_(language), lang_(language.lang) {}

char HeaderReader::punct(size_t i) const {
  if (i >= t_.size()) return '\0';
  const Token& k = t_.tokens[i];
  return k.kind == TokenKind::punct && k.size == 1 ? t_.text[k.begin] : '\0';
}

std::string_view HeaderReader::text(size_t i) const {
  return i < t_.size() ? t_.text_of(i) : std::string_view();
}

std::string_view HeaderReader::word(size_t i) const {
  return t_.is_word(i) ? t_.text_of(i) : std::string_view();
}

bool HeaderReader::adjacent(size_t i, size_t j) const {
  return i < t_.size() && j < t_.size() && t_.tokens[i].begin + t_.tokens[i].size == t_.tokens[j].begin;
}

// The token after i at the same bracket level: a group within [i, end)
// counts as one token.
size_t HeaderReader::next_top(size_t i, size_t end) const {
  const char c = punct(i);
  if (c == '(' || c == '[' || c == '{') {
    const int32_t m = t_.tokens[i].match;
    if (m > static_cast<int32_t>(i) && static_cast<size_t>(m) < end) return static_cast<size_t>(m) + 1;
  }
  return i + 1;
}

// After a generic argument list "<...>" starting at i; i when there is none.
size_t HeaderReader::skip_angles(size_t i, size_t end) const {
  if (punct(i) != '<') return i;
  int depth = 0;
  for (size_t j = i; j < end && j < i + kMaxAngleTokens; j = next_top(j, end)) {
    const char c = punct(j);
    if (c == '<') ++depth;
    if (c == '>' && --depth == 0) return j + 1;
    if (c == ';' || c == '{') break;
  }
  return i;
}

bool HeaderReader::annotation_ends_at(size_t q) const {
  if (q == 0) return false;
  if (t_.is_word(q)) return punct(q - 1) == '@';
  const char c = punct(q);
  if (c != ')' && c != ']') return false;
  const int32_t o = t_.tokens[q].match;
  if (o <= 0 || static_cast<size_t>(o) >= q) return false;
  const auto open = static_cast<size_t>(o);
  if (c == ']') return punct(open - 1) == '#' || punct(open - 1) == '!' || punct(open - 1) == '[';
  return open >= 2 && t_.is_word(open - 1) && (punct(open - 2) == '@' || is_attribute_word(word(open - 1)));
}

// Whether a statement ends before token p, which begins a line: after a
// macro invocation "NAME(args)" in every language, and where statements end
// at line breaks, after any operand.
bool HeaderReader::asi_break(size_t p) const {
  if (p == 0 || !t_.tokens[p].first_on_line) return false;
  const size_t q = p - 1;
  if (annotation_ends_at(q)) return false;
  const bool starts_statement =
      (t_.is_word(p) && !is_trailing_qualifier(word(p)) && !is_infix_word(word(p))) || punct(p) == '@';
  if (!starts_statement) return false;
  if (punct(q) == ')') {
    const int32_t o = t_.tokens[q].match;
    if (o > 0 && t_.is_word(static_cast<size_t>(o) - 1) &&
        !is_attribute_word(word(static_cast<size_t>(o) - 1)))
      return true;
  }
  if (!ends_at_line_break(lang_)) return false;
  // A declaration keyword cannot continue an expression ("def", "fun",
  // "class" after "x = ???").
  const std::string_view w = word(p);
  if (is_function_keyword(lang_, w) || is_type_keyword(lang_, w)) {
    const std::string_view before = text(q);
    return !(before == "=" || before == "(" || before == "," || before == ":" || before == "=>" ||
             before == "return" || is_modifier(before));
  }
  const TokenKind k = t_.tokens[q].kind;
  if (k == TokenKind::word) return !is_modifier(word(q));
  return k == TokenKind::number || k == TokenKind::literal || punct(q) == ')' || punct(q) == ']';
}

Header HeaderReader::header_before(size_t open, bool in_list) const {
  Header h;
  h.end = open;
  size_t i = open;
  size_t steps = 0;
  int brace_groups = 0;
  while (i > 0 && ++steps <= kMaxHeaderSteps) {
    const size_t p = i - 1;
    const Token& tk = t_.tokens[p];
    if (tk.kind == TokenKind::directive) {
      h.stop = 'd';
      break;
    }
    const char c = punct(p);
    if (c == ')' || c == ']') {
      const int32_t m = tk.match;
      if (m < 0 || static_cast<size_t>(m) >= p) {
        h.stop = c;
        break;
      }
      i = static_cast<size_t>(m);
      if (asi_break(i)) {
        h.stop = 'n';
        break;
      }
      continue;
    }
    if (c == '}') {
      // Go's interface{} / struct{} types and C++ brace initializers of
      // members ("b_{y}" after ':' or ',') belong to the header.
      const int32_t m = tk.match;
      const bool skippable =
          m > 0 && static_cast<size_t>(m) < p &&
          ((lang_ == Lang::go && t_.tokens[static_cast<size_t>(m)].line == tk.line &&
            (word(static_cast<size_t>(m) - 1) == "interface" ||
             word(static_cast<size_t>(m) - 1) == "struct")) ||
           (lang_ == Lang::cpp && m >= 2 && t_.is_word(static_cast<size_t>(m) - 1) &&
            (punct(static_cast<size_t>(m) - 2) == ',' || punct(static_cast<size_t>(m) - 2) == ':')));
      if (!skippable || ++brace_groups > kMaxBraceGroups) {
        h.stop = '}';
        break;
      }
      i = static_cast<size_t>(m);
      continue;
    }
    if (c == '{' || c == '(' || c == '[' || c == ';' || (c == ',' && in_list)) {
      h.stop = c;
      break;
    }
    i = p;
    if (asi_break(p)) {
      h.stop = 'n';
      break;
    }
  }
  h.begin = i;
  return h;
}

Span HeaderReader::strip_prefixes(size_t begin, size_t end) const {
  Span s{begin, begin};
  // Access specifiers ("public:", "private slots:") and labels end
  // declarations of their own.
  for (size_t i = begin; i < end; i = next_top(i, end)) {
    const std::string_view w = word(i);
    if (w != "public" && w != "private" && w != "protected" && w != "signals" && w != "Q_SIGNALS") continue;
    size_t j = i + 1;
    if (word(j) == "slots" || word(j) == "Q_SLOTS") ++j;
    if (text(j) == ":" && j < end) s.begin = s.decl = j + 1;
  }
  if (word(s.begin) == "case" || word(s.begin) == "default") {
    for (size_t i = s.begin; i < end; i = next_top(i, end)) {
      if (text(i) == ":") {
        s.begin = s.decl = i + 1;
        break;
      }
    }
  }
  if (t_.is_word(s.begin) && text(s.begin + 1) == ":" && is_control_word(s.begin + 2))
    s.begin = s.decl = s.begin + 2;
  // Annotations and attributes are part of the declaration but say nothing
  // about what it declares.
  while (s.begin < end) {
    const size_t i = s.begin;
    if (punct(i) == '@' && t_.is_word(i + 1) && word(i + 1) != "interface") {
      s.begin = punct(i + 2) == '(' ? next_top(i + 2, end) : i + 2;
    } else if (punct(i) == '#' && punct(i + 1) == '[') {
      s.begin = next_top(i + 1, end);
    } else if (punct(i) == '#' && punct(i + 1) == '!' && punct(i + 2) == '[') {
      s.begin = next_top(i + 2, end);
    } else if (punct(i) == '[' && (lang_ == Lang::csharp || punct(i + 1) == '[') &&
               (t_.is_word(next_top(i, end)) || punct(next_top(i, end)) == '[')) {
      s.begin = next_top(i, end);
    } else if (is_attribute_word(word(i)) && punct(i + 1) == '(' && word(i) != "throw") {
      s.begin = next_top(i + 1, end);
    } else {
      break;
    }
    if (s.begin == i) break;
  }
  return s;
}

bool HeaderReader::is_control_word(size_t i) const { return t_.is_word(i) && is_control_keyword(word(i)); }

bool HeaderReader::is_expression_header(size_t begin, size_t end) const {
  const std::string_view first = word(begin);
  if (first == "return" || first == "yield" || first == "throw" || first == "await") return true;
  const std::string_view last = text(end - 1);
  if (last == "=" || last == ":" || last == "?" || last == "," || last == "default" || last == "=>" ||
      last == "(" || last == "return")
    return true;
  for (size_t i = begin; i < end; i = next_top(i, end)) {
    const std::string_view s = text(i);
    if (s == "=" || s == ":=") return true;
    if (s == "<" && text(i + 1) == "-" && adjacent(i, i + 1) && lang_ == Lang::r) return true;
  }
  return false;
}

std::optional<std::string> HeaderReader::anonymous_class_name(size_t begin, size_t end) const {
  if (lang_ != Lang::java && lang_ != Lang::groovy) return std::nullopt;
  if (end == 0 || punct(end - 1) != ')') return std::nullopt;
  for (size_t i = begin; i < end; i = next_top(i, end)) {
    if (word(i) != "new") continue;
    std::string name;
    size_t j = i + 1;
    while (j < end && (t_.is_word(j) || punct(j) == '.')) {
      if (t_.is_word(j)) name = std::string(word(j));
      j = skip_angles(j + 1, end) == j + 1 ? j + 1 : skip_angles(j + 1, end);
    }
    if (punct(j) == '(' && next_top(j, end) == end && !name.empty()) return name;
    return std::nullopt;
  }
  return std::nullopt;
}

std::string HeaderReader::joined(size_t first, size_t last) const {
  std::string out;
  for (size_t i = first; i <= last && i < t_.size(); ++i) {
    if (!out.empty() && i > first && !adjacent(i - 1, i) && t_.is_word(i - 1) && t_.is_word(i)) out += ' ';
    out += text(i);
  }
  return out;
}

// The name a function expression starting at token `start` is bound to:
// "const f = function", "f := func", "f <- function", "key: () =>".
std::optional<NameMatch> HeaderReader::bound_name(size_t begin, size_t start, Scope scope) const {
  size_t q = start;
  if (q > begin && (word(q - 1) == "async" || word(q - 1) == "move")) --q;
  if (q <= begin) return std::nullopt;
  const size_t op = q - 1;
  const std::string_view o = text(op);
  size_t lvalue_end = op;
  if (o == "-" && op > begin && text(op - 1) == "<" && adjacent(op - 1, op)) {
    lvalue_end = op - 1;
  } else if (!(o == "=" || o == ":=" || (o == ":" && scope == Scope::expression))) {
    return std::nullopt;
  }
  if (lvalue_end <= begin) return std::nullopt;
  NameMatch m;
  m.decl_begin = begin;
  for (size_t i = begin; i < lvalue_end; i = next_top(i, lvalue_end)) {
    const std::string_view w = word(i);
    if ((w == "const" || w == "let" || w == "var" || w == "val" || w == "my" || w == "our" || w == "local") &&
        t_.is_word(i + 1) && i + 1 < lvalue_end) {
      m.name = std::string(word(i + 1));
      m.name_token = i + 1;
      return m;
    }
  }
  const size_t last = lvalue_end - 1;
  m.name_token = last;
  if (t_.tokens[last].kind == TokenKind::literal) {
    m.name = unquoted(text(last));
    return m;
  }
  if (!t_.is_word(last)) return std::nullopt;
  size_t first = last;
  while (first >= begin + 2 && t_.is_word(first - 2) &&
         (text(first - 1) == "." || text(first - 1) == "::" || text(first - 1) == "->"))
    first -= 2;
  m.name = joined(first, last);
  return m;
}

std::optional<NameMatch> HeaderReader::named_or_anonymous(size_t begin, size_t start, Scope scope) const {
  if (auto bound = bound_name(begin, start, scope)) return bound;
  NameMatch m;
  m.decl_begin = begin;
  m.anonymous = true;
  return m;
}

std::optional<NameMatch> HeaderReader::swift_or_kotlin_special(const Span& span, size_t end) const {
  for (size_t i = span.begin; i < end; ++i) {
    const std::string_view w = word(i);
    const bool swift = lang_ == Lang::swift && (w == "init" || w == "deinit" || w == "subscript");
    const bool kotlin = lang_ == Lang::kotlin && (w == "constructor" || (w == "init" && i + 1 == end));
    if (swift || kotlin) {
      const size_t after = (punct(i + 1) == '?' || punct(i + 1) == '!') ? i + 2 : i + 1;
      if (after != end && punct(after) != '(' && punct(after) != '<') return std::nullopt;
      NameMatch m;
      m.name = std::string(w);
      m.name_token = i;
      m.decl_begin = span.decl;
      return m;
    }
    if (!t_.is_word(i) || !is_modifier(w)) return std::nullopt;
  }
  return std::nullopt;
}

std::optional<NameMatch> HeaderReader::keyword_function(const Span& span, size_t end, Scope scope) const {
  if (auto special = swift_or_kotlin_special(span, end)) return special;
  size_t k = span.begin;
  while (k < end && !(t_.is_word(k) && is_function_keyword(lang_, word(k)))) k = next_top(k, end);
  if (k >= end) return std::nullopt;
  if (lang_ == Lang::kotlin && word(k + 1) == "interface") return std::nullopt;
  // Go's "func f() interface{} {": the first braces are the result type.
  if (lang_ == Lang::go && (word(end - 1) == "interface" || word(end - 1) == "struct")) return std::nullopt;
  NameMatch m;
  m.decl_begin = span.decl;
  size_t p = k + 1;
  while (punct(p) == '*' || punct(p) == '&') ++p;
  p = skip_angles(p, end);
  if (lang_ == Lang::go && punct(p) == '(') {
    const size_t after = next_top(p, end);
    if (t_.is_word(after) && (punct(after + 1) == '(' || punct(after + 1) == '[')) {
      std::vector<size_t> words;
      for (size_t i = p + 1; i + 1 < after; ++i) {
        if (punct(i) == '[') break;
        if (t_.is_word(i)) words.push_back(i);
      }
      if (!words.empty()) m.container = std::string(word(words.size() >= 2 ? words[1] : words[0]));
      m.has_container = true;
      p = after;
    }
  }
  std::vector<size_t> parts;
  while (t_.is_word(p) && p < end) {
    if (lang_ == Lang::powershell) {
      size_t last = p;
      while (last + 2 < end && punct(last + 1) == '-' && t_.is_word(last + 2) && adjacent(last, last + 1) &&
             adjacent(last + 1, last + 2))
        last += 2;
      m.name = joined(p, last);
      m.name_token = p;
      return m;
    }
    parts.push_back(p);
    size_t q = skip_angles(p + 1, end);
    if (punct(q) == '.' && t_.is_word(q + 1)) {
      p = q + 1;
      continue;
    }
    break;
  }
  if (parts.empty()) {
    auto anonymous = named_or_anonymous(span.begin, k, scope);
    if (anonymous && !anonymous->anonymous) anonymous->decl_begin = span.decl;
    return anonymous;
  }
  m.name = std::string(word(parts.back()));
  m.name_token = parts.back();
  if (parts.size() > 1) {
    m.container.clear();
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      if (!m.container.empty()) m.container += '.';
      m.container += word(parts[i]);
    }
    m.has_container = true;
  }
  return m;
}

std::optional<NameMatch> HeaderReader::lambda(size_t begin, size_t end, Scope scope) const {
  const size_t last = end - 1;
  const std::string_view arrow = text(last);
  const bool fat =
      arrow == "=>" && (lang_ == Lang::javascript || lang_ == Lang::typescript || lang_ == Lang::csharp ||
                        lang_ == Lang::dart || lang_ == Lang::scala || lang_ == Lang::d);
  const bool thin = arrow == "->" && lang_ == Lang::java;
  if (fat || thin) {
    size_t start = last;
    if (last > begin) {
      const size_t q = last - 1;
      if (t_.is_word(q) && !(q > begin && text(q - 1) == ":")) start = q;
      // The parameters: the last top-level group followed by the arrow or
      // by a return type ("(x: number): Promise<void> =>").
      for (size_t i = begin; i < last; i = next_top(i, last)) {
        const size_t after = next_top(i, last);
        if (punct(i) == '(' && after > i + 1 && (after == last || text(after) == ":")) start = i;
      }
    }
    return named_or_anonymous(begin, start, scope);
  }
  for (size_t i = begin; i < end; i = next_top(i, end)) {
    const std::string_view before = i > begin ? text(i - 1) : std::string_view();
    const bool opens_expression = i == begin || before == "=" || before == "return" || before == "(";
    if (lang_ == Lang::cpp && punct(i) == '[' && opens_expression && punct(i + 1) != '[') {
      const size_t after = next_top(i, end);
      if (after == end || punct(after) == '(' || punct(after) == '<' || t_.is_word(after) ||
          text(after) == "->")
        return named_or_anonymous(begin, i, scope);
    }
    if (lang_ == Lang::rust && (text(i) == "|" || text(i) == "||") &&
        (opens_expression || before == "move" || before == "async"))
      return named_or_anonymous(begin, i, scope);
    if ((lang_ == Lang::objc || lang_ == Lang::c || lang_ == Lang::cpp) && punct(i) == '^')
      return named_or_anonymous(begin, i, scope);
  }
  return std::nullopt;
}

std::string HeaderReader::type_name_after(size_t keyword, size_t end) const {
  size_t j = keyword + 1;
  if (word(keyword) == "enum" && (word(j) == "class" || word(j) == "struct")) ++j;
  while (j < end) {
    if (punct(j) == '[') {
      j = next_top(j, end);
    } else if (is_attribute_word(word(j)) && punct(j + 1) == '(') {
      j = next_top(j + 1, end);
    } else {
      break;
    }
  }
  if (word(keyword) == "impl") {
    j = skip_angles(j, end);
    for (size_t i = j; i < end; i = next_top(i, end)) {
      if (word(i) == "for") {
        j = i + 1;
        break;
      }
    }
    while (word(j) == "dyn" || punct(j) == '&') ++j;
  }
  if (!t_.is_word(j) || j >= end) return {};
  if (word(j) == "extends" || word(j) == "implements") return {};
  size_t last = j;
  while (last + 2 < end && (text(last + 1) == "::" || text(last + 1) == ".") && t_.is_word(last + 2))
    last += 2;
  return joined(j, last);
}

std::optional<TypeMatch> HeaderReader::type_header(size_t begin, size_t end) const {
  for (size_t i = begin; i < end; i = next_top(i, end)) {
    if (punct(i) == '(') break;
    if (word(i) == "template" && punct(i + 1) == '<') {
      const size_t after = skip_angles(i + 1, end);
      if (after > i + 1) {
        i = after - 1;
        continue;
      }
    }
    const std::string_view w = word(i);
    if (w.empty() || !is_type_keyword(lang_, w)) continue;
    if (i > begin && (text(i - 1) == "." || text(i - 1) == "::")) continue;
    TypeMatch m;
    m.is_namespace = is_namespace_keyword(lang_, w);
    if (lang_ == Lang::go && i >= begin + 2 && word(i - 2) == "type") {
      m.name = std::string(word(i - 1));
    } else {
      m.name = type_name_after(i, end);
    }
    return m;
  }
  return std::nullopt;
}

// The name token of a parameter list at `group`: the word before it, or
// before its generic arguments ("f<T>(").
size_t HeaderReader::name_token_before(size_t group, size_t begin) const {
  if (group <= begin) return t_.size();
  size_t q = group - 1;
  if (punct(q) == '>') {
    int depth = 0;
    size_t steps = 0;
    while (q > begin && ++steps < kMaxAngleTokens) {
      if (punct(q) == '>') ++depth;
      if (punct(q) == '<' && --depth == 0) break;
      --q;
    }
    if (punct(q) != '<' || q <= begin) return t_.size();
    --q;
  }
  if (!t_.is_word(q) || is_attribute_word(word(q))) return t_.size();
  if (q > begin && punct(q - 1) == '@') return t_.size();
  return q;
}

// "operator==(", "operator new[](", "operator bool(": the `operator` word.
size_t HeaderReader::operator_before(size_t group, size_t begin) const {
  for (size_t j = group; j > begin && j + 4 > group;) {
    --j;
    if (word(j) == "operator") return j;
    if (t_.is_word(j) && word(j) != "new" && word(j) != "delete" && j + 1 != group) break;
  }
  return t_.size();
}

std::optional<NameMatch> HeaderReader::objc_method(size_t begin, size_t end) const {
  size_t i = next_top(begin + 1, end);
  std::string name;
  size_t name_token = t_.size();
  while (i < end && t_.is_word(i)) {
    if (name_token == t_.size()) name_token = i;
    if (text(i + 1) != ":") {
      if (name.empty()) name = std::string(word(i));
      break;
    }
    name += std::string(word(i)) + ":";
    i += 2;
    if (punct(i) == '(') i = next_top(i, end);
    if (t_.is_word(i)) ++i;
  }
  if (name.empty()) return std::nullopt;
  NameMatch m;
  m.name = name;
  m.name_token = name_token;
  m.decl_begin = begin;
  return m;
}

std::optional<NameMatch> HeaderReader::c_like_function(const Span& span, size_t end, Scope scope) const {
  if (!is_c_like(lang_)) return std::nullopt;
  const bool script = lang_ == Lang::javascript || lang_ == Lang::typescript;
  if (script && scope != Scope::type && scope != Scope::expression) return std::nullopt;
  if (!script && scope == Scope::expression) return std::nullopt;
  const size_t a = span.begin;
  if (lang_ == Lang::objc) {
    // "- (void)name:(T)arg {" begins a line; "@implementation X" may precede it.
    for (size_t i = a; i < end; i = next_top(i, end)) {
      if ((punct(i) == '-' || punct(i) == '+') && punct(i + 1) == '(' && t_.tokens[i].first_on_line)
        return objc_method(i, end);
    }
  }

  // Initializer lists, trailing return types, throws and where clauses
  // follow the parameter list; the name is before them.
  size_t cut = end;
  bool after_group = false;
  for (size_t i = a; i < end; i = next_top(i, end)) {
    const std::string_view s = text(i);
    if (after_group && (s == ":" || s == "->" || s == "throws" || s == "where" || s == "requires")) {
      cut = i;
      break;
    }
    if (punct(i) == '(' && next_top(i, end) > i + 1) after_group = true;
  }
  // A member's brace initializer inside an initializer list ("y_{x}") is
  // not the body.
  if (lang_ == Lang::cpp && cut < end && t_.is_word(end - 1) &&
      (punct(end - 2) == ',' || punct(end - 2) == ':'))
    return std::nullopt;
  size_t group = t_.size();
  size_t name_token = t_.size();
  for (size_t i = a; i < cut; i = next_top(i, cut)) {
    if (punct(i) != '(' || next_top(i, cut) == i + 1) continue;
    size_t n = name_token_before(i, a);
    if (n >= t_.size()) n = operator_before(i, a);
    if (n < t_.size()) {
      group = i;
      name_token = n;
    }
  }
  if (group >= t_.size()) return std::nullopt;

  size_t name_start = name_token;
  std::string name;
  for (size_t j = name_token + 1; j-- > a && j + 4 >= name_token;) {
    if (word(j) != "operator") continue;
    name_start = j;
    if (j == name_token && next_top(group, cut) == group + 2 && punct(group + 2) == '(') {
      name = "operator()";
      group += 2;
    } else {
      name = "operator";
      for (size_t k = j + 1; k < group; ++k) name += text(k);
    }
    break;
  }
  if (name.empty()) {
    if (is_reserved_name(word(name_token))) return std::nullopt;
    while (name_start > a) {
      if (text(name_start - 1) == "~") {
        --name_start;
      } else if (name_start >= a + 2 &&
                 (text(name_start - 1) == "::" || (lang_ == Lang::csharp && text(name_start - 1) == ".")) &&
                 (t_.is_word(name_start - 2) || punct(name_start - 2) == '>')) {
        name_start -= 2;
      } else {
        break;
      }
    }
    name = joined(name_start, name_token);
  }

  // After the parameters: qualifiers only.
  for (size_t i = next_top(group, cut); i < cut; i = next_top(i, cut)) {
    const char c = punct(i);
    const bool ok = t_.is_word(i) ? !is_statement_word(word(i))
                                  : (c == '&' || c == '*' || c == '[' || text(i) == "&&" ||
                                     (c == '(' && i > 0 && t_.is_word(i - 1)));
    if (!ok) return std::nullopt;
  }
  // Before the name: a type and modifiers.
  bool has_type = false;
  for (size_t i = a; i < name_start; i = next_top(i, name_start)) {
    const std::string_view s = text(i);
    const char c = punct(i);
    if (t_.is_word(i)) {
      if (is_statement_word(s)) return std::nullopt;
      has_type = true;
    } else if (c == '*' || c == '&' || c == '<' || c == '>' || c == ',' || c == '.' || c == '~' || c == '?' ||
               c == '[' || c == '@' || c == '#' || s == "::" || s == "&&" || s == "...") {
      has_type = has_type || c == '>';
    } else if (c == '(' && i > a && is_attribute_word(word(i - 1))) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (scope == Scope::code && !has_type) return std::nullopt;
  NameMatch m;
  m.name = name;
  m.name_token = name_token;
  m.decl_begin = span.decl;
  return m;
}

std::optional<NameMatch> HeaderReader::knr_function(size_t open) const {
  if (lang_ != Lang::c && lang_ != Lang::objc) return std::nullopt;
  size_t j = open;  // one past the ';' ending the current piece
  for (int piece = 0; piece < kMaxKnrPieces && j > 0 && punct(j - 1) == ';'; ++piece) {
    const size_t piece_end = j - 1;
    size_t k = piece_end;
    while (k > 0) {
      const char c = punct(k - 1);
      if (c == ';' || c == '{' || c == '}' || t_.tokens[k - 1].kind == TokenKind::directive) break;
      if ((c == ')' || c == ']') && t_.tokens[k - 1].match >= 0 &&
          static_cast<size_t>(t_.tokens[k - 1].match) < k - 1) {
        k = static_cast<size_t>(t_.tokens[k - 1].match);
        continue;
      }
      --k;
    }
    for (size_t i = k; i < piece_end; i = next_top(i, piece_end)) {
      if (punct(i) != '(') continue;
      const size_t after = next_top(i, piece_end);
      if (after == i + 1 || after >= piece_end || !t_.is_word(after)) continue;
      bool identifiers_only = true;
      for (size_t x = i + 1; x + 1 < after; ++x)
        identifiers_only = identifiers_only && (t_.is_word(x) || punct(x) == ',');
      const size_t n = name_token_before(i, k);
      if (!identifiers_only || n >= t_.size() || is_reserved_name(word(n))) continue;
      NameMatch m;
      m.name = std::string(word(n));
      m.name_token = n;
      m.decl_begin = k;
      return m;
    }
    j = k;
  }
  return std::nullopt;
}

std::optional<NameMatch> HeaderReader::shell_function(size_t open) const {
  if (open == 0) return std::nullopt;
  size_t j = open - 1;
  const bool parens = j >= 1 && punct(j) == ')' && punct(j - 1) == '(';
  if (parens) {
    if (j < 2) return std::nullopt;
    j -= 2;
  }
  size_t first = j;
  if (!(t_.is_word(j) || punct(j) == '-' || punct(j) == '.' || punct(j) == ':')) return std::nullopt;
  while (first > 0 && adjacent(first - 1, first) &&
         (t_.is_word(first - 1) || punct(first - 1) == '-' || punct(first - 1) == '.' ||
          punct(first - 1) == ':'))
    --first;
  if (!t_.is_word(first) && punct(first) != '_') return std::nullopt;
  NameMatch m;
  m.name = joined(first, j);
  m.name_token = first;
  m.decl_begin = first;
  if (first > 0 && word(first - 1) == "function") {
    m.decl_begin = first - 1;
    return m;
  }
  const bool statement_start =
      t_.tokens[first].first_on_line ||
      (first > 0 && (text(first - 1) == ";" || text(first - 1) == "&&" || text(first - 1) == "||"));
  if (!parens || !statement_start || is_reserved_name(word(first))) return std::nullopt;
  return m;
}

}  // namespace assay::structure
