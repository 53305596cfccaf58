#include "language.h"

#include <array>
#include <utility>

namespace assay::structure {
namespace {

struct Entry {
  std::string_view id;
  Lang lang;
  Family family;
};

constexpr std::array<Entry, 27> kEntries = {{
    {"c", Lang::c, Family::braces},
    {"cpp", Lang::cpp, Family::braces},
    {"objc", Lang::objc, Family::braces},
    {"csharp", Lang::csharp, Family::braces},
    {"java", Lang::java, Family::braces},
    {"kotlin", Lang::kotlin, Family::braces},
    {"scala", Lang::scala, Family::braces},
    {"groovy", Lang::groovy, Family::braces},
    {"swift", Lang::swift, Family::braces},
    {"go", Lang::go, Family::braces},
    {"rust", Lang::rust, Family::braces},
    {"dart", Lang::dart, Family::braces},
    {"javascript", Lang::javascript, Family::braces},
    {"typescript", Lang::typescript, Family::braces},
    {"php", Lang::php, Family::braces},
    {"d", Lang::d, Family::braces},
    {"zig", Lang::zig, Family::braces},
    {"perl", Lang::perl, Family::braces},
    {"powershell", Lang::powershell, Family::braces},
    {"r", Lang::r, Family::braces},
    {"shell", Lang::shell, Family::braces},
    {"python", Lang::python, Family::indentation},
    {"nim", Lang::nim, Family::indentation},
    {"ruby", Lang::ruby, Family::end_keywords},
    {"lua", Lang::lua, Family::end_keywords},
    {"elixir", Lang::elixir, Family::end_keywords},
    {"julia", Lang::julia, Family::end_keywords},
}};

bool counts_c_decisions(Lang lang) {
  switch (lang) {
    case Lang::c:
    case Lang::cpp:
    case Lang::objc:
    case Lang::csharp:
    case Lang::java:
    case Lang::kotlin:
    case Lang::scala:
    case Lang::groovy:
    case Lang::swift:
    case Lang::go:
    case Lang::rust:
    case Lang::dart:
    case Lang::javascript:
    case Lang::typescript:
    case Lang::php:
    case Lang::d:
      return true;
    default:
      return false;
  }
}

}  // namespace

Language language_of(std::string_view id) {
  Language language;
  for (const Entry& e : kEntries) {
    if (e.id != id) continue;
    language.lang = e.lang;
    language.family = e.family;
    break;
  }
  const Lang lang = language.lang;
  if (counts_c_decisions(lang)) language.decisions = DecisionStyle::c_family;
  if (lang == Lang::python) language.decisions = DecisionStyle::python;
  language.preprocessor = lang == Lang::c || lang == Lang::cpp || lang == Lang::objc || lang == Lang::csharp;
  language.match_parens = lang != Lang::shell;
  return language;
}

}  // namespace assay::structure
