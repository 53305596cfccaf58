// StateWriter (and so StateReader) over one SQLite connection. The caller owns
// the transaction; this class only reads and writes rows. Internal to
// host/state.
#pragma once

#include <unordered_map>

#include "state/state_store.h"

namespace assay::state {

class Database;
class Statement;

class SqliteAccess : public StateWriter {
 public:
  explicit SqliteAccess(Database& db) : db_(db) {}

  // Called at the start of each transaction: forgets what the last one
  // remembered (each repository's last merged scan).
  void begin_transaction() { last_merged_.clear(); }

  int schema_version() override;
  std::vector<RepositoryRecord> repositories() override;
  std::optional<RepositoryRecord> find_repository(const std::string& path) override;
  std::vector<ScanRecord> scans(int64_t repository_id) override;
  std::optional<ScanRecord> last_merged_scan(int64_t repository_id,
                                             std::optional<int64_t> at_or_before) override;
  std::vector<RunRecord> runs(const std::string& scan_id) override;
  std::vector<KeyCounter> key_counters(int64_t repository_id) override;
  std::vector<ItemRecord> items(int64_t repository_id) override;
  void for_each_item(int64_t repository_id, const std::function<void(const ItemView&)>& visit) override;
  std::optional<ItemRecord> item(int64_t id) override;
  OpenTotals open_totals(int64_t repository_id) override;
  std::vector<ItemRecord> resolved_items(int64_t repository_id, int64_t after, int64_t until) override;
  std::vector<EventCount> event_counts(int64_t repository_id, int64_t after, int64_t until) override;
  std::vector<EventRecord> events(int64_t repository_id, int64_t after, int64_t until) override;
  std::vector<ScoreRecord> scores(int64_t repository_id) override;
  std::vector<AssessmentRecord> assessments(int64_t repository_id) override;
  std::vector<AssessmentRecord> assessment_trend(int64_t repository_id, size_t count) override;
  // The outbox's part is in sqlite_outbox.cpp.
  std::vector<OutboxMessage> outbox(const std::string& status) override;
  int64_t endpoint_last_attempt_ms(const std::string& endpoint) override;
  DeliveryCounts delivery_counts() override;
  // The findings cache (sqlite_finding_cache.cpp).
  std::optional<FindingCacheRecord> finding_cache(int64_t repository_id, const std::string& scanner) override;
  std::vector<CachedFileRecord> cached_files(int64_t repository_id, const std::string& scanner) override;
  void for_each_cached_file(int64_t repository_id, const std::string& scanner,
                            const std::function<void(const CachedFileView&)>& visit) override;

  int64_t add_repository(const std::string& path, const std::string& name) override;
  int64_t next_key_numbers(int64_t repository_id, const std::string& prefix, int64_t count) override;
  int64_t add_item(const ItemRecord& item) override;
  void update_item(const ItemRecord& item) override;
  void update_sighting(const ItemRecord& item) override;
  void set_last_seen(const std::vector<int64_t>& ids, int64_t at, const std::string& scan_id) override;
  void add_event(const EventRecord& event) override;
  void add_score(const ScoreRecord& score) override;
  void add_scan(const ScanRecord& scan, const std::vector<RunRecord>& runs) override;
  void add_assessment(const AssessmentRecord& assessment) override;
  int64_t add_outbox_message(const OutboxMessage& message) override;
  void update_outbox_message(const OutboxMessage& message) override;
  void set_endpoint_last_attempt_ms(const std::string& endpoint, int64_t at_ms) override;
  void count_delivery_result(const std::string& result) override;
  void put_finding_cache(const FindingCacheRecord& cache) override;
  void put_cached_file(int64_t repository_id, const std::string& scanner,
                       const CachedFileRecord& file) override;
  void delete_cached_file(int64_t repository_id, const std::string& scanner,
                          const std::string& path) override;
  void delete_finding_cache(int64_t repository_id, const std::string& scanner) override;

 private:
  // The assessments the statement (with the columns of kAssessmentColumns)
  // yields, each with its dimensions.
  std::vector<AssessmentRecord> read_assessments(Statement& s);
  // last_merged_scan(repository_id), looked up once per transaction (and
  // again after add_scan): an item whose row leaves last seen implicit
  // takes it from there, and a merge may resolve thousands of them.
  const std::optional<ScanRecord>& remembered_last_merged_scan(int64_t repository_id);

  Database& db_;
  std::unordered_map<int64_t, std::optional<ScanRecord>> last_merged_;  // by repository
};

}  // namespace assay::state
