#include "config/valid_subset.h"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "config/json_schema_validator.h"
#include "config/schema_keywords.h"

namespace assay::config {
namespace {

bool is_valid(const YAML::Node& node, const nlohmann::json& schema) {
  ValidationOptions options;
  options.check_required = false;
  return validate_yaml(node, schema, options).empty();
}

YAML::Node single_entry(const YAML::Node& key, const YAML::Node& value) {
  YAML::Node mapping(YAML::NodeType::Map);
  mapping.force_insert(key, value);
  return mapping;
}

// The entry as it can be kept, or an Undefined node when it cannot.
YAML::Node usable_value(const YAML::Node& key, const YAML::Node& value, const nlohmann::json& schema) {
  if (is_valid(single_entry(key, value), schema)) return value;
  if (!key.IsScalar() || !value.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  YAML::Node pruned = valid_subset(value, property_schema(schema, key.Scalar()));
  if (!pruned.IsDefined() || !is_valid(single_entry(key, pruned), schema))
    return YAML::Node(YAML::NodeType::Undefined);
  return pruned;
}

}  // namespace

YAML::Node valid_subset(const YAML::Node& node, const nlohmann::json& schema) {
  if (is_valid(node, schema)) return node;
  if (!node.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  YAML::Node kept(YAML::NodeType::Map);
  for (auto it = node.begin(); it != node.end(); ++it) {
    YAML::Node value = usable_value(it->first, it->second, schema);
    if (value.IsDefined()) kept.force_insert(it->first, value);
  }
  return kept;
}

}  // namespace assay::config
