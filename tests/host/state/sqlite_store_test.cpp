// The SQLite backend: file format, schema versions and migration, refusal of
// files it must not touch, one writer at a time with a bounded wait, and
// transactions that commit all or nothing.
#include "state/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "state/export.h"
#include "state/invariants.h"
#include "state/sqlite_db.h"
#include "state/sqlite_schema.h"
#include "state_test_support.h"

namespace assay::state::test {
namespace {

using Clock = std::chrono::steady_clock;

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

TEST(SqliteStore, CreatesAWalStoreAtTheLatestSchema) {
  TempDir dir("create");
  const auto file = dir.file("sub/dir/state.db");  // the directory is created too
  auto store = open_store(file);
  EXPECT_EQ(store->location(), file.string());
  EXPECT_EQ(raw_text(file, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(raw_integer(file, "PRAGMA application_id"), 0x61737379);
  EXPECT_EQ(latest_schema_version(), 6);
  int version = 0;
  store->read([&](StateReader& r) { version = r.schema_version(); });
  EXPECT_EQ(version, latest_schema_version());
  EXPECT_TRUE(store->integrity_problems().empty());
}

TEST(SqliteStore, AMissingFileIsNotCreatedWhenReading) {
  TempDir dir("missing");
  const auto file = dir.file("state.db");
  const std::string error = error_of([&] { open_sqlite_store(file.string(), {1000, false}); });
  EXPECT_EQ(error, "no state store at " + file.string() + " (a scan creates it)");
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(SqliteStore, RefusesAStoreOfANewerAssay) {
  TempDir dir("newer");
  const auto file = dir.file("state.db");
  open_store(file);
  raw_sql(file, "PRAGMA user_version = 7");
  try {
    open_store(file);
    FAIL() << "a newer schema was opened";
  } catch (const StoreVersionError& e) {
    EXPECT_EQ(std::string(e.what()),
              "state store " + file.string() +
                  " has schema version 7, written by a newer assay; this assay reads "
                  "versions up to " +
                  std::to_string(latest_schema_version()) +
                  ". Use a newer assay, or point state.path at another file");
  }
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 7);  // untouched
}

TEST(SqliteStore, RefusesOtherFiles) {
  TempDir dir("foreign");
  const auto foreign = dir.file("other.db");
  raw_sql(foreign, "CREATE TABLE notes (text TEXT)");
  EXPECT_EQ(error_of([&] { open_store(foreign); }),
            "state store " + foreign.string() +
                " is a SQLite database of another program, not an assay state store");
  EXPECT_EQ(raw_integer(foreign, "SELECT count(*) FROM sqlite_schema"), 1);

  const auto text = dir.file("notes.txt");
  std::ofstream(text) << "these are not the pages of a database, but long enough to look like a header\n";
  EXPECT_EQ(error_of([&] { open_store(text); }),
            "state store " + text.string() + " is not a SQLite database");
}

// A store written by the first schema, filled the way that assay filled it.
void write_version_1_store(const std::filesystem::path& file) {
  {
    Database db(file.string(), true);
    migrate(db, 1);
  }
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 1);
  raw_sql(
      file,
      "INSERT INTO repositories (id, path, name) VALUES (1, '/repo', 'repo');"
      "INSERT INTO scans VALUES ('s1', 1, 1767225600, 1767225600, 'commit', 'c1', 1, 2, 0, 0, 2, 3.0, 150.0);"
      "INSERT INTO scans VALUES ('s2', 1, 1767229200, 1767229200, 'commit', 'c2', 1, 0, 0, 1, 1, 2.0, 100.0);"
      "INSERT INTO key_counters VALUES (1, 'TD', 2);"
      "INSERT INTO items VALUES (1, 1, 'fa', 'TD-001', 'open', 'markers', 'TODO', 'technical-debt', 'a',"
      " 'a.c', 1, 1, 'ev a', 2.0, 100.0, 10.0, 1767225600, 's1', 1767229200, 's2', 0, '', '', 0);"
      "INSERT INTO items VALUES (2, 1, 'fb', 'TD-002', 'resolved', 'markers', 'TODO', 'technical-debt', 'b',"
      " 'b.c', 1, 1, 'ev b', 1.0, 50.0, 5.0, 1767225600, 's1', 1767225600, 's1', 1767229200, 's2', 'c2', 0);"
      "INSERT INTO item_events (item_id, scan_id, at, kind, commit_id) VALUES"
      " (1, 's1', 1767225600, 'new', 'c1'), (2, 's1', 1767225600, 'new', 'c1'),"
      " (2, 's2', 1767229200, 'resolved', 'c2');"
      "INSERT INTO score_history (item_id, scan_id, at, composite, value_usd) VALUES"
      " (1, 's1', 1767225600, 10.0, 100.0), (2, 's1', 1767225600, 5.0, 50.0);");
}

TEST(SqliteStore, MigratesAVersion1StoreKeepingEverything) {
  TempDir dir("migrate");
  const auto file = dir.file("state.db");
  write_version_1_store(file);

  auto store = open_store(file);
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), latest_schema_version());
  std::vector<ItemRecord> items;
  std::vector<std::string> problems;
  store->read([&](StateReader& r) {
    items = r.items(1);
    problems = check_invariants(r);
  });
  EXPECT_TRUE(problems.empty()) << problems.front();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].key, "TD-001");
  EXPECT_EQ(items[0].previous_path, "");  // the column version 2 added
  EXPECT_EQ(items[1].resolved_commit, "c2");

  // The migrated store works on: keys continue, runs are recorded (version 2).
  auto f = facts("s3", 1767232800, {"markers"}, "c3");
  auto r = merge(*store, f, {item("fa", "markers", 100, 2, "TD", "a.c"), item("fc", "markers", 10, 1)});
  EXPECT_EQ(r.items[0].key, "TD-001");
  EXPECT_EQ(r.items[0].status, "open");
  EXPECT_EQ(r.items[1].key, "TD-003");
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM scan_runs WHERE scan_id = 's3'"), 1);
  EXPECT_TRUE(store->integrity_problems().empty());
}

