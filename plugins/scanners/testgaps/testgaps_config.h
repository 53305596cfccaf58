// The testgaps scanner's configuration section (plugins.testgaps) and its
// JSON Schema.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "path_glob.h"

namespace assay::testgaps {

struct TestgapsConfig {
  scanners::GlobList exclude;    // sources that need no test of their own
  uint32_t min_code_lines = 20;  // smaller files are not reported
  uint32_t complex_file = 300;   // indentation complexity from which a gap is medium, not low
  uint32_t hotspot_days = 365;   // commits counted for the hotspot score, when history is known
  uint64_t max_file_size = 1024 * 1024;

  static const std::vector<std::string>& default_exclude();
  static TestgapsConfig defaults();
  // Throws std::runtime_error naming the field, e.g. "plugins.testgaps.min_code_lines: ...".
  static TestgapsConfig parse(std::string_view json_text);
};

const char* testgaps_config_schema();

}  // namespace assay::testgaps
