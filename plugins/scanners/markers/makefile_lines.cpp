#include "makefile_lines.h"

#include <algorithm>
#include <array>

namespace assay::markers {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n'; }

// The first word of a line, ended by a blank or '(' ("ifeq(a,b)").
std::string_view first_word(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size() && is_blank(text[begin])) ++begin;
  size_t end = begin;
  while (end < text.size() && !is_blank(text[end]) && text[end] != '(') ++end;
  return text.substr(begin, end - begin);
}

bool is_conditional(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kWords = {"ifeq",   "ifneq", "ifdef",
                                                             "ifndef", "else",  "endif"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Directives whose arguments may hold a ':' that is not a rule's.
bool is_directive(std::string_view word) {
  static constexpr std::array<std::string_view, 11> kWords = {"vpath",  "include",  "-include", "sinclude",
                                                              "export", "unexport", "override", "define",
                                                              "endef",  "undefine", "private"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

bool is_assignment_colon(std::string_view from_colon) {
  return from_colon.starts_with(":=") || from_colon.starts_with("::=") || from_colon.starts_with(":::=");
}

// Scans a line for the ':' of a rule, outside variable references and
// before any comment; an '=' first makes the line an assignment.
MakeLine read_rule(std::string_view text) {
  MakeLine line;
  int depth = 0;  // inside $(...) or ${...}
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      ++i;
    } else if (c == '#') {
      break;
    } else if (c == '$' && i + 1 < text.size() && (text[i + 1] == '(' || text[i + 1] == '{')) {
      ++depth;
      ++i;
    } else if (depth > 0) {
      if (c == '(' || c == '{') ++depth;
      if (c == ')' || c == '}') --depth;
    } else if (line.kind != MakeLineKind::rule) {
      if (c == '=') return MakeLine{};
      if (c == ':') {
        if (is_assignment_colon(text.substr(i))) return MakeLine{};
        line.kind = MakeLineKind::rule;
        while (i + 1 < text.size() && text[i + 1] == ':') ++i;
      }
    } else if (c == ';') {
      line.recipe_begin = i + 1;
      return line;
    } else if (c == '=') {
      return MakeLine{};  // a target-specific variable, "target: NAME = value"
    }
  }
  return line;
}

}  // namespace

MakeLine read_make_line(std::string_view text) {
  const std::string_view word = first_word(text);
  if (word.empty() || word.starts_with('#') || is_conditional(word))
    return MakeLine{MakeLineKind::keeps_recipe};
  if (is_directive(word)) return MakeLine{};
  return read_rule(text);
}

}  // namespace assay::markers
