#include "code_structure.h"

#include <algorithm>

#include "complexity.h"
#include "finders.h"
#include "language.h"
#include "lexer.h"
#include "non_code.h"
#include "source_lines.h"
#include "statements.h"
#include "syntax.h"
#include "tokens.h"

namespace assay::structure {

struct FileStructure::Detail {
  Detail(std::string_view source, std::string_view language_id)
      : text(source),
        language(language_of(language_id)),
        lines(text, lex(language_id)),
        tokens(tokenize(text, non_code, language)) {}

  // Lexes the text and keeps the comments and non-code spans; returns the spans.
  const std::vector<markers::NonCodeSpan>& lex(std::string_view language_id) {
    if (const markers::Syntax* syntax = markers::find_syntax(language_id))
      comments = markers::lex_comments(text, *syntax, non_code);
    return non_code;
  }

  std::string_view text;
  Language language;
  markers::CommentList comments;
  std::vector<markers::NonCodeSpan> non_code;
  SourceLines lines;
  TokenList tokens;
};

namespace {

// The finders report a function when its body opens; on malformed input a
// header can begin above an earlier function's. Sorting by first line keeps
// parents before their children (a parent begins no later than its child).
void in_line_order(std::vector<FoundUnit>& found) {
  std::vector<size_t> order(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return found[a].function.first_line < found[b].function.first_line;
  });
  std::vector<int32_t> position(found.size());
  for (size_t i = 0; i < order.size(); ++i) position[order[i]] = static_cast<int32_t>(i);
  std::vector<FoundUnit> sorted;
  sorted.reserve(found.size());
  for (size_t i : order) {
    sorted.push_back(std::move(found[i]));
    int32_t& parent = sorted.back().function.parent;
    if (parent >= 0) parent = position[static_cast<size_t>(parent)];
  }
  found = std::move(sorted);
}

}  // namespace

std::string Function::qualified_name() const { return container.empty() ? name : container + "." + name; }

FileStructure::FileStructure() = default;
FileStructure::FileStructure(FileStructure&&) noexcept = default;
FileStructure& FileStructure::operator=(FileStructure&&) noexcept = default;
FileStructure::~FileStructure() = default;

FileStructure FileStructure::analyze(std::string_view text, std::string_view language) {
  return analyze(text, language, true);
}

FileStructure FileStructure::analyze_units(std::string_view text, std::string_view language, Without) {
  return analyze(text, language, false);
}

FileStructure FileStructure::analyze(std::string_view text, std::string_view language,
                                     bool measure_complexity) {
  FileStructure out;
  out.language_ = std::string(language);
  out.detail_ = std::make_unique<Detail>(text, language);
  const Detail& d = *out.detail_;
  std::vector<FoundUnit> found;
  switch (d.language.family) {
    case Family::braces:
      found = find_brace_functions(d.tokens, d.lines, d.language);
      break;
    case Family::indentation:
      found = find_indented_functions(d.tokens, d.lines, d.language);
      break;
    case Family::end_keywords:
      found = find_end_functions(d.tokens, d.lines, d.language);
      break;
    case Family::blocks:
      found = find_blocks(text, d.lines);
      break;
  }
  in_line_order(found);
  out.unit_kind_ = d.language.family == Family::blocks ? UnitKind::block : UnitKind::function;
  out.functions_.reserve(found.size());
  for (FoundUnit& u : found) out.functions_.push_back(std::move(u.function));
  if (!measure_complexity) return out;
  const ComplexityMeter meter(d.tokens, d.lines, d.language);
  for (size_t i = 0; i < found.size(); ++i) {
    Function& f = out.functions_[i];
    f.complexity = meter.measure(f.first_line, f.last_line, found[i].begin, found[i].end, true);
  }
  out.complexity_ = meter.measure(1, static_cast<uint32_t>(d.lines.size()), 0, text.size(), false);
  return out;
}

uint32_t FileStructure::line_count() const { return static_cast<uint32_t>(detail_->lines.size()); }

std::vector<Statement> FileStructure::body_statements(const Function& function) const {
  const Detail& d = *detail_;
  const BodyReader reader{d.tokens, d.lines, d.non_code, d.language};
  return reader.statements(function.body_begin, function.body_end);
}

std::vector<markers::CommentLine> FileStructure::comments_in(const Function& function) const {
  const auto& lines = detail_->comments.lines;
  auto first = std::lower_bound(lines.begin(), lines.end(), function.first_line,
                                [](const markers::CommentLine& c, uint32_t n) { return c.line < n; });
  auto last = std::upper_bound(first, lines.end(), function.last_line,
                               [](uint32_t n, const markers::CommentLine& c) { return n < c.line; });
  return {first, last};
}

std::vector<markers::CommentLine> FileStructure::comments_above(const Function& function) const {
  const Detail& d = *detail_;
  const auto& lines = d.comments.lines;
  auto end = std::lower_bound(lines.begin(), lines.end(), function.first_line,
                              [](const markers::CommentLine& c, uint32_t n) { return c.line < n; });
  auto begin = end;
  uint32_t expected = function.first_line;
  while (begin != lines.begin()) {
    const markers::CommentLine& c = *(begin - 1);
    if (c.line + 1 < expected || c.line == 0 || d.lines.line(c.line).code) break;
    expected = c.line;
    --begin;
  }
  return {begin, end};
}

std::string_view FileStructure::lines_text(uint32_t first, uint32_t last) const {
  const SourceLines& lines = detail_->lines;
  if (first == 0 || first > last || first > lines.size()) return {};
  last = std::min<uint32_t>(last, static_cast<uint32_t>(lines.size()));
  const size_t begin = lines.line(first).begin;
  return detail_->text.substr(begin, lines.line(last).end - begin);
}

}  // namespace assay::structure