// An item of repository `repository` whose fields are told apart by `n`.
ItemRecord stored_item(int64_t repository, int n, const char* status) {
  ItemRecord row;
  row.repository_id = repository;
  row.fingerprint = "f" + std::to_string(n);
  row.key = "TD-" + std::to_string(n);
  row.status = status;
  row.source = repository == 1 ? "markers" : "docs";
  row.rule = "TODO";
  row.category = "technical-debt";
  row.title = "item " + std::to_string(n);
  row.path = "src/a.c";
  row.evidence = "TODO";
  row.effort_hours = n;
  row.value_usd = 10.0 * n;
  row.first_seen_at = kT0;
  row.first_seen_scan = "s1";
  row.last_seen_at = kT0;
  row.last_seen_scan = "s1";
  return row;
}

// A scan of `repository` finished at `at`, with an empty backlog.
ScanRecord scan_of(int64_t repository, const std::string& id, int64_t at, bool merged) {
  ScanRecord scan;
  scan.id = id;
  scan.repository_id = repository;
  scan.started_at = at;
  scan.finished_at = at;
  scan.target = "working-tree";
  scan.merged = merged;
  return scan;
}

// The queries that visit every item of a repository read the table in id
// order (not through an index on the repository): the rows of another
// repository in the same store, interleaved with its own, stay out.
TEST(SqliteStore, TheWholeRepositoryQueriesKeepToTheirRepository) {
  TempDir dir("shared");
  auto store = open_store(dir.file("state.db"));
  store->write([](StateWriter& w) {
    ASSERT_EQ(w.add_repository("/one", "one"), 1);
    ASSERT_EQ(w.add_repository("/two", "two"), 2);
    // ids 1..6: repository 1 has 1, 3, 5 (5 resolved), repository 2 has 2, 4, 6.
    for (int n = 1; n <= 6; ++n) {
      const int64_t repository = n % 2 == 1 ? 1 : 2;
      const int64_t id = w.add_item(stored_item(repository, n, n == 5 ? "resolved" : "open"));
      w.add_event({id, "s1", kT0 + n, "new", ""});
    }
    // Each repository's last merged scan: s2 of one, s3 of two (s4 of two
    // is a look-back). Items 1 and 2 leave last seen to it.
    w.add_scan(scan_of(1, "s2", kT0 + kDay, true), {});
    w.add_scan(scan_of(2, "s3", kT0 + 2 * kDay, true), {});
    w.add_scan(scan_of(2, "s4", kT0 + 3 * kDay, false), {});
    w.set_last_seen({1, 2}, 0, "");
  });
  store->read([](StateReader& r) {
    std::vector<int64_t> visited;
    r.for_each_item(1, [&](const ItemView& row) { visited.push_back(row.id); });
    EXPECT_EQ(visited, (std::vector<int64_t>{1, 3, 5}));
    const std::vector<ItemRecord> items = r.items(2);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0].id, 2);
    EXPECT_EQ(items[2].id, 6);
    const OpenTotals open = r.open_totals(1);  // items 1 and 3
    EXPECT_EQ(open.count, 2);
    EXPECT_DOUBLE_EQ(open.effort_hours, 4.0);
    EXPECT_DOUBLE_EQ(open.value_usd, 40.0);
    // Items 1 and 2 read their repository's last merged scan; the others keep s1.
    for (int64_t id = 1; id <= 6; ++id) {
      const std::string expected = id == 1 ? "s2" : id == 2 ? "s3" : "s1";
      EXPECT_EQ(r.item(id)->last_seen_scan, expected) << id;
      EXPECT_EQ(r.items(id % 2 == 1 ? 1 : 2)[static_cast<size_t>((id - 1) / 2)].last_seen_scan, expected) << id;
    }
    EXPECT_EQ(r.item(1)->last_seen_at, kT0 + kDay);
    EXPECT_EQ(r.item(2)->last_seen_at, kT0 + 2 * kDay);
    // Events at kT0 + 1 .. kT0 + 6; the period (kT0 + 1, kT0 + 5] holds those of items 2..5.
    const std::vector<EventCount> counts = r.event_counts(1, kT0 + 1, kT0 + 5);
    ASSERT_EQ(counts.size(), 1u);
    EXPECT_EQ(counts[0].source, "markers");
    EXPECT_EQ(counts[0].count, 2);  // items 3 and 5
  });
}

