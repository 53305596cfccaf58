// Which scans may run now: at most N at once over all repositories, never two
// of one repository, and a request for a repository whose scan runs (or
// waits) is merged into its single pending request instead of queueing
// without bound. Pure bookkeeping, no threads or clocks: the service calls it
// from its event loop.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace assay::serve {

struct ScanRequest {
  std::string reason;  // "every 1h", "cron 0 2 * * *", "commit 1a2b3c…", for the log
  // Scanners to run; nullopt = all enabled ones.
  std::optional<std::vector<std::string>> scanners;
  // Commit to scan; nullopt = the configured branch's tip (or the working tree).
  std::optional<std::string> rev;

  // Folds a later request into this one: the union of the scanners (all wins),
  // the later commit, both reasons.
  void merge(const ScanRequest& later);
};

enum class Admission {
  start,      // the caller starts the scan now
  queued,     // waits for a free slot
  coalesced,  // merged into the repository's pending request
};

class ScanSlots {
 public:
  explicit ScanSlots(int max_concurrent) : limit_(max_concurrent) {}

  // A scan of `repository` is wanted.
  Admission request(const std::string& repository, const ScanRequest& request);

  // The scan of `repository` ended. Returns the scans to start now, each
  // already counted as running, oldest waiting first.
  std::vector<std::pair<std::string, ScanRequest>> finish(const std::string& repository);

  // Changes N (a reload). Returns the waiting scans that may start now.
  std::vector<std::pair<std::string, ScanRequest>> set_limit(int max_concurrent);

  // Drops the pending request of `repository` (it left the configuration).
  void forget_pending(const std::string& repository);

  int running() const { return running_; }
  int pending() const;
  bool is_running(const std::string& repository) const;

 private:
  struct Slot {
    bool running = false;
    std::optional<ScanRequest> pending;
  };
  std::vector<std::pair<std::string, ScanRequest>> admit_waiting();

  int limit_;
  int running_ = 0;
  std::map<std::string, Slot> slots_;
  std::deque<std::string> waiting_;  // repositories with a pending request and no running scan
};

}  // namespace assay::serve
