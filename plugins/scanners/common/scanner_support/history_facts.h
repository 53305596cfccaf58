// The history facts scanners ask for (the maturity rules, the docs scanner's
// stale documentation), behind a small interface so their logic does not
// care where the facts come from.
//
// The seam: the host's per-file history facts (host API 1.1, the history
// index of issue 3) are adapted to this interface in one place,
// host_history_facts.cpp. Until a host offers them, and whenever the scan
// target has no history (a plain directory), NoHistoryFacts answers, and
// every question that needs history stays unanswered with its reason (a
// maturity rule is inconclusive, the way OpenSSF Scorecard treats a check it
// cannot decide: skipped in the scores, never guessed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::scanners {

// What the history knows about one file of the scan target. Times are Unix
// seconds (UTC) of commit times.
struct FileHistory {
  int64_t first_change = 0;           // the commit that added the file (following renames)
  int64_t last_change = 0;            // the last commit that changed it
  std::vector<int64_t> change_times;  // every commit that changed it, any order
};

class HistoryFacts {
 public:
  virtual ~HistoryFacts() = default;

  // Why there are no facts, shown as the evidence of every history rule; or
  // nullopt when facts are available.
  virtual std::optional<std::string> unavailable_reason() const = 0;

  // Facts of one file (repository-relative path), or nullopt when the history
  // does not know it (e.g. a file not committed yet).
  virtual std::optional<FileHistory> file(std::string_view path) const = 0;

  // Commits of the whole repository (reachable from the scan target) with a
  // commit time at or after `since`.
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
