#include "config/yaml_merge.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

#include "config/yaml_lookup.h"

namespace assay::config {

namespace {

YAML::Node merge_mappings(const YAML::Node& base, const YAML::Node& overlay) {
  YAML::Node merged(YAML::NodeType::Map);
  std::set<std::string> done;
  for (auto it = base.begin(); it != base.end(); ++it) {
    if (!it->first.IsScalar() || !done.insert(it->first.Scalar()).second) continue;
    const YAML::Node over = find_entry(overlay, it->first.Scalar()).value;
    merged.force_insert(it->first, over.IsDefined() ? merge_yaml(it->second, over) : it->second);
  }
  for (auto it = overlay.begin(); it != overlay.end(); ++it) {
    if (!it->first.IsScalar() || !done.insert(it->first.Scalar()).second) continue;
    merged.force_insert(it->first, it->second);
  }
  return merged;
}

}  // namespace

YAML::Node merge_yaml(const YAML::Node& base, const YAML::Node& overlay) {
  if (!overlay.IsDefined()) return base;
  if (overlay.IsNull() && base.IsMap()) return base;
  if (base.IsMap() && overlay.IsMap()) return merge_mappings(base, overlay);
  return overlay;
}

}  // namespace assay::config
