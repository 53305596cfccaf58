#include "config/schema_keywords.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>

namespace assay::config {

namespace {

const nlohmann::json& empty_schema() {
  static const nlohmann::json empty = nlohmann::json::object();
  return empty;
}

// A property name as a JSON Pointer token (RFC 6901: ~ is ~0, / is ~1).
std::string pointer_token(const std::string& key) {
  std::string token;
  for (char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

bool is_known_type(const std::string& name) {
  const auto& known = known_type_names();
  return std::find(known.begin(), known.end(), name) != known.end();
}

class SchemaChecker {
 public:
  std::vector<std::string> problems;

  void check(const nlohmann::json& schema, const std::string& pointer) {
    if (schema.is_boolean()) return;
    if (!schema.is_object()) {
      problems.push_back(where(pointer) + "a schema must be an object or a boolean, got " +
                         schema.type_name());
      return;
    }
    check_type(schema, pointer);
    check_subschemas(schema, pointer);
    check_numbers(schema, pointer);
    check_lists(schema, pointer);
    check_pattern(schema, pointer);
  }

 private:
  static std::string where(const std::string& pointer) { return (pointer.empty() ? "/" : pointer) + ": "; }

  void check_type(const nlohmann::json& schema, const std::string& pointer) {
    auto type = schema.find("type");
    if (type == schema.end()) return;
    std::vector<nlohmann::json> names;
    if (type->is_array()) {
      names.assign(type->begin(), type->end());
    } else {
      names.push_back(*type);
    }
    for (const auto& name : names) {
      if (!name.is_string() || !is_known_type(name.get<std::string>())) {
        problems.push_back(where(pointer + "/type") + "unknown type " + name.dump());
      }
    }
  }

  void check_subschemas(const nlohmann::json& schema, const std::string& pointer) {
    if (auto properties = schema.find("properties"); properties != schema.end()) {
      if (!properties->is_object()) {
        problems.push_back(where(pointer + "/properties") + "must be an object");
      } else {
        for (const auto& [key, property] : properties->items()) {
          check(property, pointer + "/properties/" + pointer_token(key));
        }
      }
    }
    if (auto additional = schema.find("additionalProperties"); additional != schema.end()) {
      check(*additional, pointer + "/additionalProperties");
    }
    if (auto items = schema.find("items"); items != schema.end()) check(*items, pointer + "/items");
  }

  void check_numbers(const nlohmann::json& schema, const std::string& pointer) {
    for (const char* keyword : {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}) {
      auto value = schema.find(keyword);
      if (value != schema.end() && !value->is_number()) {
        problems.push_back(where(pointer + "/" + keyword) + "must be a number");
      }
    }
    for (const char* keyword : {"minLength", "maxLength", "minItems", "maxItems"}) {
      auto value = schema.find(keyword);
      if (value != schema.end() && !(value->is_number_integer() && value->get<long long>() >= 0)) {
        problems.push_back(where(pointer + "/" + keyword) + "must be a non-negative integer");
      }
    }
  }

  void check_lists(const nlohmann::json& schema, const std::string& pointer) {
    if (auto values = schema.find("enum"); values != schema.end() && !values->is_array()) {
      problems.push_back(where(pointer + "/enum") + "must be an array");
    }
    if (auto required = schema.find("required"); required != schema.end()) {
      bool valid = required->is_array();
      if (valid) {
        for (const auto& name : *required) valid = valid && name.is_string();
      }
      if (!valid) problems.push_back(where(pointer + "/required") + "must be an array of strings");
    }
  }

  void check_pattern(const nlohmann::json& schema, const std::string& pointer) {
    auto pattern = schema.find("pattern");
    if (pattern == schema.end()) return;
    if (!pattern->is_string()) {
      problems.push_back(where(pointer + "/pattern") + "must be a string");
      return;
    }
    try {
      std::regex compiled(pattern->get<std::string>(), std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      problems.push_back(where(pointer + "/pattern") + "invalid regular expression: " + error.what());
    }
  }
};

}  // namespace

const std::vector<std::string>& known_type_names() {
  static const std::vector<std::string> names = {"object", "array",   "string", "integer",
                                                 "number", "boolean", "null"};
  return names;
}

std::set<std::string> schema_types(const nlohmann::json& schema) {
  std::set<std::string> types;
  if (!schema.is_object()) return types;
  auto type = schema.find("type");
  if (type == schema.end()) return types;
  if (type->is_string()) types.insert(type->get<std::string>());
  if (type->is_array()) {
    for (const auto& name : *type) {
      if (name.is_string()) types.insert(name.get<std::string>());
    }
  }
  return types;
}

const nlohmann::json& property_schema(const nlohmann::json& schema, const std::string& key) {
  if (!schema.is_object()) return empty_schema();
  if (auto properties = schema.find("properties"); properties != schema.end() && properties->is_object()) {
    if (auto property = properties->find(key); property != properties->end()) return *property;
  }
  if (auto additional = schema.find("additionalProperties");
      additional != schema.end() && additional->is_object()) {
    return *additional;
  }
  return empty_schema();
}

const nlohmann::json& item_schema(const nlohmann::json& schema) {
  if (!schema.is_object()) return empty_schema();
  auto items = schema.find("items");
  return (items != schema.end() && items->is_object()) ? *items : empty_schema();
}

std::vector<std::string> schema_problems(const nlohmann::json& schema) {
  SchemaChecker checker;
  checker.check(schema, "");
  return checker.problems;
}

}  // namespace assay::config
