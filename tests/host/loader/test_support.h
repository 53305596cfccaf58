// Shared by the loader tests: fixture paths, a log recorder, a temporary
// directory, and an in-memory scan target behind the host's scan functions.
#pragma once

#include <assay/plugin.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "loader/log_callback.h"

namespace assay::loader::testing {

// ASSAY_FIXTURE_PLUGIN_DIR/fixture-<name>.so
std::filesystem::path fixture(const std::string& name);
std::filesystem::path fixture_dir();

// Drops every line: for tests that do not look at the log.
LogCallback discard_log();

struct LogLine {
  assay_log_level level;
  std::string plugin;
  std::string message;
};

class LogRecorder {
 public:
  // Records into this object, which must outlive every user of the callback.
  LogCallback callback();
  std::vector<LogLine> lines() const;
  // True if some line has this level and plugin and contains `text`.
  bool contains(assay_log_level level, const std::string& plugin, const std::string& text) const;

 private:
  mutable std::mutex mutex_;
  std::vector<LogLine> lines_;
};

// A fresh directory under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct EmittedFinding {
  std::string rule, title, category, path, evidence, severity;
  uint32_t line_start = 0, line_end = 0;
  std::vector<std::string> tags;
};

// The scan functions of the host API over an in-memory assay_scan.
const assay_host_api& scan_functions();

}  // namespace assay::loader::testing

// The scan target the test's scan functions read: files in memory, findings
// recorded. Defined here because the loader tests stand in for the scan
// orchestrator, which owns this type in the real host.
struct assay_scan {
  std::vector<std::pair<std::string, std::string>> files;  // path, contents
  std::string root = "/repo";
  std::string commit;
  std::atomic<bool> cancelled{false};
  mutable std::mutex mutex;
  mutable std::vector<assay::loader::testing::EmittedFinding> findings;
};
