#include "json_indent.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

namespace assay::reporters {
namespace {

// Deeper nesting than this is left to the slow path.
constexpr size_t kMaxDepth = 256;
// An object with more keys than this is left to the slow path, which finds
// repeated keys without comparing every pair.
constexpr size_t kMaxCheckedKeys = 128;
// Integers of up to this many digits fit nlohmann's 64-bit integers, so it
// prints them as they are; longer ones it may turn into floating point.
constexpr size_t kMaxPlainDigits = 18;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes a string literal holds as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlainStringBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  return table;
}();

// A cheap hash of a key's text, compared before the text itself.
uint64_t key_hash(std::string_view raw) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (char c : raw) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return hash;
}

// Length of the valid UTF-8 sequence at `p` (lead byte >= 0x80), or 0.
size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = *p;
  size_t length = 0;
  uint32_t value = 0;
  uint32_t min_value = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1Fu, min_value = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0Fu, min_value = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07u, min_value = 0x10000;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    value = (value << 6) | (p[i] & 0x3Fu);
  }
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return length;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // nlohmann writes lower-case hex digits only
}

// Whether the escape at `p` (just past the backslash) is one nlohmann
// writes; sets `length` to its size after the backslash.
bool canonical_escape(std::string_view text, size_t p, size_t& length) {
  if (p >= text.size()) return false;
  switch (text[p]) {
    case '"':
    case '\\':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      length = 1;
      return true;
    case 'u': {
      // Only control characters without a short escape are written as \u00xx.
      if (p + 5 > text.size() || text[p + 1] != '0' || text[p + 2] != '0') return false;
      const int high = hex_value(text[p + 3]);
      const int low = hex_value(text[p + 4]);
      if (high < 0 || high > 1 || low < 0) return false;
      const int c = high * 16 + low;
      if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') return false;
      length = 5;
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

bool JsonIndenter::FloatTexts::append(std::string& out, std::string_view token) {
  Slot* slot = nullptr;
  if (token.size() <= sizeof(Slot::token)) {
    size_t hash = token.size();
    for (char c : token) hash = hash * 31 + static_cast<unsigned char>(c);
    slot = &slots_[hash % kSlots];
    if (slot->token_size == token.size() && std::string_view(slot->token, slot->token_size) == token) {
      out.append(slot->text, slot->text_size);
      return true;
    }
  }
  double value = 0;
  const auto parsed = std::from_chars(token.data(), token.data() + token.size(), value);
  if (parsed.ec != std::errc() || parsed.ptr != token.data() + token.size()) return false;
  char buffer[64];
  // The routine nlohmann's serializer prints floating-point numbers with.
  const char* printed = nlohmann::detail::to_chars(buffer, buffer + sizeof(buffer), value);
  const auto size = static_cast<size_t>(printed - buffer);
  out.append(buffer, size);
  if (slot != nullptr && size <= sizeof(Slot::text)) {
    std::memcpy(slot->token, token.data(), token.size());
    slot->token_size = static_cast<uint8_t>(token.size());
    std::memcpy(slot->text, buffer, size);
    slot->text_size = static_cast<uint8_t>(size);
  }
  return true;
}

// One text's pass: the tokens in order, checked and laid out as they come.
class JsonIndenter::Pass {
 public:
  Pass(std::vector<Container>& levels, FloatTexts& numbers, std::string& out, std::string_view text, int indent,
       int depth)
      : levels_(levels),
        numbers_(numbers),
        out_(out),
        text_(text),
        indent_(static_cast<size_t>(indent)),
        base_(static_cast<size_t>(depth)) {}

  bool run() {
    bool need_value = true;
    for (;;) {
      if (need_value) {
        // Opening a non-empty container leaves its first value to come.
        opened_ = false;
        if (!value()) return false;
        need_value = opened_;
        continue;
      }
      if (open_ == 0) return pos_ == text_.size();
      if (pos_ >= text_.size()) return false;
      const char c = text_[pos_];
      const bool object = levels_[open_ - 1].object;
      if (c == ',') {
        ++pos_;
        out_ += ',';
        line_break(open_);
        if (object && !key()) return false;
        need_value = true;
      } else if (c == (object ? '}' : ']')) {
        ++pos_;
        --open_;
        line_break(open_);
        out_ += c;
      } else {
        return false;
      }
    }
  }

 private:
  void line_break(size_t level) {
    out_ += '\n';
    out_.append((base_ + level) * indent_, ' ');
  }

  // A value at the current position; containers are opened, not finished.
  bool value() {
    if (pos_ >= text_.size()) return false;
    switch (text_[pos_]) {
      case '{':
      case '[':
        return open_container();
      case '"':
        return string();
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number();
    }
  }

  bool open_container() {
    const bool object = text_[pos_] == '{';
    const char close = object ? '}' : ']';
    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == close) {
      out_ += text_.substr(pos_, 2);  // nlohmann prints empty containers as {} and []
      pos_ += 2;
      return true;
    }
    if (open_ >= kMaxDepth) return false;
    out_ += text_[pos_++];
    if (open_ == levels_.size()) levels_.emplace_back();
    Container& opened = levels_[open_++];
    opened.object = object;
    opened.keys.clear();
    opened_ = true;
    line_break(open_);
    return !object || key();
  }

  bool key() {
    const size_t begin = pos_;
    if (pos_ >= text_.size() || text_[pos_] != '"' || !string()) return false;
    const std::string_view raw = text_.substr(begin, pos_ - begin);
    auto& keys = levels_[open_ - 1].keys;
    if (keys.size() >= kMaxCheckedKeys) return false;
    const uint64_t hash = key_hash(raw);
    for (const auto& [seen_hash, seen] : keys) {
      if (seen_hash == hash && seen == raw) return false;  // nlohmann keeps one value per key
    }
    keys.emplace_back(hash, raw);
    if (pos_ >= text_.size() || text_[pos_] != ':') return false;
    ++pos_;
    out_ += ": ";
    return true;
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    out_ += word;
    pos_ += word.size();
    return true;
  }

  // Copies a string literal that nlohmann would write the same way.
  bool string() {
    const auto* begin = reinterpret_cast<const unsigned char*>(text_.data());
    const auto* end = begin + text_.size();
    const size_t size = text_.size();
    size_t p = pos_ + 1;
    while (p < size) {
      while (p < size && kPlainStringBytes[begin[p]]) ++p;
      if (p >= size) break;
      const unsigned char c = begin[p];
      if (c == '"') {
        ++p;
        out_.append(text_.data() + pos_, p - pos_);
        pos_ = p;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        size_t length = 0;
        if (!canonical_escape(text_, p + 1, length)) return false;
        p += 1 + length;
      } else if (c < 0x80) {
        ++p;
      } else {
        const size_t length = utf8_sequence(begin + p, end);
        if (length == 0) return false;
        p += length;
      }
    }
    return false;
  }

  // Integers nlohmann prints as they are are copied; other numbers are
  // printed as nlohmann prints the double it reads from them.
  bool number() {
    const size_t begin = pos_;
    size_t p = pos_;
    if (p < text_.size() && text_[p] == '-') ++p;
    const size_t digits_begin = p;
    while (p < text_.size() && is_digit(text_[p])) ++p;
    const size_t int_digits = p - digits_begin;
    if (int_digits == 0 || (int_digits > 1 && text_[digits_begin] == '0')) return false;
    bool is_float = false;
    if (p < text_.size() && text_[p] == '.') {
      is_float = true;
      const size_t fraction = ++p;
      while (p < text_.size() && is_digit(text_[p])) ++p;
      if (p == fraction) return false;
    }
    if (p < text_.size() && (text_[p] == 'e' || text_[p] == 'E')) {
      is_float = true;
      ++p;
      if (p < text_.size() && (text_[p] == '+' || text_[p] == '-')) ++p;
      const size_t exponent = p;
      while (p < text_.size() && is_digit(text_[p])) ++p;
      if (p == exponent) return false;
    }
    const std::string_view token = text_.substr(begin, p - begin);
    pos_ = p;
    if (!is_float) {
      if (int_digits > kMaxPlainDigits || token == "-0") return false;
      out_ += token;
      return true;
    }
    return numbers_.append(out_, token);
  }

  std::vector<Container>& levels_;
  FloatTexts& numbers_;
  size_t open_ = 0;
  bool opened_ = false;  // the last value() opened a container
  std::string& out_;
  std::string_view text_;
  size_t indent_;
  size_t base_;
  size_t pos_ = 0;
};

bool JsonIndenter::append(std::string& out, std::string_view compact, int indent, int depth) {
  const size_t mark = out.size();
  if (Pass(levels_, numbers_, out, compact, indent, depth).run()) return true;
  out.resize(mark);
  return false;
}

}  // namespace assay::reporters
