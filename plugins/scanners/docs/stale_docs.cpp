#include "stale_docs.h"

#include <algorithm>

#include "doc_check.h"

namespace assay::docs {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

}  // namespace

CodeChanges::CodeChanges(std::vector<std::string> files, const scanners::HistoryFacts& history)
    : files_(std::move(files)), history_(history) {
  std::sort(files_.begin(), files_.end());
}

std::optional<ChangedCode> CodeChanges::newest(const std::string& name) const {
  const auto known = known_.find(name);
  if (known != known_.end()) return known->second;
  return known_.emplace(name, look_up(name)).first->second;
}

std::optional<ChangedCode> CodeChanges::look_up(const std::string& name) const {
  std::optional<ChangedCode> newest;
  auto consider = [&](const std::string& path) {
    const auto last = history_.last_change(path);
    if (last && (!newest || *last > newest->last_change)) newest = ChangedCode{name, path, *last};
  };
  if (!name.ends_with('/')) {
    consider(name);
    return newest;
  }
  for (auto it = std::lower_bound(files_.begin(), files_.end(), name);
       it != files_.end() && it->starts_with(name); ++it)
    if (!is_document(*it)) consider(*it);
  return newest;
}

std::optional<StaleDoc> stale_doc(const std::string& doc_path, const std::set<std::string>& named,
                                  const CodeChanges& code, const scanners::HistoryFacts& history,
                                  uint32_t threshold_days) {
  const auto doc_change = history.last_change(doc_path);
  if (!doc_change) return std::nullopt;
  const int64_t threshold = static_cast<int64_t>(threshold_days) * kSecondsPerDay;
  StaleDoc stale;
  stale.doc_change = *doc_change;
  for (const auto& name : named) {
    const auto change = code.newest(name);
    if (change && change->last_change - *doc_change > threshold) stale.code.push_back(*change);
  }
  if (stale.code.empty()) return std::nullopt;
  std::sort(stale.code.begin(), stale.code.end(), [](const ChangedCode& a, const ChangedCode& b) {
    return a.last_change != b.last_change ? a.last_change > b.last_change : a.path < b.path;
  });
  stale.lag_days = static_cast<uint32_t>((stale.code.front().last_change - *doc_change) / kSecondsPerDay);
  return stale;
}

}  // namespace assay::docs
