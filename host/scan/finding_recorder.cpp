#include "scan/finding_recorder.h"

namespace assay::scan {

void FindingRecorder::unreadable(size_t file) {
  std::lock_guard lock(mutex_);
  unreadable_.insert(file);
}

void FindingRecorder::unscored(const std::string& path) {
  std::lock_guard lock(mutex_);
  ++unscored_[path];
}

bool FindingRecorder::was_unreadable(size_t file) const {
  std::lock_guard lock(mutex_);
  return unreadable_.count(file) != 0;
}

size_t FindingRecorder::unscored_at(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = unscored_.find(path);
  return it == unscored_.end() ? 0 : it->second;
}

std::set<std::string> FindingRecorder::unscored_paths() const {
  std::lock_guard lock(mutex_);
  std::set<std::string> out;
  for (const auto& [path, count] : unscored_) out.insert(path);
  return out;
}

}  // namespace assay::scan
