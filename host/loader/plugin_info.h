// What the host knows about a loaded plugin without opening an instance
// (rule 10): enough for `assay plugins list` and configuration validation.
#pragma once

#include <assay/plugin.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace assay::loader {

struct PluginInfo {
  std::string name;         // [a-z0-9][a-z0-9_-]*, names the config section plugins.<name>
  std::string version;      // the plugin's own version
  std::string description;  // one line, may be empty
  std::string schema_json;  // JSON Schema of plugins.<name>; empty when the plugin declares none
  assay_plugin_kind kind = ASSAY_KIND_SCANNER;
  uint16_t api_major = 0;  // ABI version the plugin was built against
  uint16_t api_minor = 0;
  uint32_t scanner_flags = 0;  // ASSAY_SCANNER_* bits (API 1.2); 0 for reporters and older plugins
  std::filesystem::path path;  // the shared object, as it was found

  // The scanner promised that its findings for a file depend only on that
  // file (ASSAY_SCANNER_FILE_LOCAL), so the host may scan it incrementally.
  bool file_local() const { return (scanner_flags & ASSAY_SCANNER_FILE_LOCAL) != 0; }
};

}  // namespace assay::loader
