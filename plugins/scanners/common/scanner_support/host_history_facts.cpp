#include "host_history_facts.h"

#include <ctime>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace assay::scanners {
namespace {

// The host's status for file 0's history: tells "no history for this scan"
// (ASSAY_UNSUPPORTED) from a history that is there.
assay_status probe(const sdk::Scan& scan) {
  assay_file_history raw{};
  raw.struct_size = sizeof(raw);
  return scan.api()->file_history(scan.raw(), 0, &raw);
}

// Facts over assay_host_api.file_history, file_commit and commits_since.
// Thread-safe: the path index is built before any question; from a host
// before API 1.3, the repository's commit times once under a flag.
class HostHistoryFacts : public HistoryFacts {
 public:
  explicit HostHistoryFacts(const sdk::Scan& scan) : scan_(scan), now_(std::time(nullptr)) {
    const size_t count = scan.file_count();
    index_.reserve(count);
    for (size_t i = 0; i < count; ++i) index_.emplace(std::string(scan.file(i).path), i);
  }

  std::optional<std::string> unavailable_reason() const override { return std::nullopt; }

  std::optional<FileHistory> file(std::string_view path) const override {
    const auto index = index_of(path);
    if (!index) return std::nullopt;
    const auto facts = scan_.history(*index);
    if (!facts || facts->commits == 0) return std::nullopt;
    FileHistory out;
    out.first_change = facts->first_change;
    out.last_change = facts->last_change;
    out.cut = facts->cut;
    out.change_times.reserve(facts->commits);
    for (size_t nth = 0; nth < facts->commits; ++nth) {
      const auto commit = scan_.file_commit(*index, nth);
      if (!commit) break;
      out.change_times.push_back(commit->time);
    }
    return out;
  }

  size_t commit_count(std::string_view path) const override {
    const auto index = index_of(path);
    if (!index) return 0;
    const auto facts = scan_.history(*index);
    return facts ? facts->commits : 0;
  }

  std::optional<int64_t> last_change(std::string_view path) const override {
    const auto index = index_of(path);
    if (!index) return std::nullopt;
    const auto facts = scan_.history(*index);
    if (!facts || facts->commits == 0) return std::nullopt;
    return facts->last_change;
  }

  uint64_t commits_since(int64_t since) const override {
    // A 1.3 host counts in one call; an older one is asked per commit.
    if (const auto counted = scan_.commits_since(since)) return *counted;
    std::call_once(commits_once_, [this] { collect_commits(); });
    uint64_t count = 0;
    for (int64_t t : commit_times_) count += t >= since ? 1 : 0;
    return count;
  }

  int64_t now() const override { return now_; }

 private:
  std::optional<size_t> index_of(std::string_view path) const {
    const auto it = index_.find(std::string(path));
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

  // The distinct commits that changed any file of the scan target: the host
  // offers commits per file only, so the repository's are their union.
  void collect_commits() const {
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < scan_.file_count(); ++i) {
      const auto facts = scan_.history(i);
      if (!facts) continue;
      for (size_t nth = 0; nth < facts->commits; ++nth) {
        const auto commit = scan_.file_commit(i, nth);
        if (!commit) break;
        if (seen.emplace(commit->id).second) commit_times_.push_back(commit->time);
      }
    }
  }

  const sdk::Scan& scan_;
  const int64_t now_;
  std::unordered_map<std::string, size_t> index_;
  mutable std::once_flag commits_once_;
  mutable std::vector<int64_t> commit_times_;
};

}  // namespace

std::unique_ptr<HistoryFacts> history_facts_for(const sdk::Scan& scan) {
  if (scan.commit().empty())
    return std::make_unique<NoHistoryFacts>("the scan target is not a git repository, so it has no history");
  if (!scan.has_history_api())
    return std::make_unique<NoHistoryFacts>(
        "this host offers no history functions to plugins (a host API 1.0 host)");
  if (scan.file_count() == 0)
    return std::make_unique<NoHistoryFacts>("the scan target has no files, so no file has a history");
  if (probe(scan) == ASSAY_UNSUPPORTED)
    return std::make_unique<NoHistoryFacts>(
        "the host has no history for this scan (history disabled in the configuration, a repository "
        "without commits, or a history that could not be walked; the host's log says which)");
  return std::make_unique<HostHistoryFacts>(scan);
}

}  // namespace assay::scanners
