#include "canonical_layout.h"

#include <array>
#include <cstddef>

namespace assay::reporters {
namespace {

// Bytes that end a run inside a string literal: its closing quote, or the
// backslash of an escape (whose next byte may be a quote).
constexpr std::array<bool, 256> kStringStops = [] {
  std::array<bool, 256> table{};
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

// Bytes outside string literals where the layout changes: the rest (numbers,
// literals) is copied as it is.
constexpr std::array<bool, 256> kStructure = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {'"', '{', '}', '[', ']', ',', ':'}) table[c] = true;
  return table;
}();

// One text's pass. Text is copied in runs: each run ends where the layout
// adds a line break or a space.
class Layout {
 public:
  Layout(std::string& out, std::string_view text, size_t indent, size_t depth)
      : out_(out), text_(text), indent_(indent), level_(depth) {}

  void run() {
    const size_t size = text_.size();
    while (pos_ < size) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (!kStructure[c]) {
        ++pos_;
        continue;
      }
      switch (c) {
        case '"':
          skip_string();
          break;
        case '{':
        case '[':
          open(c == '{' ? '}' : ']');
          break;
        case '}':
        case ']':
          flush(pos_);
          if (level_ > 0) --level_;  // only text that is not a dump closes more than it opened
          line_break();
          copied_ = pos_++;
          break;
        case ',':
          flush(++pos_);
          line_break();
          break;
        default:  // ':'
          flush(++pos_);
          out_ += ' ';
          break;
      }
    }
    flush(size);
  }

 private:
  void skip_string() {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    const size_t size = text_.size();
    size_t p = pos_ + 1;
    for (;;) {
      while (p < size && !kStringStops[bytes[p]]) ++p;
      if (p >= size) break;
      if (bytes[p] == '"') {
        ++p;
        break;
      }
      p += 2;  // the backslash and the byte it escapes
    }
    pos_ = p < size ? p : size;
  }

  void open(char close) {
    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == close) {
      pos_ += 2;  // nlohmann prints empty containers as {} and []
      return;
    }
    flush(++pos_);
    ++level_;
    line_break();
  }

  void flush(size_t end) {
    out_.append(text_.data() + copied_, end - copied_);
    copied_ = end;
  }

  void line_break() {
    out_ += '\n';
    out_.append(level_ * indent_, ' ');
  }

  std::string& out_;
  std::string_view text_;
  size_t indent_;
  size_t level_;
  size_t pos_ = 0;
  size_t copied_ = 0;  // text_[0, copied_) is in out_
};

}  // namespace

void append_canonical_layout(std::string& out, std::string_view compact, int indent, int depth) {
  Layout(out, compact, static_cast<size_t>(indent), static_cast<size_t>(depth)).run();
}

}  // namespace assay::reporters
