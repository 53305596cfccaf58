// The plugin's configuration section (plugins.osv) and its JSON Schema.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace assay::osv {

inline constexpr uint64_t kDefaultMaxLockfileSize = 64ull * 1024 * 1024;

struct OsvConfig {
  // The OSV database: a directory of OSV JSON files and all.zip exports, or
  // one such file. Relative paths are relative to the repository root; a
  // leading "~/" is the home directory.
  std::string database;
  uint64_t max_file_size = kDefaultMaxLockfileSize;  // larger lockfiles are skipped

  // Reads the section as JSON text. Throws std::runtime_error naming the
  // field, e.g. "plugins.osv.database: must be a non-empty string".
  static OsvConfig parse(std::string_view json_text);

  // The database path for a scan of `repository_root`.
  std::string database_path(const std::string& repository_root) const;
};

const char* osv_config_schema();

}  // namespace assay::osv
