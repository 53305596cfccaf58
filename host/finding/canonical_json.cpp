#include "finding/canonical_json.h"

#include <charconv>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <span>
#include <system_error>
#include <utility>

#include "finding/utf8.h"

namespace assay {
namespace {

constexpr int kMaxDepth = 64;
constexpr size_t kMaxIntegerDigits = 18;  // beyond, the value may not fit an integer

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

int hex_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

// A linear reader of the text; every read_* returns false as soon as the
// text leaves the compact form.
class Reader {
 public:
  explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool at_end() const { return p_ == end_; }

  bool read_value(int depth) {
    if (at_end()) return false;
    switch (*p_) {
      case '{':
        return read_object(depth + 1);
      case '[':
        return read_array(depth + 1);
      case '"':
        return read_string(nullptr);
      case 't':
        return read_word("true");
      case 'f':
        return read_word("false");
      case 'n':
        return read_word("null");
      default:
        return read_number();
    }
  }

  // `keys`, `values`: the value of the member named keys[i] is put into
  // values[i] (for the object read, not for nested ones).
  bool read_object(int depth, std::span<const std::string_view> keys = {},
                   std::span<std::optional<std::string_view>> values = {}) {
    if (depth > kMaxDepth || at_end() || *p_ != '{') return false;
    ++p_;
    if (take('}')) return true;
    std::string_view previous_key;
    bool first = true;
    do {
      std::string_view key;
      if (!read_string(&key)) return false;
      if (!first && !(previous_key < key)) return false;
      previous_key = key;
      first = false;
      if (!take(':')) return false;
      const char* value = p_;
      if (!read_value(depth)) return false;
      for (size_t i = 0; i < keys.size(); ++i) {
        if (key == keys[i]) values[i] = std::string_view(value, static_cast<size_t>(p_ - value));
      }
    } while (take(','));
    return take('}');
  }

 private:
  bool take(char c) {
    if (at_end() || *p_ != c) return false;
    ++p_;
    return true;
  }

  bool read_array(int depth) {
    if (depth > kMaxDepth) return false;
    ++p_;
    if (take(']')) return true;
    do {
      if (!read_value(depth)) return false;
    } while (take(','));
    return take(']');
  }

  bool read_word(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  bool read_number() {
    const char* start = p_;
    take('-');
    const char* digits = p_;
    while (!at_end() && *p_ >= '0' && *p_ <= '9') ++p_;
    const size_t count = static_cast<size_t>(p_ - digits);
    if (count == 0) return false;
    if (!at_end() && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) {
      while (!at_end() && is_number_character(*p_)) ++p_;
      return is_written_double(std::string_view(start, static_cast<size_t>(p_ - start)));
    }
    if (count > kMaxIntegerDigits) return false;
    return !(*digits == '0' && (count > 1 || digits != start));  // "01", "-0"
  }

  static bool is_number_character(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
  }

  // A fraction or an exponent makes a floating-point number: compact when
  // the writer spells its value exactly as `token` does (the round trip
  // reads it as the nearest double and writes that double's shortest form).
  static bool is_written_double(std::string_view token) {
    double value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc() || end != token.data() + token.size()) return false;
    return nlohmann::json(value).dump() == token;
  }

  // An escape the writer itself produces: \" \\ \b \f \n \r \t, or \u00xx
  // for a control character that has no short form.
  bool read_escape() {
    ++p_;  // the backslash
    if (at_end()) return false;
    const char c = *p_++;
    if (c == '"' || c == '\\' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't') return true;
    if (c != 'u' || end_ - p_ < 4) return false;
    if (p_[0] != '0' || p_[1] != '0' || !is_lower_hex(p_[2]) || !is_lower_hex(p_[3])) return false;
    const int value = hex_value(p_[2]) * 16 + hex_value(p_[3]);
    p_ += 4;
    return value < 0x20 && value != '\b' && value != '\f' && value != '\n' && value != '\r' && value != '\t';
  }

  // `key`: when given, the string is an object key, which must hold no
  // escape (its bytes are then the key's own, and compare as the key).
  bool read_string(std::string_view* key) {
    if (!take('"')) return false;
    const char* begin = p_;
    while (!at_end()) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        if (key) *key = std::string_view(begin, static_cast<size_t>(p_ - begin));
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (key || !read_escape()) return false;
      } else if (c < 0x80) {
        ++p_;
      } else {
        const size_t n = utf8_sequence_length(reinterpret_cast<const unsigned char*>(p_),
                                              reinterpret_cast<const unsigned char*>(end_));
        if (n == 0) return false;
        p_ += n;
      }
    }
    return false;
  }

  const char* p_;
  const char* end_;
};

}  // namespace

bool is_compact_json_object(std::string_view text) {
  Reader reader(text);
  return reader.read_object(1) && reader.at_end();
}

CompactMember find_compact_member(std::string_view text, std::string_view key) {
  std::optional<std::string_view> value;
  if (!find_compact_members(text, std::span<const std::string_view>(&key, 1), std::span(&value, 1))) return {};
  return {true, value};
}

bool find_compact_members(std::string_view text, std::span<const std::string_view> keys,
                          std::span<std::optional<std::string_view>> values) {
  for (auto& value : values) value.reset();
  if (values.size() != keys.size()) return false;
  Reader reader(text);
  return reader.read_object(1, keys, values) && reader.at_end();
}

}  // namespace assay
