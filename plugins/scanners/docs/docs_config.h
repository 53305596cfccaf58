// The docs scanner's configuration section (plugins.docs) and its JSON Schema.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "path_glob.h"

namespace assay::docs {

struct DocsConfig {
  scanners::GlobList exclude;  // documents not checked and paths that are never public modules
  uint32_t stale_days = 180;   // a document unchanged this long while the code it names changed is stale
  bool check_anchors = true;   // #anchors into Markdown documents must name a heading
  bool modules = true;         // report public modules no document mentions
  uint64_t max_file_size = 1024 * 1024;

  static const std::vector<std::string>& default_exclude();
  static DocsConfig defaults();
  // Throws std::runtime_error naming the field, e.g. "plugins.docs.stale_days: ...".
  static DocsConfig parse(std::string_view json_text);
};

const char* docs_config_schema();

}  // namespace assay::docs
