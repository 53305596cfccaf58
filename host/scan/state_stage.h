// The state store's part in a scan (docs/state.md). The store is opened
// before the scanners run, so that one that cannot be used (written by a
// newer assay, not a store, not creatable) stops the scan at once; the ranked
// backlog is merged into it in one transaction, which gives every item its
// stable key, status and first-seen time; the lifecycle events are published
// after the commit; old history is pruned after the reports are written.
#pragma once

#include <assay/plugin.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "scan/scan_runner.h"
#include "scan/state_settings.h"

namespace assay::repo {
class RepoView;
}
namespace assay::state {
class StateStore;
class StateReader;
class StateWriter;
}  // namespace assay::state
namespace assay::history {
class HistoryService;
}

namespace assay::scan {

class StateStage {
 public:
  // The stage for a scan of `scan_path` (absolute), or nullptr when
  // state.enabled is false. Throws ScanFailed naming the store when it
  // cannot be opened, and UsageError for state settings the schema cannot
  // check.
  static std::unique_ptr<StateStage> open(const config::Config& config,
                                          const std::filesystem::path& scan_path);

  ~StateStage();

  // Merges `outcome.items` (fingerprinted and ranked) and fills each item's
  // key, status and first_seen_at, and outcome.state. `started_at` and
  // `recorded_at` are seconds since 1970; the scan's changes are recorded at
  // the latter. `history_index` (nullptr: none) answers renames it knows
  // (scan/history_context.h). Throws ScanFailed when the store stays busy
  // longer than state.busy_timeout_ms or fails; the store is unchanged then.
  // `also_write`, when given, runs inside the same transaction after the
  // merge, with the repository's id (the findings caches); it is skipped
  // for a look-back, which changes nothing.
  void merge(ScanOutcome& outcome, const repo::RepoView& repo, int64_t started_at, int64_t recorded_at,
             const history::HistoryService* history_index = nullptr,
             const std::function<void(state::StateWriter&, int64_t)>& also_write = {});

  // Runs `work` on a snapshot of the store, with the id of the repository
  // whose root is `repository_path` (nullopt when no scan recorded it).
  // Throws ScanFailed naming the store when it cannot be read.
  void read(const std::string& repository_path,
            const std::function<void(state::StateReader&, std::optional<int64_t>)>& work);

  // assay.item.new for new and reopened items, assay.item.resolved for the
  // resolved ones, when some subscription wants them.
  void publish(const ScanOutcome& outcome, bus::EventPublisher& events) const;

  // Queues a reporter's message in the store's outbox (delivery/outbox_queue.h).
  // Returns ASSAY_OK, or the status and `error` (never the URL).
  assay_status queue(const std::string& plugin, const std::string& scan_id, const assay_delivery& message,
                     std::string& error);

  // Sends the outbox's pending messages for at most delivery.wait_seconds, or
  // until `stop`. Logs what was left for the next run. Never throws.
  void send_outbox(const std::atomic<bool>& stop);

  // Deletes history older than the retention settings, in short
  // transactions, for at most a bounded time; a scan of another process
  // that needs the store meanwhile goes first. Never throws.
  void prune(int64_t now);

 private:
  StateStage(StateSettings settings, std::unique_ptr<state::StateStore> store);

  StateSettings settings_;
  std::unique_ptr<state::StateStore> store_;
};

}  // namespace assay::scan
