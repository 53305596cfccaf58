// The state store: what assay remembers across scans (docs/state.md). Callers
// see only these interfaces, so another backend (PostgreSQL for many hosts)
// can sit behind them without touching the lifecycle, statistics or commands.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "state/outbox_records.h"
#include "state/records.h"

namespace assay::state {

// The store cannot be opened, read or written; the message names it.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Another process held the store's write lock longer than the configured wait.
class StoreBusy : public StoreError {
 public:
  using StoreError::StoreError;
};

// The store was written by a newer assay, or is not an assay store at all.
class StoreVersionError : public StoreError {
 public:
  using StoreError::StoreError;
};

// Read access inside one consistent snapshot. Lists come oldest first.
class StateReader {
 public:
  virtual ~StateReader() = default;

  virtual int schema_version() = 0;
  virtual std::vector<RepositoryRecord> repositories() = 0;
  virtual std::optional<RepositoryRecord> find_repository(const std::string& path) = 0;
  virtual std::vector<ScanRecord> scans(int64_t repository_id) = 0;
  // The last merged scan (in the order scans were committed), or the latest
  // one finished at or before `at_or_before`.
  virtual std::optional<ScanRecord> last_merged_scan(int64_t repository_id,
                                                     std::optional<int64_t> at_or_before = std::nullopt) = 0;
  virtual std::vector<RunRecord> runs(const std::string& scan_id) = 0;
  virtual std::vector<KeyCounter> key_counters(int64_t repository_id) = 0;
  // Every item of the repository, whatever its status.
  virtual std::vector<ItemRecord> items(int64_t repository_id) = 0;
  // Calls `visit` with every item of the repository in id order, one at a
  // time, viewed in the store's row (copy what must outlive the call): a
  // scan's merge compares every stored item without holding or copying
  // them all, and reads only the columns it compares.
  virtual void for_each_item(int64_t repository_id, const std::function<void(const ItemView&)>& visit) = 0;
  // The item with id `id`, when there is one.
  virtual std::optional<ItemRecord> item(int64_t id) = 0;
  // The repository's open items: how many, and their effort and value
  // summed in id order (the order fixes the rounding of the sums).
  virtual OpenTotals open_totals(int64_t repository_id) = 0;
  // Items resolved at after < resolved_at <= until and still resolved.
  virtual std::vector<ItemRecord> resolved_items(int64_t repository_id, int64_t after, int64_t until) = 0;
  // How many events of each kind, per source of their item, have
  // after < at <= until.
  virtual std::vector<EventCount> event_counts(int64_t repository_id, int64_t after, int64_t until) = 0;
  // Events with after < at <= until, in the order they happened.
  virtual std::vector<EventRecord> events(int64_t repository_id, int64_t after, int64_t until) = 0;
  virtual std::vector<ScoreRecord> scores(int64_t repository_id) = 0;
  // Every recorded maturity assessment of the repository, in scan order.
  virtual std::vector<AssessmentRecord> assessments(int64_t repository_id) = 0;
  // The assessments of the repository's last `count` merged scans that have
  // one, oldest first: the trend reports show. Look-backs are left out, since
  // they assess an older commit than the scans around them.
  virtual std::vector<AssessmentRecord> assessment_trend(int64_t repository_id, size_t count) = 0;

