// The inside of Config, shared by its implementation files only.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>

#include "config/config.h"

namespace assay::config {

struct Config::State {
  YAML::Node defaults;             // the embedded file, parsed
  YAML::Node user;                 // the user's file; Null when there is none
  YAML::Node merged;               // user over defaults
  std::string user_label;          // names the user's file in diagnostics; empty when none
  std::filesystem::path user_dir;  // base of the user's relative paths; empty when none
};

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

// A diagnostic at `mark` (0-based, from yaml-cpp) in `file`.
Diagnostic located(const std::string& file, const YAML::Mark& mark, std::string message);

}  // namespace assay::config
