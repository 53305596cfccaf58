// Fuzzing of the code structure library: any bytes, in every language the
// markers lexer knows and as unknown text, must give functions whose
// positions lie inside the input, nest properly, and whose accessors hold.
#include <string>
#include <vector>

#include "code_structure.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "syntax.h"

namespace assay::structure {
namespace {

struct Case {
  std::string language;
  std::string_view source;
};

// "cpp\n..." names the language; otherwise the first byte picks one of the
// lexer's languages or, past them, an unknown id.
Case split(std::string_view input) {
  static const std::vector<std::string_view> languages = markers::known_languages();
  if (const size_t nl = input.find('\n'); nl != std::string_view::npos && nl <= 16) {
    std::string_view name = input.substr(0, nl);
    if (!name.empty() && name.back() == '\r') name.remove_suffix(1);
    if (markers::find_syntax(name) != nullptr) return {std::string(name), input.substr(nl + 1)};
  }
  if (input.empty()) return {"c", input};
  const auto pick = static_cast<unsigned char>(input.front()) % (languages.size() + 1);
  return {pick < languages.size() ? std::string(languages[pick]) : std::string("unknown"), input.substr(1)};
}

void check_function(const FileStructure& fs, const Function& f, size_t index, size_t size) {
  const uint32_t lines = fs.line_count();
  ASSAY_FUZZ_CHECK(f.first_line >= 1 && f.first_line <= f.name_line && f.name_line <= f.last_line,
                   "first line <= name line <= last line");
  ASSAY_FUZZ_CHECK(f.last_line <= lines, "a function ends inside the file");
  ASSAY_FUZZ_CHECK(f.body_begin <= f.body_end && f.body_end <= size, "the body lies inside the file");
  ASSAY_FUZZ_CHECK(f.body_first_line <= f.body_last_line && f.body_last_line <= lines,
                   "body lines in the file");
  ASSAY_FUZZ_CHECK(!f.name.empty() || f.kind == UnitKind::block, "a function has a name");
  ASSAY_FUZZ_CHECK(f.complexity.lines == f.last_line - f.first_line + 1, "length is the line span");
  ASSAY_FUZZ_CHECK(f.complexity.code_lines <= f.complexity.lines, "code lines within the length");
  ASSAY_FUZZ_CHECK(f.complexity.max_indentation * f.complexity.code_lines >= f.complexity.indentation,
                   "indentation sum bounded by its maximum");
  if (f.parent >= 0) {
    ASSAY_FUZZ_CHECK(static_cast<size_t>(f.parent) < index, "a parent comes before its child");
    const Function& p = fs.functions()[static_cast<size_t>(f.parent)];
    ASSAY_FUZZ_CHECK(p.first_line <= f.first_line && f.last_line <= p.last_line,
                     "a child lies in its parent");
    ASSAY_FUZZ_CHECK(f.depth == p.depth + 1, "depth counts the enclosing functions");
  } else {
    ASSAY_FUZZ_CHECK(f.depth == 0, "a function without parent is at depth 0");
  }
  for (const Statement& s : fs.body_statements(f)) {
    ASSAY_FUZZ_CHECK(!s.text.empty(), "statements are not empty");
    ASSAY_FUZZ_CHECK(s.line >= f.body_first_line && s.line <= f.body_last_line, "statements lie in the body");
  }
  for (const auto& c : fs.comments_in(f))
    ASSAY_FUZZ_CHECK(c.line >= f.first_line && c.line <= f.last_line, "inner comments lie in the function");
  uint32_t previous = 0;
  for (const auto& c : fs.comments_above(f)) {
    ASSAY_FUZZ_CHECK(c.line < f.first_line && c.line >= previous, "comments above come before, in order");
    previous = c.line;
  }
}

}  // namespace
}  // namespace assay::structure

namespace assay::fuzz {

Verdict run_structure(std::string_view input) {
  using namespace assay::structure;
  const auto [language, source] = split(input);
  const FileStructure fs = FileStructure::analyze(source, language);
  ASSAY_FUZZ_CHECK(fs.line_count() >= 1, "a file has a line");
  ASSAY_FUZZ_CHECK(fs.complexity().lines == fs.line_count(), "the file's length is its line count");
  bool any_function = false;
  uint32_t previous_first = 0;
  for (size_t i = 0; i < fs.functions().size(); ++i) {
    const Function& f = fs.functions()[i];
    check_function(fs, f, i, source.size());
    ASSAY_FUZZ_CHECK(f.first_line >= previous_first || f.parent >= 0,
                     "functions in order of their first line");
    previous_first = f.first_line;
    any_function = any_function || f.kind == UnitKind::function;
  }
  return any_function ? Verdict::accepted : Verdict::rejected;
}

}  // namespace assay::fuzz
