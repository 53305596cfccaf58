#include "config/yaml_json.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "config/schema_keywords.h"
#include "config/yaml_scalar.h"

namespace assay::config {

namespace {

nlohmann::json untyped_scalar(const YAML::Node& node) {
  const ScalarValue value = resolve_scalar(node);
  switch (value.kind) {
    case ScalarKind::null:
      return nullptr;
    case ScalarKind::boolean:
      return value.boolean;
    case ScalarKind::integer:
      return value.integer;
    case ScalarKind::number:
      return value.number;
    case ScalarKind::string:
      break;
  }
  return value.text;
}

// The scalar read as `type`, or a discarded value when it cannot be.
nlohmann::json scalar_as(const YAML::Node& node, const std::string& type) {
  if (type == "null" && node.IsNull()) return nullptr;
  if (node.IsNull()) return nlohmann::json(nlohmann::json::value_t::discarded);
  if (type == "boolean") {
    if (auto value = read_boolean(node)) return *value;
  } else if (type == "integer") {
    if (auto value = read_integer(node)) return *value;
  } else if (type == "number") {
    const ScalarValue value = resolve_scalar(node);
    if (value.kind == ScalarKind::integer) return value.integer;
    if (value.kind == ScalarKind::number) return value.number;
  } else if (type == "string") {
    return node.Scalar();
  }
  return nlohmann::json(nlohmann::json::value_t::discarded);
}

nlohmann::json typed_scalar(const YAML::Node& node, const nlohmann::json& schema) {
  const auto allowed = schema_types(schema);
  if (allowed.empty()) return untyped_scalar(node);
  static const std::array<std::string, 5> preference = {"boolean", "integer", "number", "string", "null"};
  for (const auto& type : preference) {
    if (!allowed.contains(type)) continue;
    nlohmann::json value = scalar_as(node, type);
    if (!value.is_discarded()) return value;
  }
  return untyped_scalar(node);
}

nlohmann::json mapping_to_json(const YAML::Node& node, const nlohmann::json& schema) {
  nlohmann::json object = nlohmann::json::object();
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : YAML::Dump(it->first);
    if (object.contains(key)) continue;  // the first of duplicate keys wins, as in yaml-cpp's lookup
    object[key] = yaml_to_json(it->second, property_schema(schema, key));
  }
  return object;
}

nlohmann::json sequence_to_json(const YAML::Node& node, const nlohmann::json& schema) {
  nlohmann::json array = nlohmann::json::array();
  const nlohmann::json& items = item_schema(schema);
  for (const auto& element : node) array.push_back(yaml_to_json(element, items));
  return array;
}

}  // namespace

nlohmann::json yaml_to_json(const YAML::Node& node, const nlohmann::json& schema) {
  if (!node.IsDefined() || node.IsNull()) {
    const auto allowed = schema_types(schema);
    if (allowed.size() == 1 && allowed.contains("object")) return nlohmann::json::object();
    return nullptr;
  }
  if (node.IsMap()) return mapping_to_json(node, schema);
  if (node.IsSequence()) return sequence_to_json(node, schema);
  return typed_scalar(node, schema);
}

void apply_defaults(nlohmann::json& value, const nlohmann::json& schema) {
  if (!schema.is_object()) return;
  if (value.is_array()) {
    const nlohmann::json& items = item_schema(schema);
    for (auto& element : value) apply_defaults(element, items);
    return;
  }
  if (!value.is_object()) return;
  auto properties = schema.find("properties");
  if (properties == schema.end() || !properties->is_object()) return;
  for (const auto& [key, property] : properties->items()) {
    if (!property.is_object()) continue;
    auto present = value.find(key);
    if (present != value.end()) {
      apply_defaults(*present, property);
    } else if (auto fallback = property.find("default"); fallback != property.end()) {
      value[key] = *fallback;
    } else if (property.contains("properties")) {
      nlohmann::json nested = nlohmann::json::object();
      apply_defaults(nested, property);
      if (!nested.empty()) value[key] = std::move(nested);
    }
  }
}

}  // namespace assay::config
