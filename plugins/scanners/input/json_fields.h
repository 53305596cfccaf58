// Typed access to the fields of a JSON object read from another tool's
// file, with errors that name the field's path. A field that is absent (or
// null, which writers use for "not set") is nullopt / nullptr; a field of
// the wrong type throws FieldError.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "json_path.h"

namespace assay::input {

// A value of the wrong type or out of range. what() is "path: problem".
class FieldError : public std::runtime_error {
 public:
  FieldError(const JsonPath& path, const std::string& problem);
  const std::string& path() const { return path_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string path_;
  std::string problem_;
};

// `object` at `where` must be a JSON object; throws FieldError otherwise.
const nlohmann::json& require_object(const nlohmann::json& object, const JsonPath& where);

// The field `key` of the object at `where`; nullptr when absent or null.
const nlohmann::json* find_field(const nlohmann::json& object, std::string_view key);

std::optional<std::string> string_field(const nlohmann::json& object, std::string_view key,
                                        const JsonPath& where);
std::optional<double> number_field(const nlohmann::json& object, std::string_view key, const JsonPath& where);
// A whole number >= 0 (a float with no fraction is accepted).
std::optional<uint64_t> count_field(const nlohmann::json& object, std::string_view key,
                                    const JsonPath& where);
std::optional<bool> bool_field(const nlohmann::json& object, std::string_view key, const JsonPath& where);
const nlohmann::json* object_field(const nlohmann::json& object, std::string_view key, const JsonPath& where);
const nlohmann::json* array_field(const nlohmann::json& object, std::string_view key, const JsonPath& where);

// A string, or a number written as text ("7.5" as some tools write scores);
// nullopt when absent. Throws FieldError for anything else.
std::optional<double> number_or_numeric_string(const nlohmann::json& object, std::string_view key,
                                               const JsonPath& where);

}  // namespace assay::input
