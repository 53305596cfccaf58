// A minimal host for scanner plugins: loads ASSAY_PLUGIN_DIR/assay-<name>.so
// the way the host does (RTLD_NOW | RTLD_LOCAL), serves in-memory files
// through the host API table, runs parallel_for on three threads, and
// records every finding and log line.
//
// It does not define the opaque assay_host / assay_scan types (the reporter
// harness does, and a test may link both); it passes its own state cast to
// those pointers.
#pragma once

#include <assay/plugin.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace assay::test {

struct MemoryFile {
  std::string path;
  std::string content;
  std::string language;
};

struct EmittedFinding {
  std::string rule, title, category, path, evidence, severity, identity;
  uint32_t line_start = 0, line_end = 0;
  double effort_hours = -1, confidence = -1, cvss = -1;
  std::vector<std::string> tags;
  nlohmann::json details;  // null when the plugin sent none
};

class ScannerHost {
 public:
  // Loads and initialises the plugin; throws std::runtime_error with
  // dlerror's or the plugin's message.
  explicit ScannerHost(const std::string& plugin_name);
  ScannerHost(const ScannerHost&) = delete;
  ScannerHost& operator=(const ScannerHost&) = delete;

  // The scan target. Set before run().
  std::vector<MemoryFile> files;
  std::string root = "/repo";
  // emit answers ASSAY_CANCELLED once this many findings were accepted.
  long cancel_after = -1;

  // Opens an instance with `config_json`, scans, closes. Returns the scan's
  // status, or the open status when open failed (open_error() says why).
  // Findings are sorted by path, line and title.
  assay_status run(const std::string& config_json);

  const assay_plugin& plugin() const { return plugin_; }
  const std::vector<EmittedFinding>& findings() const { return findings_; }
  const std::vector<std::pair<assay_log_level, std::string>>& logs() const { return logs_; }
  const std::string& open_error() const { return open_error_; }
  const std::string& scan_error() const { return scan_error_; }
  int reads() const { return reads_; }
  int releases() const { return releases_; }

  // True when a log line at `level` contains `fragment`.
  bool logged(assay_log_level level, const std::string& fragment) const;
  // All log lines, one per line, for failure messages.
  std::string log_text() const;
  // The findings with this rule.
  std::vector<EmittedFinding> with_rule(const std::string& rule) const;

  // The host API callbacks reach the state through these.
  void record_log(assay_log_level level, const char* message);
  void record_error(const char* message) { open_error_ = message ? message : ""; }
  assay_status record_finding(const assay_finding& finding);
  bool cancelled() const { return cancelled_; }
  void count_read() { ++reads_; }
  void count_release() { ++releases_; }

 private:
  void* library_ = nullptr;
  assay_host_api api_{};
  assay_plugin plugin_{};
  std::mutex mutex_;
  std::vector<EmittedFinding> findings_;
  std::vector<std::pair<assay_log_level, std::string>> logs_;
  std::string open_error_;
  std::string scan_error_;
  std::atomic<int> reads_{0};
  std::atomic<int> releases_{0};
  std::atomic<bool> cancelled_{false};
};

// The contents of a file of the source tree (tests' fixtures).
std::string read_source_file(const std::string& path_from_source_root);

}  // namespace assay::test
