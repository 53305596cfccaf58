// Functions of indentation languages: Python's def / async def and class,
// Nim's proc, func, method, iterator, template, macro and converter. A
// header's body is every following logical line indented deeper than the
// header; decorators directly above belong to the function.
#include <algorithm>
#include <string>

#include "finders.h"
#include "logical_lines.h"

namespace assay::structure {
namespace {

// An open def or class, with what it inherits from the ones around it.
struct Open {
  uint32_t columns = 0;
  int32_t index = -1;  // into the result, for functions
  uint32_t last_line = 0;
  size_t end = 0;               // offset after the last token
  int32_t function = -1;        // the innermost function, this one or an enclosing one
  uint32_t function_depth = 0;  // functions open, this one included
  std::string container;        // the innermost class's name, unless a function lies between
};

bool is_def_word(Lang lang, std::string_view w) {
  if (lang == Lang::nim)
    return w == "proc" || w == "func" || w == "method" || w == "iterator" || w == "template" ||
           w == "macro" || w == "converter";
  return w == "def";
}

class IndentFinder {
 public:
  IndentFinder(const TokenList& tokens, const SourceLines& lines, const Language& language)
      : t_(tokens), lines_(lines), lang_(language.lang) {}

  std::vector<FoundUnit> run() {
    const std::vector<LogicalLine> logical = logical_lines(t_, lines_, 0, t_.size());
    for (const LogicalLine& l : logical) visit(l);
    while (!open_.empty()) close_top();
    return std::move(found_);
  }

 private:
  void visit(const LogicalLine& l) {
    while (!open_.empty() && open_.back().columns >= l.columns) close_top();
    const size_t last = l.last;
    const uint32_t end_line = last_line_of(t_, lines_, last);
    const size_t end = t_.tokens[last].begin + t_.tokens[last].size;
    if (!open_.empty()) {
      open_.back().last_line = std::max(open_.back().last_line, end_line);
      open_.back().end = std::max(open_.back().end, end);
    }
    size_t k = l.first;
    if (t_.text_of(k) == "@") {
      if (decorator_line_ == 0) decorator_line_ = t_.tokens[k].line, decorator_begin_ = t_.tokens[k].begin;
      return;
    }
    if (t_.text_of(k) == "async") ++k;
    const std::string_view w = k <= last ? t_.text_of(k) : std::string_view();
    const bool def = is_def_word(lang_, w);
    const bool cls = lang_ == Lang::python && w == "class";
    if ((def || cls) && k + 1 <= last && t_.is_word(k + 1)) {
      open_unit(l, k, def);
    }
    decorator_line_ = 0;
  }

  // The ':' (Python) or '=' (Nim) ending the header at bracket depth 0.
  size_t header_end(const LogicalLine& l, size_t from) const {
    int depth = 0;
    for (size_t i = from; i <= l.last; ++i) {
      const std::string_view s = t_.text_of(i);
      if (s == "(" || s == "[" || s == "{") ++depth;
      if ((s == ")" || s == "]" || s == "}") && depth > 0) --depth;
      if (depth == 0 && s == (lang_ == Lang::nim ? "=" : ":")) return i;
    }
    return l.last + 1;
  }

  void open_unit(const LogicalLine& l, size_t keyword, bool is_function) {
    const size_t colon = header_end(l, keyword + 1);
    const Token& first = t_.tokens[l.first];
    const uint32_t first_line = decorator_line_ != 0 ? decorator_line_ : first.line;
    const size_t begin = decorator_line_ != 0 ? decorator_begin_ : first.begin;
    const uint32_t end_line = last_line_of(t_, lines_, l.last);
    const size_t end = t_.tokens[l.last].begin + t_.tokens[l.last].size;
    Open o;
    o.columns = l.columns;
    o.last_line = end_line;
    o.end = end;
    o.function = parent();
    o.function_depth = depth();
    const std::string name(t_.text_of(keyword + 1));
    o.container = is_function ? std::string() : name;
    if (is_function && depth() < kMaxFunctionDepth) {
      o.index = o.function = static_cast<int32_t>(found_.size());
      o.function_depth = depth() + 1;
      FoundUnit u;
      Function& f = u.function;
      f.name = name;
      f.container = container();
      f.first_line = first_line;
      f.name_line = t_.tokens[keyword + 1].line;
      f.body_begin = colon <= l.last ? t_.tokens[colon].begin + 1 : end;
      f.depth = depth();
      f.parent = parent();
      u.begin = begin;
      found_.push_back(std::move(u));
    }
    open_.push_back(std::move(o));
    // A body on the header's own line ("def f(): pass") ends the unit there.
    if (colon < l.last) close_top();
  }

  void close_top() {
    Open o = std::move(open_.back());
    open_.pop_back();
    if (!open_.empty()) {
      open_.back().last_line = std::max(open_.back().last_line, o.last_line);
      open_.back().end = std::max(open_.back().end, o.end);
    }
    if (o.index < 0) return;
    FoundUnit& u = found_[static_cast<size_t>(o.index)];
    Function& f = u.function;
    f.last_line = o.last_line;
    f.body_end = std::max(f.body_begin, o.end);
    f.body_first_line = lines_.line_of(f.body_begin);
    f.body_last_line = lines_.line_of(f.body_end);
    u.end = o.end;
  }

  uint32_t depth() const { return open_.empty() ? 0 : open_.back().function_depth; }
  int32_t parent() const { return open_.empty() ? -1 : open_.back().function; }
  std::string container() const { return open_.empty() ? std::string() : open_.back().container; }

  const TokenList& t_;
  const SourceLines& lines_;
  Lang lang_;
  std::vector<Open> open_;
  std::vector<FoundUnit> found_;
  uint32_t decorator_line_ = 0;
  size_t decorator_begin_ = 0;
};

}  // namespace

std::vector<FoundUnit> find_indented_functions(const TokenList& tokens, const SourceLines& lines,
                                               const Language& language) {
  return IndentFinder(tokens, lines, language).run();
}

}  // namespace assay::structure
