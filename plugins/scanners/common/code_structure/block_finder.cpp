// Top-level indentation blocks: the unit of languages without functions
// (YAML, SQL, Makefile, CSS, Markdown, ...). A line at the file's base
// indentation followed by deeper lines is one block; consecutive base
// lines without deeper ones form one block until a blank line; a base line
// holding only closing brackets or an end keyword closes the block above.
#include <algorithm>
#include <string>

#include "finders.h"

namespace assay::structure {
namespace {

constexpr size_t kMaxBlockName = 60;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

bool closes_block(std::string_view line) {
  const std::string_view s = trimmed(line);
  if (s == "end" || s == "fi" || s == "done" || s == "esac" || s == "endif" || s == "endfunction" ||
      s == "endmacro")
    return true;
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c == '}' || c == ']' || c == ')' || c == ';' || c == ',' || is_blank(c);
  });
}

// At most kMaxBlockName bytes, never cutting a UTF-8 sequence.
std::string block_name(std::string_view line) {
  std::string_view s = trimmed(line);
  if (s.size() > kMaxBlockName) {
    size_t cut = kMaxBlockName;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut);
  }
  return std::string(s);
}

class BlockFinder {
 public:
  BlockFinder(std::string_view text, const SourceLines& lines) : text_(text), lines_(lines) {}

  std::vector<FoundUnit> run() {
    base_ = base_columns();
    for (uint32_t n = 1; n <= lines_.size(); ++n) visit(n);
    close();
    return std::move(found_);
  }

 private:
  uint32_t base_columns() const {
    uint32_t base = UINT32_MAX;
    for (uint32_t n = 1; n <= lines_.size(); ++n) {
      if (lines_.counts(n)) base = std::min(base, lines_.line(n).columns);
    }
    return base == UINT32_MAX ? 0 : base;
  }

  std::string_view line_text(uint32_t n) const {
    const SourceLine& l = lines_.line(n);
    return text_.substr(l.begin, l.end - l.begin);
  }

  void visit(uint32_t n) {
    const SourceLine& l = lines_.line(n);
    if (!lines_.counts(n)) {
      // A blank line ends a run of base lines; comments and continuation
      // lines stay inside the block.
      if (!l.code && trimmed(line_text(n)).empty() && open_ && !has_children_) close();
      return;
    }
    if (l.columns > base_) {
      if (open_) {
        has_children_ = true;
        last_ = n;
      }
      return;
    }
    if (open_ && has_children_ && closes_block(line_text(n))) {
      last_ = n;
      return;
    }
    if (open_ && !has_children_ && next_is_deeper(n)) close();
    if (open_ && has_children_) close();
    if (!open_) {
      open_ = true;
      first_ = n;
      has_children_ = false;
    }
    last_ = n;
  }

  bool next_is_deeper(uint32_t n) const {
    for (uint32_t m = n + 1; m <= lines_.size(); ++m) {
      if (lines_.counts(m)) return lines_.line(m).columns > base_;
    }
    return false;
  }

  void close() {
    if (!open_) return;
    open_ = false;
    FoundUnit u;
    Function& f = u.function;
    f.kind = UnitKind::block;
    f.name = block_name(line_text(first_));
    f.first_line = f.name_line = first_;
    f.last_line = last_;
    const SourceLine& first = lines_.line(first_);
    const SourceLine& last = lines_.line(last_);
    f.body_begin = first.begin;
    f.body_end = last.end;
    f.body_first_line = first_;
    f.body_last_line = last_;
    u.begin = first.begin;
    u.end = last.end;
    found_.push_back(std::move(u));
  }

  std::string_view text_;
  const SourceLines& lines_;
  std::vector<FoundUnit> found_;
  uint32_t base_ = 0;
  bool open_ = false;
  bool has_children_ = false;
  uint32_t first_ = 0;
  uint32_t last_ = 0;
};

}  // namespace

std::vector<FoundUnit> find_blocks(std::string_view text, const SourceLines& lines) {
  return BlockFinder(text, lines).run();
}

}  // namespace assay::structure