// An implicit last seen follows the scans recorded in the same transaction,
// and in later ones.
TEST(SqliteStore, AnImplicitLastSeenFollowsTheScansOfTheTransaction) {
  TempDir dir("implicit");
  auto store = open_store(dir.file("state.db"));
  store->write([](StateWriter& w) {
    w.add_repository("/one", "one");
    w.add_item(stored_item(1, 1, "open"));
    w.set_last_seen({1}, 0, "");
    EXPECT_EQ(w.item(1)->last_seen_scan, "");  // no merged scan yet
    w.add_scan(scan_of(1, "s2", kT0 + kDay, true), {});
    EXPECT_EQ(w.item(1)->last_seen_scan, "s2");
    w.add_scan(scan_of(1, "s3", kT0 + 2 * kDay, true), {});
    EXPECT_EQ(w.item(1)->last_seen_scan, "s3");
    EXPECT_EQ(w.items(1)[0].last_seen_at, kT0 + 2 * kDay);
  });
  store->write([](StateWriter& w) { w.add_scan(scan_of(1, "s4", kT0 + 3 * kDay, true), {}); });
  store->read([](StateReader& r) { EXPECT_EQ(r.item(1)->last_seen_scan, "s4"); });
}

// The checkpoint a scan starts after its merge runs beside the store's own
// connection, which keeps writing and reading; at the close the main file
// holds everything and the log is gone.
TEST(SqliteStore, SettlingInTheBackgroundKeepsTheStoreUsable) {
  TempDir dir("settle");
  const auto file = dir.file("state.db");
  {
    auto store = open_store(file);
    store->write([](StateWriter& w) {
      w.add_repository("/one", "one");
      for (int n = 1; n <= 200; ++n) w.add_item(stored_item(1, n, "open"));
    });
    store->settle_in_background();
    store->write([](StateWriter& w) {
      std::vector<int64_t> all(200);
      for (int64_t id = 1; id <= 200; ++id) all[static_cast<size_t>(id - 1)] = id;
      w.set_last_seen(all, kT0 + kDay, "s2");
    });
    store->settle_in_background();  // waits for the first
    store->write([](StateWriter& w) { w.add_item(stored_item(1, 201, "open")); });
    size_t count = 0;
    store->read([&](StateReader& r) { count = r.items(1).size(); });
    EXPECT_EQ(count, 201u);
    EXPECT_TRUE(store->integrity_problems().empty());
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("state.db-wal")));
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM items"), 201);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM items WHERE last_seen_scan = 's2'"), 200);
}

