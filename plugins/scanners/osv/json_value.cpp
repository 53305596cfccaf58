#include "json_value.h"

#include <cstring>

namespace assay::osv {
namespace {

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  JsonValue document() {
    JsonValue value = parse_value(0);
    skip_space();
    if (pos_ < text_.size()) fail("unexpected text after the JSON value");
    return value;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;

  [[noreturn]] void fail(const std::string& problem) const {
    throw JsonSyntaxError(line_, static_cast<uint32_t>(pos_ - line_start_ + 1), problem);
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  void skip_space() {
    while (!at_end()) {
      const char c = peek();
      if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        return;
      }
    }
  }

  void expect_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word)
      fail("invalid literal (expected '" + std::string(word) + "')");
    pos_ += word.size();
  }

  JsonValue parse_value(int depth) {
    skip_space();
    if (at_end()) fail("unexpected end of input, expected a value");
    JsonValue value;
    value.line = line_;
    switch (peek()) {
      case '{':
        if (depth >= kMaxJsonDepth) fail("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        value.kind = JsonValue::Kind::object;
        parse_object(value, depth + 1);
        break;
      case '[':
        if (depth >= kMaxJsonDepth) fail("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        value.kind = JsonValue::Kind::array;
        parse_array(value, depth + 1);
        break;
      case '"':
        value.kind = JsonValue::Kind::string;
        value.text = parse_string();
        break;
      case 't':
        expect_word("true");
        value.kind = JsonValue::Kind::boolean;
        value.boolean = true;
        break;
      case 'f':
        expect_word("false");
        value.kind = JsonValue::Kind::boolean;
        break;
      case 'n':
        expect_word("null");
        break;
      default:
        value.kind = JsonValue::Kind::number;
        value.text = parse_number();
    }
    return value;
  }

  void parse_object(JsonValue& object, int depth) {
    ++pos_;  // '{'
    skip_space();
    if (!at_end() && peek() == '}') {
      ++pos_;
      return;
    }
    while (true) {
      skip_space();
      if (at_end() || peek() != '"') fail("expected a member name in double quotes");
      JsonMember member;
      member.key = parse_string();
      skip_space();
      if (at_end() || peek() != ':') fail("expected ':' after the member name");
      ++pos_;
      member.value = parse_value(depth);
      object.members.push_back(std::move(member));
      skip_space();
      if (at_end()) fail("unexpected end of input inside an object");
      if (peek() == '}') {
        ++pos_;
        return;
      }
      if (peek() != ',') fail("expected ',' or '}' after an object member");
      ++pos_;
    }
  }

  void parse_array(JsonValue& array, int depth) {
    ++pos_;  // '['
    skip_space();
    if (!at_end() && peek() == ']') {
      ++pos_;
      return;
    }
    while (true) {
      array.items.push_back(parse_value(depth));
      skip_space();
      if (at_end()) fail("unexpected end of input inside an array");
      if (peek() == ']') {
        ++pos_;
        return;
      }
      if (peek() != ',') fail("expected ',' or ']' after an array element");
      ++pos_;
    }
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  size_t digits() {
    const size_t start = pos_;
    while (!at_end() && is_digit(peek())) ++pos_;
    return pos_ - start;
  }

  std::string parse_number() {
    const size_t start = pos_;
    if (!at_end() && peek() == '-') ++pos_;
    if (at_end() || !is_digit(peek())) fail("expected a value");
    if (peek() == '0') {
      ++pos_;
    } else {
      digits();
    }
    if (!at_end() && peek() == '.') {
      ++pos_;
      if (digits() == 0) fail("expected digits after the decimal point");
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
      if (digits() == 0) fail("expected digits in the exponent");
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  unsigned hex4() {
    if (text_.size() - pos_ < 4) fail("incomplete \\u escape");
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        --pos_;
        fail("invalid hex digit in \\u escape");
      }
    }
    return value;
  }

  static void append_utf8(std::string& out, unsigned code) {
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

  // A \u escape; a lone surrogate becomes U+FFFD rather than invalid UTF-8.
  void parse_unicode_escape(std::string& out) {
    unsigned code = hex4();
    if (code >= 0xD800 && code <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
      const size_t mark = pos_;
      pos_ += 2;
      const unsigned low = hex4();
      if (low >= 0xDC00 && low <= 0xDFFF) {
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      } else {
        pos_ = mark;
        code = 0xFFFD;
      }
    } else if (code >= 0xD800 && code <= 0xDFFF) {
      code = 0xFFFD;
    }
    append_utf8(out, code);
  }

  std::string parse_string() {
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      const size_t run = pos_;
      while (!at_end() && peek() != '"' && peek() != '\\' && static_cast<unsigned char>(peek()) >= 0x20)
        ++pos_;
      out.append(text_.substr(run, pos_ - run));
      if (at_end()) fail("unterminated string");
      const char c = peek();
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c != '\\') fail("control character inside a string (escape it)");
      ++pos_;
      if (at_end()) fail("unterminated string");
      const char e = text_[pos_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u':
          parse_unicode_escape(out);
          break;
        default:
          --pos_;
          fail(std::string("invalid escape '\\") + e + "'");
      }
    }
  }
};

}  // namespace

JsonSyntaxError::JsonSyntaxError(uint32_t line, uint32_t column, const std::string& problem)
    : std::runtime_error("line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                         problem),
      line_(line),
      column_(column) {}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (kind != Kind::object) return nullptr;
  for (const JsonMember& member : members) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

std::string_view JsonValue::string_or_empty(std::string_view key) const {
  const JsonValue* value = find(key);
  return value != nullptr && value->kind == Kind::string ? std::string_view(value->text) : std::string_view();
}

const char* JsonValue::kind_name() const {
  switch (kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "a boolean";
    case Kind::number:
      return "a number";
    case Kind::string:
      return "a string";
    case Kind::array:
      return "an array";
    case Kind::object:
      return "an object";
  }
  return "a value";
}

JsonValue parse_json(std::string_view text) { return JsonParser(text).document(); }

}  // namespace assay::osv