  // --- the delivery outbox (outbox_records.h) ---
  // Messages of `status`, oldest first.
  virtual std::vector<OutboxMessage> outbox(const std::string& status) = 0;
  // When the last attempt to `endpoint` ended (0 = never).
  virtual int64_t endpoint_last_attempt_ms(const std::string& endpoint) = 0;
  virtual DeliveryCounts delivery_counts() = 0;
  // The findings cache of `scanner` in the repository, when there is one.
  virtual std::optional<FindingCacheRecord> finding_cache(int64_t repository_id,
                                                          const std::string& scanner) = 0;
  // Every file the cache of `scanner` holds, by path.
  virtual std::vector<CachedFileRecord> cached_files(int64_t repository_id, const std::string& scanner) = 0;
  // Calls `visit` with every file the cache of `scanner` holds, in byte
  // order of their paths (std::string's order), one at a time: a rescan
  // compares the whole cache with its own rows in one pass, without holding
  // a copy. `visit` must not write to the store.
  virtual void for_each_cached_file(int64_t repository_id, const std::string& scanner,
                                    const std::function<void(const CachedFileView&)>& visit) = 0;
};

// Changes, all inside the one transaction StateStore::write runs.
class StateWriter : public StateReader {
 public:
  virtual int64_t add_repository(const std::string& path, const std::string& name) = 0;
  // Takes the next `count` (>= 1) numbers for `prefix` in the repository
  // (1, 2, …) and returns the first; a number is never handed out twice.
  virtual int64_t next_key_numbers(int64_t repository_id, const std::string& prefix, int64_t count) = 0;
  // Returns the new item's id.
  virtual int64_t add_item(const ItemRecord& item) = 0;
  // Overwrites every field of the item with id `item.id`.
  virtual void update_item(const ItemRecord& item) = 0;
  // Overwrites what a scan sees of an item that stays open under the same
  // fingerprint: source, rule, category, title, location, evidence, effort,
  // scores and last seen. The identity and lifecycle fields (and so the
  // indexes over them) are left alone: the cheap update of an item a scan
  // found changed (moved, edited, rescored).
  virtual void update_sighting(const ItemRecord& item) = 0;
  // Sets last seen to `at` and `scan_id` on the items with the ids `ids`;
  // 0 and "" make it implicit (last_seen_by_last_scan): how an open item
  // that a scan did not see keeps the scan that saw it last, and how one
  // seen again after such a scan follows the last merged scan again.
  virtual void set_last_seen(const std::vector<int64_t>& ids, int64_t at, const std::string& scan_id) = 0;
  virtual void add_event(const EventRecord& event) = 0;
  virtual void add_score(const ScoreRecord& score) = 0;
  virtual void add_scan(const ScanRecord& scan, const std::vector<RunRecord>& runs) = 0;
  // Records the assessment of the scan `assessment.scan_id`, which add_scan
  // recorded before; at most one per scan.
  virtual void add_assessment(const AssessmentRecord& assessment) = 0;

  // --- the delivery outbox ---
  // Returns the new message's id.
  virtual int64_t add_outbox_message(const OutboxMessage& message) = 0;
  // Overwrites the status, attempt and result fields of message `message.id`.
  virtual void update_outbox_message(const OutboxMessage& message) = 0;
  virtual void set_endpoint_last_attempt_ms(const std::string& endpoint, int64_t at_ms) = 0;
  // Adds one to the counter of `result` (DeliveryCounts::results).
  virtual void count_delivery_result(const std::string& result) = 0;
  // Creates or updates the cache's record; its files stay.
  virtual void put_finding_cache(const FindingCacheRecord& cache) = 0;
  // Adds or replaces one file of the cache of `scanner`, which must exist. A
  // row that already holds the same keys and findings is not rewritten.
  virtual void put_cached_file(int64_t repository_id, const std::string& scanner,
                               const CachedFileRecord& file) = 0;
  virtual void delete_cached_file(int64_t repository_id, const std::string& scanner,
                                  const std::string& path) = 0;
  // Deletes the cache of `scanner` with all its files.
  virtual void delete_finding_cache(int64_t repository_id, const std::string& scanner) = 0;
};

// How long each kind of history is kept.
struct Retention {
  int detail_days = 90;    // events, score history, plugin runs, resolved items
  int summary_days = 730;  // scans with their backlog summaries
};

// What one pruning pass removed; `complete` is false when it stopped early
// (time budget spent, or a scan wanted the store) and left the rest for later.
struct PruneReport {
  int64_t rows = 0;
  bool complete = true;
};

class StateStore {
 public:
  virtual ~StateStore() = default;

  // Where the store lives, for messages (a file path for SQLite).
  virtual const std::string& location() const = 0;

  // Runs `work` in one write transaction: everything it wrote is committed
  // together when it returns, nothing when it throws (the exception passes
  // on). Waits at most the configured time for another writer; throws
  // StoreBusy when that is not enough.
  virtual void write(const std::function<void(StateWriter&)>& work) = 0;

  // Runs `work` on one consistent snapshot; never blocks writers.
  virtual void read(const std::function<void(StateReader&)>& work) = 0;

  // The backend's own consistency check (for SQLite: integrity_check and
  // foreign_key_check); one line per problem, empty when sound.
  virtual std::vector<std::string> integrity_problems() = 0;

  // Deletes history older than `retention` allows, as of `now`, in short
  // transactions so that a scan waiting for the store waits at most one of
  // them. Stops after `budget` and whenever the store is busy.
  virtual PruneReport prune(const Retention& retention, int64_t now, std::chrono::milliseconds budget) = 0;

  // Starts moving what was committed into the store's main file on a thread
  // of its own (for SQLite: a checkpoint of the write-ahead log), so that
  // closing the store later does not wait for it; the store stays usable
  // meanwhile. Only a head start: what it leaves undone (it failed, or was
  // busy) is done at the close as before. Called by a scan after its merge.
  virtual void settle_in_background() = 0;
};

}  // namespace assay::state
