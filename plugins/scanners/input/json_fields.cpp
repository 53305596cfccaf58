#include "json_fields.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "selective_json_reader.h"

namespace assay::input {
namespace {

using nlohmann::json;

[[noreturn]] void wrong_type(const json& value, const JsonPath& path, const std::string& expected) {
  throw FieldError(path, "must be " + expected + ", got " + describe_json_type(value));
}

}  // namespace

FieldError::FieldError(const JsonPath& path, const std::string& problem)
    : std::runtime_error(path.str() + ": " + problem), path_(path.str()), problem_(problem) {}

const json& require_object(const json& object, const JsonPath& where) {
  if (!object.is_object()) wrong_type(object, where, "an object");
  return object;
}

const json* find_field(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> string_field(const json& object, std::string_view key, const JsonPath& where) {
  const json* value = find_field(object, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) wrong_type(*value, where.child(key), "a string");
  return value->get<std::string>();
}

std::optional<double> number_field(const json& object, std::string_view key, const JsonPath& where) {
  const json* value = find_field(object, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) wrong_type(*value, where.child(key), "a number");
  return value->get<double>();
}

std::optional<uint64_t> count_field(const json& object, std::string_view key, const JsonPath& where) {
  const json* value = find_field(object, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_unsigned()) return value->get<uint64_t>();
  if (value->is_number_integer() && value->get<int64_t>() >= 0)
    return static_cast<uint64_t>(value->get<int64_t>());
  if (value->is_number_float()) {
    const double number = value->get<double>();
    if (number >= 0 && number < 1.8e19 && std::floor(number) == number) return static_cast<uint64_t>(number);
  }
  throw FieldError(where.child(key), "must be a whole number >= 0, got " + value->dump());
}

std::optional<bool> bool_field(const json& object, std::string_view key, const JsonPath& where) {
  const json* value = find_field(object, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) wrong_type(*value, where.child(key), "true or false");
  return value->get<bool>();
}

const json* object_field(const json& object, std::string_view key, const JsonPath& where) {
  const json* value = find_field(object, key);
  if (value != nullptr && !value->is_object()) wrong_type(*value, where.child(key), "an object");
  return value;
}

const json* array_field(const json& object, std::string_view key, const JsonPath& where) {
  const json* value = find_field(object, key);
  if (value != nullptr && !value->is_array()) wrong_type(*value, where.child(key), "an array");
  return value;
}

std::optional<double> number_or_numeric_string(const json& object, std::string_view key,
                                               const JsonPath& where) {
  const json* value = find_field(object, key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number()) return value->get<double>();
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc() && end == text.data() + text.size() && !text.empty() && std::isfinite(number))
      return number;
    throw FieldError(where.child(key), "must be a number, got '" + text + "'");
  }
  wrong_type(*value, where.child(key), "a number");
}

}  // namespace assay::input
