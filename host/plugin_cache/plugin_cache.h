// The key-value cache the host keeps for each scanner across scans (plugin
// ABI 1.4, cache_get and cache_put; docs/plugin-guide.md, "Cache"): read
// from its file when a scan opens it, written back once the scanners have
// ended, and only when an entry changed.
//
// What is kept: a scanner that ended successfully keeps the entries it read
// or wrote in that scan (the others belong to file versions it no longer
// sees); a scanner that failed, was cancelled or did not run keeps all of
// its entries; a scanner whose version string changed starts empty.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "plugin_cache/scanner_entries.h"

namespace assay::plugin_cache {

class PluginCache {
 public:
  // Reads `file`. A missing file is an empty cache; a damaged one is logged
  // (naming the file and where) and what could be read is used.
  static std::unique_ptr<PluginCache> open(const std::filesystem::path& file);

  // The entries of scanner `name` at `version`, for its run in this scan;
  // the entries stored for another version are dropped. Thread-safe.
  ScannerEntries& scanner(const std::string& name, const std::string& version);

  // Records how the run of scanner `name` ended: `complete` keeps only the
  // entries it used. Call after the scanner's last cache call.
  void finish(const std::string& name, bool complete);

  // Writes the file when an entry changed; a file that cannot be written is
  // logged and the scan goes on.
  void save();

  const std::filesystem::path& file() const { return file_; }

 private:
  struct Scanner {
    std::string version;
    std::unique_ptr<ScannerEntries> entries;  // null until the scanner runs
    std::vector<std::pair<std::string, std::string>> stored;  // as read, until then
    bool dropped = false;  // its stored entries were of another version
  };

  explicit PluginCache(std::filesystem::path file) : file_(std::move(file)) {}

  std::filesystem::path file_;
  std::mutex mutex_;
  std::map<std::string, Scanner> scanners_;
  bool changed_ = false;  // a scanner was dropped or its version changed
};

}  // namespace assay::plugin_cache
