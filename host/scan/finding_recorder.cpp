#include "scan/finding_recorder.h"

namespace assay::scan {

void FindingRecorder::record(const Finding& finding) {
  std::lock_guard lock(mutex_);
  by_path_[finding.path].push_back(finding);
}

void FindingRecorder::unreadable(size_t file) {
  std::lock_guard lock(mutex_);
  unreadable_.insert(file);
}

std::vector<Finding> FindingRecorder::findings_of(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = by_path_.find(path);
  return it == by_path_.end() ? std::vector<Finding>() : it->second;
}

std::set<std::string> FindingRecorder::paths() const {
  std::lock_guard lock(mutex_);
  std::set<std::string> out;
  for (const auto& [path, findings] : by_path_) out.insert(path);
  return out;
}

bool FindingRecorder::was_unreadable(size_t file) const {
  std::lock_guard lock(mutex_);
  return unreadable_.count(file) != 0;
}

}  // namespace assay::scan
