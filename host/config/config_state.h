// The inside of Config, shared by its implementation files only.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>

#include "config/config.h"
#include "config/yaml_lookup.h"

namespace assay::config {

struct Config::State {
  YAML::Node defaults;             // the embedded file, parsed
  YAML::Node user;                 // the user's file; Null when there is none
  YAML::Node merged;               // user over defaults
  std::string user_label;          // names the user's file in diagnostics; empty when none
  std::filesystem::path user_dir;  // base of the user's relative paths; empty when none
};

// A diagnostic at `mark` (0-based, from yaml-cpp) in `file`.
Diagnostic located(const std::string& file, const YAML::Mark& mark, std::string message);

}  // namespace assay::config
