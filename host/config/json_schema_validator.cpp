#include "config/json_schema_validator.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "config/did_you_mean.h"
#include "config/schema_keywords.h"
#include "config/yaml_json.h"
#include "config/yaml_scalar.h"

namespace assay::config {

namespace {

std::string child_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string type_phrase(const std::string& type) {
  if (type == "object") return "a mapping";
  if (type == "array") return "a list";
  if (type == "integer") return "an integer";
  if (type == "null") return "null";
  return "a " + type;
}

std::string expected_types(const std::set<std::string>& types) {
  std::string phrase;
  for (const auto& type : known_type_names()) {  // a stable, readable order
    if (!types.contains(type)) continue;
    if (!phrase.empty()) phrase += " or ";
    phrase += type_phrase(type);
  }
  return phrase;
}

bool matches_type(const YAML::Node& node, const std::string& type) {
  const bool null = !node.IsDefined() || node.IsNull();
  if (type == "object") return node.IsMap() || null;
  if (type == "null") return null;
  if (null) return false;
  if (type == "array") return node.IsSequence();
  if (!node.IsScalar()) return false;
  if (type == "string") return true;
  if (type == "integer") return read_integer(node).has_value();
  if (type == "number") return read_number(node).has_value();
  if (type == "boolean") return read_boolean(node).has_value();
  return false;
}

std::size_t utf8_length(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// A non-negative integer keyword such as minLength.
bool is_count(const nlohmann::json& value) {
  return value.is_number_integer() && value.get<long long>() >= 0;
}

std::string shown_value(const YAML::Node& node) {
  return node.IsScalar() ? "'" + node.Scalar() + "'" : describe(node);
}

std::string shown_enum_value(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

class Validator {
 public:
  explicit Validator(const ValidationOptions& options) : options_(options) {}

  std::vector<Diagnostic> diagnostics;

  void validate(const YAML::Node& node, const nlohmann::json& schema, const std::string& path,
                const YAML::Mark& fallback) {
    const YAML::Mark where = location(node, fallback);
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) report(where, path, "no value is allowed here");
      return;
    }
    if (!schema.is_object()) return;
    const auto types = schema_types(schema);
    if (!types.empty() && !std::any_of(types.begin(), types.end(),
                                       [&](const std::string& type) { return matches_type(node, type); })) {
      report(where, path, "expected " + expected_types(types) + ", got " + describe(node));
      return;
    }
    check_enum(node, schema, path, where);
    if (node.IsMap() || (node.IsNull() && types.contains("object"))) {
      check_mapping(node, schema, path, where);
    } else if (node.IsSequence()) {
      check_sequence(node, schema, path, where);
    } else if (node.IsScalar()) {
      check_number(node, schema, types, path, where);
      check_string(node, schema, types, path, where);
    }
  }

 private:
  const ValidationOptions& options_;
  // Sequences replace rather than merge, so what a list item lacks no
  // default supplies: required keys are checked inside lists regardless.
  int sequence_depth_ = 0;

  static YAML::Mark location(const YAML::Node& node, const YAML::Mark& fallback) {
    // yaml-cpp places an empty value at the next token, often on a later
    // line; the key is where the user looks.
    if (!node.IsDefined() || node.IsNull() || node.Mark().is_null()) return fallback;
    return node.Mark();
  }

  void report(const YAML::Mark& mark, const std::string& path, const std::string& message) {
    Diagnostic diagnostic;
    diagnostic.file = options_.file;
    if (!mark.is_null()) {
      diagnostic.line = mark.line + 1;
      diagnostic.column = mark.column + 1;
    }
    diagnostic.message = path.empty() ? message : path + ": " + message;
    diagnostics.push_back(std::move(diagnostic));
  }

  void check_enum(const YAML::Node& node, const nlohmann::json& schema, const std::string& path,
                  const YAML::Mark& where) {
    auto allowed = schema.find("enum");
    if (allowed == schema.end() || !allowed->is_array()) return;
    const nlohmann::json value = yaml_to_json(node, schema);
    for (const auto& candidate : *allowed) {
      if (candidate == value) return;
    }
    std::vector<std::string> names;
    std::string listed;
    for (const auto& candidate : *allowed) {
      names.push_back(shown_enum_value(candidate));
      listed += (listed.empty() ? "" : ", ") + names.back();
    }
    std::string message = "invalid value " + shown_value(node) + "; allowed values: " + listed;
    if (node.IsScalar()) {
      if (std::find(names.begin(), names.end(), node.Scalar()) != names.end()) {
        message += " (the text matches, the type does not: add or remove quotes)";
      } else if (auto match = closest_match(node.Scalar(), names)) {
        message += " (did you mean '" + *match + "'?)";
      }
    }
    report(where, path, message);
  }

  void check_number(const YAML::Node& node, const nlohmann::json& schema, const std::set<std::string>& types,
                    const std::string& path, const YAML::Mark& where) {
    if (!types.empty() && !types.contains("number") && !types.contains("integer")) return;
    const auto value = read_number(node);
    if (!value) return;
    const std::string text = node.Scalar();
    auto bound = [&](const char* keyword, auto violates, const char* phrase) {
      auto limit = schema.find(keyword);
      if (limit != schema.end() && limit->is_number() && violates(*value, limit->get<double>())) {
        report(where, path, text + " is " + phrase + " " + limit->dump());
      }
    };
    bound(
        "minimum", [](double v, double l) { return v < l; }, "below the minimum");
    bound(
        "maximum", [](double v, double l) { return v > l; }, "above the maximum");
    bound(
        "exclusiveMinimum", [](double v, double l) { return v <= l; }, "not above the exclusive minimum");
    bound(
        "exclusiveMaximum", [](double v, double l) { return v >= l; }, "not below the exclusive maximum");
  }

  void check_string(const YAML::Node& node, const nlohmann::json& schema, const std::set<std::string>& types,
                    const std::string& path, const YAML::Mark& where) {
    const bool is_string = types.empty() ? resolve_scalar(node).kind == ScalarKind::string
                                         : types.contains("string") && !matches_other_type(node, types);
    if (!is_string) return;
    const std::string& text = node.Scalar();
    const std::size_t length = utf8_length(text);
    if (auto min = schema.find("minLength"); min != schema.end() && is_count(*min)) {
      if (length < min->get<std::size_t>()) {
        report(where, path, "'" + text + "' is shorter than the minimum length " + min->dump());
      }
    }
    if (auto max = schema.find("maxLength"); max != schema.end() && is_count(*max)) {
      if (length > max->get<std::size_t>()) {
        report(where, path, "'" + text + "' is longer than the maximum length " + max->dump());
      }
    }
    if (auto pattern = schema.find("pattern"); pattern != schema.end() && pattern->is_string()) {
      check_pattern(text, pattern->get<std::string>(), path, where);
    }
  }

  // A scalar that satisfies a non-string type of a multi-type schema is read
  // as that type, so string constraints do not apply to it.
  static bool matches_other_type(const YAML::Node& node, const std::set<std::string>& types) {
    return std::any_of(types.begin(), types.end(),
                       [&](const std::string& type) { return type != "string" && matches_type(node, type); });
  }

  void check_pattern(const std::string& text, const std::string& pattern, const std::string& path,
                     const YAML::Mark& where) {
    try {
      if (!std::regex_search(text, std::regex(pattern, std::regex::ECMAScript))) {
        report(where, path, "'" + text + "' does not match the pattern '" + pattern + "'");
      }
    } catch (const std::regex_error&) {
      // schema_problems reports invalid patterns; the value cannot be judged.
    }
  }

  void check_mapping(const YAML::Node& node, const nlohmann::json& schema, const std::string& path,
                     const YAML::Mark& where) {
    std::map<std::string, YAML::Mark> seen;
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        // A copy (a cheap handle): yaml-cpp's operator-> returns a temporary
        // proxy, so a reference to its `first` dangles after this line.
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
          report(key.Mark(), path, "a key must be plain text, got " + describe(key));
          continue;
        }
        const std::string name = key.Scalar();
        if (auto first = seen.find(name); first != seen.end()) {
          report(
              key.Mark(), path,
              "duplicate key '" + name + "' (first at line " + std::to_string(first->second.line + 1) + ")");
          continue;
        }
        seen.emplace(name, key.Mark());
        check_entry(name, key.Mark(), it->second, schema, path);
      }
    }
    if (options_.check_required || sequence_depth_ > 0) check_required(seen, schema, path, where);
  }

  void check_entry(const std::string& name, const YAML::Mark& key_mark, const YAML::Node& value,
                   const nlohmann::json& schema, const std::string& path) {
    const nlohmann::json* properties = nullptr;
    if (auto found = schema.find("properties"); found != schema.end() && found->is_object()) {
      properties = &*found;
      if (auto property = found->find(name); property != found->end()) {
        validate(value, *property, child_path(path, name), key_mark);
        return;
      }
    }
    auto additional = schema.find("additionalProperties");
    if (additional == schema.end()) return;
    if (additional->is_boolean() && !additional->get<bool>()) {
      std::vector<std::string> names;
      if (properties) {
        for (const auto& [known, unused] : properties->items()) names.push_back(known);
      }
      const std::string in = path.empty() ? "" : " in " + path;
      report(key_mark, "", "unknown key '" + name + "'" + in + suggestion_suffix(name, names));
      return;
    }
    validate(value, *additional, child_path(path, name), key_mark);
  }

  void check_required(const std::map<std::string, YAML::Mark>& present, const nlohmann::json& schema,
                      const std::string& path, const YAML::Mark& where) {
    auto required = schema.find("required");
    if (required == schema.end() || !required->is_array()) return;
    for (const auto& name : *required) {
      if (!name.is_string() || present.contains(name.get<std::string>())) continue;
      // A default fills the key before the plugin sees its section.
      if (property_schema(schema, name.get<std::string>()).contains("default")) continue;
      report(where, path, "missing required key '" + name.get<std::string>() + "'");
    }
  }

  void check_sequence(const YAML::Node& node, const nlohmann::json& schema, const std::string& path,
                      const YAML::Mark& where) {
    const std::size_t count = node.size();
    if (auto min = schema.find("minItems"); min != schema.end() && is_count(*min)) {
      if (count < min->get<std::size_t>()) {
        report(where, path,
               "has " + std::to_string(count) + " item(s), fewer than the minimum " + min->dump());
      }
    }
    if (auto max = schema.find("maxItems"); max != schema.end() && is_count(*max)) {
      if (count > max->get<std::size_t>()) {
        report(where, path,
               "has " + std::to_string(count) + " item(s), more than the maximum " + max->dump());
      }
    }
    auto items = schema.find("items");
    if (items == schema.end()) return;
    std::size_t index = 0;
    ++sequence_depth_;
    for (const auto& element : node) {
      validate(element, *items, path + "[" + std::to_string(index++) + "]", where);
    }
    --sequence_depth_;
  }
};

}  // namespace

std::vector<Diagnostic> validate_yaml(const YAML::Node& node, const nlohmann::json& schema,
                                      const ValidationOptions& options) {
  Validator validator(options);
  const bool empty = !node.IsDefined() || node.IsNull();
  const YAML::Mark start = empty ? YAML::Mark::null_mark() : node.Mark();
  validator.validate(node, schema, options.path, start);
  return std::move(validator.diagnostics);
}

std::vector<std::string> missing_required(const nlohmann::json& value, const nlohmann::json& schema,
                                          const std::string& path) {
  std::vector<std::string> messages;
  if (!schema.is_object() || !value.is_object()) return messages;
  if (auto required = schema.find("required"); required != schema.end() && required->is_array()) {
    for (const auto& name : *required) {
      if (name.is_string() && !value.contains(name.get<std::string>())) {
        messages.push_back((path.empty() ? "" : path + ": ") + "missing required key '" +
                           name.get<std::string>() + "'");
      }
    }
  }
  for (const auto& [key, child] : value.items()) {
    auto nested = missing_required(child, property_schema(schema, key), child_path(path, key));
    messages.insert(messages.end(), nested.begin(), nested.end());
  }
  return messages;
}

}  // namespace assay::config
