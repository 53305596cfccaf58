#include "finding/compact_json.h"

#include <charconv>
#include <cstring>
#include <limits>
#include <system_error>

#include "finding/utf8.h"

namespace assay {
namespace {

// Deeper nesting than this is left to nlohmann::json (the reader recurses).
constexpr int kMaxDepth = 64;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Whether text[pos..] starts with a plain byte run of a string (no quote,
// backslash or control character); returns the run's end.
size_t plain_run_end(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c == '"' || c == '\\' || c < 0x20) break;
    ++pos;
  }
  return pos;
}

}  // namespace

bool CompactJsonReader::consume(char c) {
  if (!next_is(c)) return false;
  ++pos_;
  return true;
}

bool CompactJsonReader::literal(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word) return false;
  pos_ += word.size();
  return true;
}

bool CompactJsonReader::read_null() { return literal("null"); }

bool CompactJsonReader::read_string(std::string& out) {
  out.clear();
  if (!consume('"')) return false;
  while (true) {
    const size_t run_end = plain_run_end(text_, pos_);
    const std::string_view run = text_.substr(pos_, run_end - pos_);
    if (!is_valid_utf8(run)) return false;
    out.append(run);
    pos_ = run_end;
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_++];
    if (c == '"') return true;
    if (c != '\\' || pos_ >= text_.size()) return false;  // a raw control character
    const char e = text_[pos_++];
    switch (e) {
      case '"': out.push_back('"'); continue;
      case '\\': out.push_back('\\'); continue;
      case '/': out.push_back('/'); continue;
      case 'b': out.push_back('\b'); continue;
      case 'f': out.push_back('\f'); continue;
      case 'n': out.push_back('\n'); continue;
      case 'r': out.push_back('\r'); continue;
      case 't': out.push_back('\t'); continue;
      case 'u': break;
      default: return false;
    }
    // \uXXXX, a surrogate pair as two of them.
    const auto code_unit = [&](uint32_t& unit) {
      if (pos_ + 4 > text_.size()) return false;
      unit = 0;
      for (int i = 0; i < 4; ++i) {
        const int h = hex_value(text_[pos_ + i]);
        if (h < 0) return false;
        unit = unit * 16 + static_cast<uint32_t>(h);
      }
      pos_ += 4;
      return true;
    };
    uint32_t code = 0;
    if (!code_unit(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
      uint32_t low = 0;
      if (!literal("\\u") || !code_unit(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, code);
  }
}

bool CompactJsonReader::read_key(std::string_view& key) {
  bool escaped = false;
  if (!canonical_string(key, escaped) || escaped) return false;
  return consume(':');
}

bool CompactJsonReader::read_unsigned(uint64_t& out) {
  const size_t start = pos_;
  while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  const size_t length = pos_ - start;
  if (length == 0 || (length > 1 && text_[start] == '0')) return false;
  if (next_is('.') || next_is('e') || next_is('E')) return false;
  const auto [end, error] = std::from_chars(text_.data() + start, text_.data() + pos_, out);
  return error == std::errc() && end == text_.data() + pos_;
}

bool CompactJsonReader::read_double(double& out) {
  // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  const size_t start = pos_;
  consume('-');
  const size_t int_start = pos_;
  while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  const size_t int_length = pos_ - int_start;
  if (int_length == 0 || (int_length > 1 && text_[int_start] == '0')) return false;
  bool integer = true;
  if (consume('.')) {
    integer = false;
    const size_t digits = pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    if (pos_ == digits) return false;
  }
  if (consume('e') || consume('E')) {
    integer = false;
    if (!consume('+')) consume('-');
    const size_t digits = pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    if (pos_ == digits) return false;
  }
  const auto [end, error] = std::from_chars(text_.data() + start, text_.data() + pos_, out);
  if (error != std::errc() || end != text_.data() + pos_) return false;
  // nlohmann::json keeps "-0" as the integer 0, whose double is +0.
  if (integer && out == 0) out = 0;
  return true;
}

bool CompactJsonReader::read_canonical(std::string_view& raw) {
  const size_t start = pos_;
  if (!canonical_value(0)) return false;
  raw = text_.substr(start, pos_ - start);
  return true;
}

bool CompactJsonReader::canonical_string(std::string_view& inner, bool& escaped) {
  if (!consume('"')) return false;
  const size_t start = pos_;
  escaped = false;
  while (true) {
    const size_t run_end = plain_run_end(text_, pos_);
    if (!is_valid_utf8(text_.substr(pos_, run_end - pos_))) return false;
    pos_ = run_end;
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_++];
    if (c == '"') break;
    if (c != '\\' || pos_ >= text_.size()) return false;
    escaped = true;
    const char e = text_[pos_++];
    if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') continue;
    // dump() writes \u00xx (lower-case hex) for the other control characters only.
    if (e != 'u' || text_.substr(pos_, 2) != "00" || pos_ + 4 > text_.size()) return false;
    const int high = hex_value(text_[pos_ + 2]);
    const int low = hex_value(text_[pos_ + 3]);
    if (high < 0 || high > 1 || low < 0 || (text_[pos_ + 3] >= 'A' && text_[pos_ + 3] <= 'F')) return false;
    const int code = high * 16 + low;
    if (code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t') return false;
    pos_ += 4;
  }
  inner = text_.substr(start, pos_ - 1 - start);
  return true;
}

bool CompactJsonReader::canonical_integer() {
  const bool negative = consume('-');
  uint64_t magnitude = 0;
  if (!read_unsigned(magnitude)) return false;
  if (!negative) return true;
  // "-0" is dumped as "0"; below INT64_MIN nlohmann keeps a float.
  const uint64_t most = static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + 1;
  return magnitude != 0 && magnitude <= most;
}

bool CompactJsonReader::canonical_value(int depth) {
  if (depth > kMaxDepth || at_end()) return false;
  const char c = text_[pos_];
  if (c == '"') {
    std::string_view inner;
    bool escaped = false;
    return canonical_string(inner, escaped);
  }
  if (c == '-' || is_digit(c)) return canonical_integer();
  if (c == 't') return literal("true");
  if (c == 'f') return literal("false");
  if (c == 'n') return literal("null");
  if (consume('[')) {
    if (consume(']')) return true;
    do {
      if (!canonical_value(depth + 1)) return false;
    } while (consume(','));
    return consume(']');
  }
  if (!consume('{')) return false;
  if (consume('}')) return true;
  std::string_view previous;
  bool first = true;
  do {
    std::string_view key;
    if (!read_key(key)) return false;
    // std::map's order (bytes compared as unsigned char), each key once.
    if (!first && !(previous < key)) return false;
    previous = key;
    first = false;
    if (!canonical_value(depth + 1)) return false;
  } while (consume(','));
  return consume('}');
}

}  // namespace assay
