// Looking up keys in parsed YAML mappings without yaml-cpp's operator[],
// whose non-const form inserts keys and whose assignment rewrites nodes.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>

namespace assay::config {

// The first value of `key` in mapping `node` and the position of that key;
// Undefined when absent or when `node` is not a mapping.
struct Entry {
  YAML::Node key{YAML::NodeType::Undefined};
  YAML::Node value{YAML::NodeType::Undefined};
  bool found() const { return value.IsDefined(); }
};
Entry find_entry(const YAML::Node& node, const std::string& key);

// The value at a path of keys, following mappings only; Undefined when absent.
YAML::Node find_path(const YAML::Node& node, std::initializer_list<std::string> keys);

}  // namespace assay::config
