#include "state/sqlite_store.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "state/sqlite_access.h"
#include "state/sqlite_db.h"
#include "state/sqlite_schema.h"

namespace assay::state {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int64_t kSecondsPerDay = 86400;
// A pruning transaction waits this long for the lock at most: pruning gives
// way to scans, never the other way round.
constexpr int kPruneBusyTimeoutMs = 50;
// Rows per pruning transaction: small enough that a scan waiting for the
// store waits milliseconds.
constexpr int kPruneBatch = 2000;

// A passive checkpoint through a connection of its own: it waits for no
// reader or writer of the store's connection, which sees the log copied
// when it closes and need not copy it itself. Failures are left to that
// close, which copies whatever remains.
void checkpoint_quietly(const std::string& path) {
  sqlite3* db = nullptr;
  // The pragma, unlike sqlite3_wal_checkpoint_v2 on a connection that has
  // read nothing yet, first learns that the store is in WAL mode.
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) == SQLITE_OK)
    sqlite3_exec(db, "PRAGMA wal_checkpoint(PASSIVE)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

std::string seconds_text(int64_t milliseconds) {
  const int64_t tenths = (milliseconds + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

class SqliteStore : public StateStore {
 public:
  SqliteStore(const std::string& path, const SqliteOptions& options)
      : options_(options), db_(path, options.create), access_(db_) {
    db_.set_busy_timeout(options.busy_timeout_ms);
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec("PRAGMA synchronous = FULL");
    migrate(db_, latest_schema_version());
    set_wal_mode();
  }

  // The checkpoint's connection closes first: the store's connection, the
  // last to close, then finds the log copied.
  ~SqliteStore() override {
    if (checkpointer_.joinable()) checkpointer_.join();
  }
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  const std::string& location() const override { return db_.path(); }

  void settle_in_background() override {
    if (checkpointer_.joinable()) checkpointer_.join();  // one at a time
    checkpointer_ = std::thread([path = db_.path()] { checkpoint_quietly(path); });
  }

  void write(const std::function<void(StateWriter&)>& work) override {
    begin_immediate();
    access_.begin_transaction();
    try {
      work(access_);
      db_.exec("COMMIT");
    } catch (...) {
      db_.rollback_quietly();
      throw;
    }
  }

  void read(const std::function<void(StateReader&)>& work) override {
    db_.exec("BEGIN");
    access_.begin_transaction();
    try {
      work(access_);
      db_.exec("COMMIT");
    } catch (...) {
      db_.rollback_quietly();
      throw;
    }
  }

  std::vector<std::string> integrity_problems() override {
    std::vector<std::string> problems;
    Statement integrity(db_, "PRAGMA integrity_check");
    while (integrity.step()) {
      if (integrity.text(0) != "ok") problems.push_back("integrity_check: " + integrity.text(0));
    }
    Statement keys(db_, "PRAGMA foreign_key_check");
    while (keys.step()) {
      problems.push_back("foreign_key_check: table " + keys.text(0) + " row " +
                         std::to_string(keys.integer(1)) + " refers to a missing row of " + keys.text(2));
    }
    return problems;
  }

  PruneReport prune(const Retention& retention, int64_t now, std::chrono::milliseconds budget) override {
    const int64_t detail_cutoff = now - retention.detail_days * kSecondsPerDay;
    const int64_t summary_cutoff = now - retention.summary_days * kSecondsPerDay;
    const auto deadline = Clock::now() + budget;
    PruneReport report;
    db_.set_busy_timeout(kPruneBusyTimeoutMs);
    try {
      for (const auto& [sql, cutoff] : prune_steps(detail_cutoff, summary_cutoff)) {
        if (!prune_until_done(sql, cutoff, deadline, report)) break;
      }
    } catch (const StoreBusy&) {
      report.complete = false;  // a scan wants the store: it goes first
    }
    db_.set_busy_timeout(options_.busy_timeout_ms);
    return report;
  }

 private:
  // Each step deletes at most one batch of rows older than its cutoff (?1).
  static std::vector<std::pair<const char*, int64_t>> prune_steps(int64_t detail, int64_t summary) {
    return {
        {"DELETE FROM score_history WHERE id IN (SELECT id FROM score_history WHERE at < ?1 LIMIT ?2)",
         detail},
        {"DELETE FROM item_events WHERE id IN (SELECT id FROM item_events WHERE at < ?1 LIMIT ?2)", detail},
        {"DELETE FROM scan_runs WHERE id IN (SELECT r.id FROM scan_runs r JOIN scans s ON s.id = r.scan_id"
         " WHERE s.finished_at < ?1 LIMIT ?2)",
         detail},
        {"DELETE FROM items WHERE id IN (SELECT id FROM items WHERE status = 'resolved' AND resolved_at < ?1"
         " LIMIT ?2)",
         detail},
        // Delivered and dead messages of the outbox (milliseconds); pending
        // ones stay whatever their age.
        {"DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE status != 'pending'"
         " AND finished_at_ms < ?1 * 1000 LIMIT ?2)",
         detail},
        // The last merged scan of a repository stays: the next scan compares
        // its commit with it (renames, look-backs).
        {"DELETE FROM scans WHERE id IN (SELECT s.id FROM scans s WHERE s.finished_at < ?1 AND s.id IS NOT"
         " (SELECT l.id FROM scans l WHERE l.repository_id = s.repository_id AND l.merged = 1"
         " ORDER BY l.rowid DESC LIMIT 1) LIMIT ?2)",
         summary},
    };
  }

  // Runs one step in batches until nothing is left; false when the time
  // budget ran out first.
  bool prune_until_done(const char* sql, int64_t cutoff, Clock::time_point deadline, PruneReport& report) {
    for (;;) {
      if (Clock::now() >= deadline) {
        report.complete = false;
        return false;
      }
      db_.exec("BEGIN IMMEDIATE");
      int64_t deleted = 0;
      try {
        db_.cached(sql).bind(1, cutoff).bind(2, static_cast<int64_t>(kPruneBatch)).run();
        deleted = db_.query_integer("SELECT changes()");
        db_.exec("COMMIT");
      } catch (...) {
        db_.rollback_quietly();
        throw;
      }
      report.rows += deleted;
      if (deleted < kPruneBatch) return true;
    }
  }

  void begin_immediate() {
    const auto start = Clock::now();
    try {
      db_.exec("BEGIN IMMEDIATE");
    } catch (const StoreBusy&) {
      const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
      throw StoreBusy("state store " + db_.path() + " is in use by another assay process; gave up after " +
                      seconds_text(waited) + " (state.busy_timeout_ms is " +
                      std::to_string(options_.busy_timeout_ms) + ")");
    }
  }

  void set_wal_mode() {
    Statement mode(db_, "PRAGMA journal_mode = WAL");
    if (!mode.step() || mode.text(0) != "wal")
      throw StoreError("state store " + db_.path() + ": cannot switch to WAL journal mode");
    mode.reset();
  }

  SqliteOptions options_;
  Database db_;
  SqliteAccess access_;
  std::thread checkpointer_;  // settle_in_background's
};

void create_parent_directory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec)
    throw StoreError("cannot create directory " + parent.string() + " for the state store: " + ec.message());
}

}  // namespace

std::unique_ptr<StateStore> open_sqlite_store(const std::string& path, const SqliteOptions& options) {
  if (options.create) create_parent_directory(path);
  return std::make_unique<SqliteStore>(path, options);
}

}  // namespace assay::state
