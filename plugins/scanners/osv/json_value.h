// A small JSON reader that keeps the line of every value. Lockfile findings
// name the line of the package entry, and errors in advisories and lockfiles
// name where the problem is, which a plain DOM cannot tell.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

struct JsonMember;

// One parsed JSON value. Numbers keep their literal text; object members
// keep their order (a repeated key keeps every occurrence, find returns the
// first).
struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };

  Kind kind = Kind::null;
  uint32_t line = 0;                // 1-based line where the value starts
  bool boolean = false;             // Kind::boolean
  std::string text;                 // Kind::string (decoded) or Kind::number (literal)
  std::vector<JsonValue> items;     // Kind::array
  std::vector<JsonMember> members;  // Kind::object

  bool is_object() const { return kind == Kind::object; }
  bool is_array() const { return kind == Kind::array; }
  bool is_string() const { return kind == Kind::string; }

  // The first member named `key` of an object, or nullptr (also when this is
  // not an object).
  const JsonValue* find(std::string_view key) const;
  // The string value of member `key`, or "" when it is absent or not a string.
  std::string_view string_or_empty(std::string_view key) const;
  // "object", "array", "string", ... for error messages.
  const char* kind_name() const;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// A syntax error, with the 1-based position of the offending byte.
class JsonSyntaxError : public std::runtime_error {
 public:
  JsonSyntaxError(uint32_t line, uint32_t column, const std::string& problem);
  uint32_t line() const { return line_; }
  uint32_t column() const { return column_; }

 private:
  uint32_t line_;
  uint32_t column_;
};

// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
inline constexpr int kMaxJsonDepth = 200;

// Parses one JSON document (RFC 8259; a UTF-8 byte order mark is skipped).
// Throws JsonSyntaxError.
JsonValue parse_json(std::string_view text);

}  // namespace assay::osv
