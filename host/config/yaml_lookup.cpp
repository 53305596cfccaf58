#include "config/yaml_lookup.h"

namespace assay::config {

Entry find_entry(const YAML::Node& node, const std::string& key) {
  if (!node.IsDefined() || !node.IsMap()) return {};
  // The first match, as yaml-cpp's own lookup finds it when keys repeat.
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) return {it->first, it->second};
  }
  return {};
}

YAML::Node find_path(const YAML::Node& node, std::initializer_list<std::string> keys) {
  YAML::Node current = node;
  for (const auto& key : keys) {
    // reset, not assignment: assigning to a yaml-cpp node overwrites the node
    // it refers to, which would rewrite the configuration tree itself.
    current.reset(find_entry(current, key).value);
    if (!current.IsDefined()) break;
  }
  return current;
}

}  // namespace assay::config
