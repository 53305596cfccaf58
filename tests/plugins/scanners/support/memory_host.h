// A host for scanner plugin tests: loads a built plugin with dlopen and
// drives it through the C ABI over in-memory files, recording what the
// plugin emits, logs and reports, as the real host would see it.
#pragma once

#include <assay/plugin.h>

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace assay::test {

struct MemoryFile {
  std::string path;
  std::string language;
  std::string content;
  std::string blob_id{};  // "" = not known (as for a file changed in the working tree)
};

struct EmittedFinding {
  std::string rule, title, category, path, evidence, severity, identity, details_json;
  uint32_t line_start = 0, line_end = 0;
  double effort_hours = -1, confidence = -1;
  std::vector<std::string> tags;
};

class MemoryHost {
 public:
  // Loads ASSAY_PLUGIN_DIR/assay-<name>.so and runs its init. Throws
  // std::runtime_error when either fails.
  explicit MemoryHost(const std::string& plugin_name);
  ~MemoryHost();
  MemoryHost(const MemoryHost&) = delete;
  MemoryHost& operator=(const MemoryHost&) = delete;

  std::vector<MemoryFile> files;
  std::string commit;  // "" = a plain directory
  // The table's struct_size; set to offsetof(report_assessment) to act as a 1.0 host.
  size_t api_size = sizeof(assay_host_api);
  // The key-value cache of API 1.4, kept across runs; nullopt: the host
  // offers none (cache_get and cache_put left NULL).
  std::optional<std::map<std::string, std::string>> cache;
  std::atomic<size_t> reads{0};  // file_read calls

  // Opens an instance with `config_json`, scans once, closes. Returns the
  // open status (ASSAY_ERROR with open_error set) or the scan status
  // (scan_error set on failure).
  assay_status run(const std::string& config_json = "{}");

  const assay_plugin& plugin() const { return plugin_; }
  std::string open_error;
  std::string scan_error;
  std::vector<EmittedFinding> findings;
  std::vector<std::string> assessments;  // JSON texts given to report_assessment
  std::vector<std::pair<assay_log_level, std::string>> logs;
  bool logged(assay_log_level level, const std::string& fragment) const;

  // Called by the ABI functions.
  std::mutex mutex;
  std::string error;

 private:
  void* library_ = nullptr;
  assay_plugin plugin_{};
};

}  // namespace assay::test
