// What a file-local scanner emitted in one run, file by file, so that the
// findings cache can keep them (scan/scanner_cache.h). Thread-safe: a
// scanner emits from the host's worker threads.
#pragma once

#include <cstddef>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "finding/finding.h"

namespace assay::scan {

class FindingRecorder {
 public:
  // Keeps a copy of a finding the host accepted, under its path.
  void record(const Finding& finding);
  // The scanner could not read repository file `file`: what it found there
  // (nothing) must not be cached as that file's findings.
  void unreadable(size_t file);

  // The findings of one path, in the order they were emitted; empty when
  // there were none.
  std::vector<Finding> findings_of(const std::string& path) const;
  // Every path a finding named, "" included.
  std::set<std::string> paths() const;
  bool was_unreadable(size_t file) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::vector<Finding>> by_path_;
  std::set<size_t> unreadable_;
};

}  // namespace assay::scan
