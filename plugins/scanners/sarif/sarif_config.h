// The plugin's configuration section (plugins.sarif), its JSON Schema and
// its defaults, which config/assay.yaml repeats and documents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "repo_glob.h"
#include "sarif_options.h"

namespace assay::sarif {

inline constexpr uint64_t kDefaultMaxFileSize = 256ULL * 1024 * 1024;

struct SarifConfig {
  std::vector<input::RepoGlob> paths;  // SARIF files to read; none by default
  uint64_t max_file_size = kDefaultMaxFileSize;
  SarifOptions options;  // repository_root is filled at scan time

  // Reads the section as JSON text; absent keys keep their defaults. Throws
  // std::runtime_error naming the field, e.g. "plugins.sarif.paths[1]: ...".
  static SarifConfig parse(std::string_view json_text);
};

const char* sarif_config_schema();

}  // namespace assay::sarif
