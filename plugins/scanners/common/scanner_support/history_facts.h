// The history facts scanners ask for (the maturity rules, the docs scanner's
// stale documentation, the testgaps scanner's ranking), behind a small
// interface so their logic does not care where the facts come from.
//
// The host's per-file history (host API 1.1: file_history, file_commit over
// the history index of issue 3) is adapted to this interface in one place,
// host_history_facts.cpp. Whenever the scan has no history (a plain
// directory, history disabled, a 1.0 host), NoHistoryFacts answers, and every
// question that needs history stays unanswered with its reason (a maturity
// rule is inconclusive, the way OpenSSF Scorecard treats a check it cannot
// decide: skipped in the scores, never guessed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::scanners {

// What the history knows about one file of the scan target, over the host's
// history window. Times are Unix seconds (UTC) of author times.
struct FileHistory {
  int64_t first_change = 0;           // the oldest commit in the window that changed it (renames followed)
  int64_t last_change = 0;            // the newest commit that changed it
  std::vector<int64_t> change_times;  // every commit in the window that changed it, newest first
  bool cut = false;                   // the window or a shallow clone cut the walk: older changes unseen
};

class HistoryFacts {
 public:
  virtual ~HistoryFacts() = default;

  // Why there are no facts, shown as the evidence of every history rule; or
  // nullopt when facts are available.
  virtual std::optional<std::string> unavailable_reason() const = 0;

  // Facts of one file (repository-relative path), or nullopt when the history
  // does not know it: a file no commit in the window changed, or one not
  // committed yet.
  virtual std::optional<FileHistory> file(std::string_view path) const = 0;

  // The last change of one file, as file(path)->last_change; adapters
  // override it when it is cheaper than the whole FileHistory.
  virtual std::optional<int64_t> last_change(std::string_view path) const {
    const auto facts = file(path);
    if (!facts) return std::nullopt;
    return facts->last_change;
  }

  // How many commits in the window changed one file, as
  // file(path)->change_times.size() (0 when file(path) is nullopt); adapters
  // override it when the count is known without asking for every commit.
  virtual size_t commit_count(std::string_view path) const {
    const auto facts = file(path);
    return facts ? facts->change_times.size() : 0;
  }

  // Commits (merges not counted) with an author time at or after `since`
  // that changed a file of the scan target.
  virtual uint64_t commits_since(int64_t since) const = 0;

  // The time "N days ago" is measured from: the scan's start.
  virtual int64_t now() const = 0;
};

// No history: every question is unanswerable, with `reason`.
class NoHistoryFacts : public HistoryFacts {
 public:
  explicit NoHistoryFacts(std::string reason) : reason_(std::move(reason)) {}
  std::optional<std::string> unavailable_reason() const override { return reason_; }
  std::optional<FileHistory> file(std::string_view) const override { return std::nullopt; }
  uint64_t commits_since(int64_t) const override { return 0; }
  int64_t now() const override { return 0; }

 private:
  std::string reason_;
};

}  // namespace assay::scanners