TEST(SqliteStore, AFailedWriteLeavesNothing) {
  TempDir dir("rollback");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  EXPECT_THROW(store->write([](StateWriter& w) {
    w.add_repository("/repo", "repo");
    w.next_key_numbers(1, "TD", 1);
    throw std::runtime_error("the scan broke off");
  }),
               std::runtime_error);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM repositories"), 0);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM key_counters"), 0);
}

// Holds the store's write lock from another connection, as a second assay
// process in the middle of its merge would.
class LockHolder {
 public:
  explicit LockHolder(const std::filesystem::path& file) {
    sqlite3_open(file.c_str(), &db_);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  ~LockHolder() {
    release();
    sqlite3_close(db_);
  }
  void release() {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3* db_ = nullptr;
};

TEST(SqliteStore, ASecondWriterWaitsABoundedTimeThenGivesUp) {
  TempDir dir("busy");
  const auto file = dir.file("state.db");
  auto store = open_store(file, 400);
  LockHolder other(file);
  const auto start = Clock::now();
  std::string error;
  try {
    store->write([](StateWriter& w) { w.add_repository("/repo", "repo"); });
  } catch (const StoreBusy& e) {
    error = e.what();
  }
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  EXPECT_GE(waited.count(), 350);
  EXPECT_LT(waited.count(), 5000);
  EXPECT_NE(
      error.find("state store " + file.string() + " is in use by another assay process; gave up after 0."),
      std::string::npos)
      << error;
  EXPECT_NE(error.find("(state.busy_timeout_ms is 400)"), std::string::npos) << error;
  // Readers are never blocked by the writer (WAL).
  size_t repositories = 99;
  store->read([&](StateReader& r) { repositories = r.repositories().size(); });
  EXPECT_EQ(repositories, 0u);
  other.release();
  store->write([](StateWriter& w) { w.add_repository("/repo", "repo"); });
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM repositories"), 1);
}

TEST(SqliteStore, ASecondWriterGetsTheStoreWhenTheFirstFinishesInTime) {
  TempDir dir("wait");
  const auto file = dir.file("state.db");
  auto store = open_store(file, 5000);
  auto other = std::make_unique<LockHolder>(file);
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    other->release();
  });
  const auto start = Clock::now();
  store->write([](StateWriter& w) { w.add_repository("/repo", "repo"); });
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  release.join();
  EXPECT_GE(waited.count(), 250);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM repositories"), 1);
}

TEST(SqliteStore, ExportsEveryRowAsJsonLines) {
  TempDir dir("export");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}, "c1"),
        {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  merge(*store, facts("s2", kT0 + kHour, {"markers"}, "c2"), {item("A", "markers", 100, 2)});
  std::ostringstream out;
  size_t lines = 0;
  store->read([&](StateReader& r) { lines = export_json_lines(r, out); });
  // store, repository, key counter, 2 scans, 2 items, 3 events, 2 scores.
  EXPECT_EQ(lines, 12u);
  std::istringstream in(out.str());
  std::map<std::string, int> types;
  std::string line;
  nlohmann::json resolved;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    ++types[j.at("type").get<std::string>()];
    if (j["type"] == "item" && j["key"] == "TD-002") resolved = j;
    if (j["type"] == "scan" && j["id"] == "s2") {
      ASSERT_EQ(j["runs"].size(), 1u);
      EXPECT_EQ(j["runs"][0]["plugin"], "markers");
      EXPECT_EQ(j["open_items"], 1);
    }
  }
  EXPECT_EQ(types, (std::map<std::string, int>{{"store", 1},
                                               {"repository", 1},
                                               {"key_counter", 1},
                                               {"scan", 2},
                                               {"item", 2},
                                               {"event", 3},
                                               {"score", 2}}));
  EXPECT_EQ(resolved["status"], "resolved");
  EXPECT_EQ(resolved["resolved_at"], "2026-01-01T01:00:00Z");
  EXPECT_EQ(resolved["resolved_commit"], "c2");
}

}  // namespace
}  // namespace assay::state::test
