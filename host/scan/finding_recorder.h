// What the findings cache (scan/scanner_cache.h) must know of a file-local
// scanner's run besides its findings, which the scan's held items keep: the
// files the scanner could not read, and the findings that became no item.
// Thread-safe: a scanner reads from the host's worker threads.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace assay::scan {

class FindingRecorder {
 public:
  // The scanner could not read repository file `file`: what it found there
  // (nothing) must not be cached as that file's findings.
  void unreadable(size_t file);
  // A finding at `path` could not be scored, so no item holds it: the
  // file's findings are not known whole and must not be cached.
  void unscored(const std::string& path);

  bool was_unreadable(size_t file) const;
  // How many findings at `path` could not be scored.
  size_t unscored_at(const std::string& path) const;
  // Every path an unscored finding named.
  std::set<std::string> unscored_paths() const;

 private:
  mutable std::mutex mutex_;
  std::set<size_t> unreadable_;
  std::map<std::string, size_t> unscored_;
};

}  // namespace assay::scan
