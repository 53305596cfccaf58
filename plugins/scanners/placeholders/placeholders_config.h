// The placeholders scanner's configuration section (plugins.placeholders)
// and its JSON Schema.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "path_glob.h"
#include "stand_in.h"

namespace assay::placeholders {

struct PlaceholdersConfig {
  // Test files and test doubles, where stand-ins are the point: never reported.
  scanners::GlobList exclude;
  StandInWords words;
  uint64_t max_file_size = 1024 * 1024;
  double effort_hours = 4;  // to write the real function
  std::string severity = "medium";

  // The built-in defaults (docs/configuration.md lists them).
  static PlaceholdersConfig defaults();
  static const std::vector<std::string>& default_exclude();

  // Reads the section as JSON text; absent keys keep their defaults. Throws
  // std::runtime_error naming the field, e.g. "plugins.placeholders.exclude[2]: ...".
  static PlaceholdersConfig parse(std::string_view json_text);
};

const char* placeholders_config_schema();

}  // namespace assay::placeholders
