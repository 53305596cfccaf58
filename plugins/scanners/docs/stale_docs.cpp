#include "stale_docs.h"

#include <algorithm>

#include "doc_check.h"

namespace assay::docs {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

// The newest change among the code `name` stands for: the file itself, or
// the non-document files under a directory (a name ending in '/').
std::optional<ChangedCode> newest_change(const std::string& name, const std::vector<std::string>& files,
                                         const scanners::HistoryFacts& history) {
  std::optional<ChangedCode> newest;
  auto consider = [&](const std::string& path) {
    const auto last = history.last_change(path);
    if (last && (!newest || *last > newest->last_change)) newest = ChangedCode{name, path, *last};
  };
  if (!name.ends_with('/')) {
    consider(name);
    return newest;
  }
  for (const auto& path : files)
    if (path.starts_with(name) && !is_document(path)) consider(path);
  return newest;
}

}  // namespace

std::optional<StaleDoc> stale_doc(const std::string& doc_path, const std::set<std::string>& named,
                                  const std::vector<std::string>& files,
                                  const scanners::HistoryFacts& history, uint32_t threshold_days) {
  const auto doc_change = history.last_change(doc_path);
  if (!doc_change) return std::nullopt;
  const int64_t threshold = static_cast<int64_t>(threshold_days) * kSecondsPerDay;
  StaleDoc stale;
  stale.doc_change = *doc_change;
  for (const auto& name : named) {
    const auto change = newest_change(name, files, history);
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
