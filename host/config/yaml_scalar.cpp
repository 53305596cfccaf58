#include "config/yaml_scalar.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace assay::config {

namespace {

constexpr std::size_t kDescribedTextLimit = 60;

bool is_one_of(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto word : words) {
    if (text == word) return true;
  }
  return false;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'o')) {
    base = text[1] == 'x' ? 16 : 8;
    text.remove_prefix(2);
  }
  if (text.empty()) return std::nullopt;
  std::uint64_t magnitude = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), magnitude, base);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!negative && magnitude > max) return std::nullopt;
  if (negative && magnitude > max + 1) return std::nullopt;
  return negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
}

std::optional<double> parse_float(std::string_view text) {
  std::string_view unsigned_text = text;
  bool negative = false;
  if (!unsigned_text.empty() && (unsigned_text.front() == '+' || unsigned_text.front() == '-')) {
    negative = unsigned_text.front() == '-';
    unsigned_text.remove_prefix(1);
  }
  if (is_one_of(unsigned_text, {".inf", ".Inf", ".INF"})) {
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  if (is_one_of(text, {".nan", ".NaN", ".NAN"})) return std::numeric_limits<double>::quiet_NaN();
  bool has_digit = false;
  for (char c : unsigned_text) {
    if (c >= '0' && c <= '9') {
      has_digit = true;
    } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
      return std::nullopt;
    }
  }
  if (!has_digit) return std::nullopt;
  double value = 0.0;
  auto [end, error] =
      std::from_chars(unsigned_text.data(), unsigned_text.data() + unsigned_text.size(), value);
  if (error != std::errc() || end != unsigned_text.data() + unsigned_text.size()) return std::nullopt;
  return negative ? -value : value;
}

std::string quoted_excerpt(const std::string& text) {
  if (text.size() <= kDescribedTextLimit) return "'" + text + "'";
  return "'" + text.substr(0, kDescribedTextLimit) + "...'";
}

std::string format_number(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value < 0 ? "-.inf" : ".inf";
  std::array<char, 32> buffer{};
  auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return error == std::errc() ? std::string(buffer.data(), end) : std::to_string(value);
}

}  // namespace

bool is_explicit_string(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  return tag == "!" || tag == "tag:yaml.org,2002:str";
}

ScalarValue resolve_scalar(const YAML::Node& node) {
  ScalarValue value;
  if (!node.IsDefined() || node.IsNull()) return value;
  if (!node.IsScalar()) throw std::logic_error("resolve_scalar: the node is not a scalar");
  value.text = node.Scalar();
  value.kind = ScalarKind::string;
  if (is_explicit_string(node)) return value;
  if (is_one_of(value.text, {"true", "True", "TRUE", "false", "False", "FALSE"})) {
    value.kind = ScalarKind::boolean;
    value.boolean = value.text.front() == 't' || value.text.front() == 'T';
  } else if (auto integer = parse_integer(value.text)) {
    value.kind = ScalarKind::integer;
    value.integer = *integer;
    value.number = static_cast<double>(*integer);
  } else if (auto number = parse_float(value.text)) {
    value.kind = ScalarKind::number;
    value.number = *number;
  }
  return value;
}

std::optional<bool> read_boolean(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar() || is_explicit_string(node)) return std::nullopt;
  const std::string& text = node.Scalar();
  if (is_one_of(text, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"})) return true;
  if (is_one_of(text, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"}))
    return false;
  return std::nullopt;
}

std::optional<std::int64_t> read_integer(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  const ScalarValue value = resolve_scalar(node);
  if (value.kind == ScalarKind::integer) return value.integer;
  // 2^63 is exactly representable; anything at or above it does not fit.
  constexpr double limit = 9223372036854775808.0;
  if (value.kind == ScalarKind::number && std::isfinite(value.number) &&
      std::trunc(value.number) == value.number && value.number >= -limit && value.number < limit) {
    return static_cast<std::int64_t>(value.number);
  }
  return std::nullopt;
}

std::optional<double> read_number(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return std::nullopt;
  const ScalarValue value = resolve_scalar(node);
  if (value.kind == ScalarKind::integer || value.kind == ScalarKind::number) return value.number;
  return std::nullopt;
}

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "null";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  const ScalarValue value = resolve_scalar(node);
  switch (value.kind) {
    case ScalarKind::boolean:
      return std::string("boolean ") + (value.boolean ? "true" : "false");
    case ScalarKind::integer:
      return "integer " + value.text;
    case ScalarKind::number:
      return "number " + format_number(value.number);
    case ScalarKind::null:
      return "null";
    case ScalarKind::string:
      break;
  }
  return "string " + quoted_excerpt(value.text);
}

}  // namespace assay::config
