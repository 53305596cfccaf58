#include "source_lines.h"

#include <algorithm>
#include <array>

namespace assay::structure {
namespace {

constexpr uint32_t kTabWidth = 4;
constexpr uint32_t kMaxUnit = 8;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

SourceLines::SourceLines(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code) {
  measure(text, non_code);
  find_unit();
  for (SourceLine& l : lines_) l.level = l.columns / unit_;
}

void SourceLines::measure(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code) {
  size_t span = 0;
  size_t begin = 0;
  while (true) {
    const size_t nl = text.find('\n', begin);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    SourceLine line{begin, end};
    while (span < non_code.size() && non_code[span].end <= begin) ++span;
    line.continues = span < non_code.size() && !non_code[span].comment && non_code[span].begin < begin;
    size_t p = begin;
    for (; p < end && is_blank(text[p]); ++p) {
      line.columns = text[p] == '\t' ? (line.columns / kTabWidth + 1) * kTabWidth : line.columns + 1;
    }
    // Code is any byte outside comments; spans are skipped whole, so a long
    // comment costs one step per line.
    size_t s = span;
    while (p < end && !line.code) {
      while (s < non_code.size() && non_code[s].end <= p) ++s;
      if (s < non_code.size() && non_code[s].begin <= p) {
        if (!non_code[s].comment) line.code = true;
        p = std::min(non_code[s].end, end);
        continue;
      }
      if (!is_blank(text[p])) line.code = true;
      ++p;
    }
    lines_.push_back(line);
    // A final line break ends the last line; it does not begin another.
    if (nl == std::string_view::npos || nl + 1 == text.size()) break;
    begin = nl + 1;
  }
}

// The most frequent increase of indentation from one code line to the next
// (ties to the smaller step); 4 when the file never indents.
void SourceLines::find_unit() {
  std::array<uint32_t, kMaxUnit + 1> steps{};
  uint32_t previous = 0;
  bool have_previous = false;
  for (uint32_t n = 1; n <= lines_.size(); ++n) {
    if (!counts(n)) continue;
    const uint32_t columns = line(n).columns;
    if (have_previous && columns > previous && columns - previous <= kMaxUnit) ++steps[columns - previous];
    previous = columns;
    have_previous = true;
  }
  uint32_t best = 0;
  for (uint32_t step = 1; step <= kMaxUnit; ++step) {
    if (steps[step] > steps[best]) best = step;
  }
  unit_ = best == 0 ? kTabWidth : best;
}

uint32_t SourceLines::line_of(size_t offset) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                             [](size_t o, const SourceLine& l) { return o < l.begin; });
  return static_cast<uint32_t>(it - lines_.begin());
}

}  // namespace assay::structure
