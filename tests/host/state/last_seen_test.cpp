// Last seen kept implicit (schema version 6): an open item seen by its
// repository's last merged scan holds no last-seen time of its own. Readers
// get the values the rows held before: across seen, unseen, resolved,
// reopened and look-back scans, and in a version 5 store migrated, whose
// export stays the same.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "state/export.h"
#include "state/invariants.h"
#include "state/sqlite_access.h"
#include "state/sqlite_db.h"
#include "state/sqlite_schema.h"
#include "state_test_support.h"

namespace assay::state::test {
namespace {

struct LastSeen {
  int64_t at = 0;
  std::string scan;
  bool operator==(const LastSeen&) const = default;
};

std::ostream& operator<<(std::ostream& out, const LastSeen& seen) {
  return out << seen.scan << "@" << seen.at;
}

// Each item's last seen as the store's readers give it, by key, through
// items() and item() alike.
std::map<std::string, LastSeen> last_seen(StateStore& store) {
  std::map<std::string, LastSeen> out;
  store.read([&](StateReader& r) {
    for (const auto& repo : r.repositories()) {
      for (const auto& i : r.items(repo.id)) {
        out[i.key] = {i.last_seen_at, i.last_seen_scan};
        const std::optional<ItemRecord> one = r.item(i.id);
        EXPECT_EQ(one->last_seen_at, i.last_seen_at) << i.key;
        EXPECT_EQ(one->last_seen_scan, i.last_seen_scan) << i.key;
      }
    }
  });
  return out;
}

// How many rows of the file leave last seen implicit.
int64_t implicit_rows(const std::filesystem::path& file) {
  return raw_integer(file, "SELECT count(*) FROM items WHERE last_seen_scan = '' AND status = 'open'");
}

// The export without its first line (the store's schema version and the
// time of the export).
std::string export_without_header(StateReader& reader) {
  std::ostringstream out;
  export_json_lines(reader, out);
  const std::string text = out.str();
  return text.substr(text.find('\n') + 1);
}

TEST(LastSeen, FollowsSeenUnseenResolvedReopenedAndLookBackScans) {
  TempDir dir("last-seen");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  const int64_t t1 = kT0, t2 = kT0 + kHour, t3 = kT0 + 2 * kHour, t4 = kT0 + 3 * kHour;
  const int64_t t5 = kT0 + 4 * kHour, t6 = kT0 + 5 * kHour;

  // s1 finds A (TD-001) and B (TD-002): both last seen by s1, neither row
  // holds it.
  merge(*store, facts("s1", t1, {"markers"}, "c1"),
        {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  EXPECT_EQ(last_seen(*store),
            (std::map<std::string, LastSeen>{{"TD-001", {t1, "s1"}}, {"TD-002", {t1, "s1"}}}));
  EXPECT_EQ(implicit_rows(file), 2);

  // s2: markers failed, only A was reported. B stays open, last seen by s1,
  // which its row now names.
  auto f2 = facts("s2", t2, {}, "c2");
  f2.runs.push_back({"s2", "markers", "scanner", "1.0.0", "failed", 1, 3, "exploded"});
  merge(*store, f2, {item("A", "markers", 100, 2)});
  EXPECT_EQ(last_seen(*store),
            (std::map<std::string, LastSeen>{{"TD-001", {t2, "s2"}}, {"TD-002", {t1, "s1"}}}));
  EXPECT_EQ(raw_text(file, "SELECT last_seen_scan FROM items WHERE key = 'TD-002'"), "s1");
  EXPECT_EQ(implicit_rows(file), 1);

  // s3 finds both, unchanged: B follows the last merged scan again.
  merge(*store, facts("s3", t3, {"markers"}, "c3"),
        {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  EXPECT_EQ(last_seen(*store),
            (std::map<std::string, LastSeen>{{"TD-001", {t3, "s3"}}, {"TD-002", {t3, "s3"}}}));
  EXPECT_EQ(implicit_rows(file), 2);

  // s4, complete, finds only A: B is resolved, last seen by s3.
  const MergeResult r4 = merge(*store, facts("s4", t4, {"markers"}, "c4"), {item("A", "markers", 100, 2)});
  ASSERT_EQ(r4.resolved.size(), 1u);
  EXPECT_EQ(r4.resolved[0].last_seen_scan, "s3");
  EXPECT_EQ(r4.resolved[0].last_seen_at, t3);
  EXPECT_EQ(last_seen(*store),
            (std::map<std::string, LastSeen>{{"TD-001", {t4, "s4"}}, {"TD-002", {t3, "s3"}}}));

  // s5 looks back at an older commit: it is not merged, and changes nothing.
  FixedContext older;
  older.look_back = true;
  const MergeResult r5 =
      merge(*store, facts("s5", t5, {"markers"}, "c1"), {item("B", "markers", 50, 1)}, older);
  EXPECT_FALSE(r5.scan.merged);
  EXPECT_EQ(last_seen(*store),
            (std::map<std::string, LastSeen>{{"TD-001", {t4, "s4"}}, {"TD-002", {t3, "s3"}}}));

  // s6 finds B again (reopened) and A: both last seen by s6.
  const MergeResult r6 = merge(*store, facts("s6", t6, {"markers"}, "c6"),
                               {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  EXPECT_EQ(r6.items[1].status, "reopened");
  EXPECT_EQ(last_seen(*store),
            (std::map<std::string, LastSeen>{{"TD-001", {t6, "s6"}}, {"TD-002", {t6, "s6"}}}));
  EXPECT_EQ(implicit_rows(file), 2);
  std::vector<std::string> problems;
  store->read([&](StateReader& r) { problems = check_invariants(r); });
  for (const auto& p : problems) ADD_FAILURE() << p;
}

TEST(LastSeen, AnItemFoundChangedOrRenamedFollowsTheLastScan) {
  TempDir dir("last-seen-changed");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  merge(*store, facts("s1", kT0, {"markers"}, "c1"),
        {item("A", "markers", 100, 2, "TD", "a.c"), item("B", "markers", 50, 1, "TD", "b.c")});
  // s2 failed: neither was reported; both name s1 from now on.
  auto f2 = facts("s2", kT0 + kHour, {}, "c2");
  merge(*store, f2, {});
  EXPECT_EQ(implicit_rows(file), 0);
  // s3 finds A rescored and B in its renamed file b2.c.
  FixedContext renamed;
  renamed.previous[1] = "B";
  merge(*store, facts("s3", kT0 + 2 * kHour, {"markers"}, "c3"),
        {item("A", "markers", 120, 2, "TD", "a.c"), item("B2", "markers", 50, 1, "TD", "b2.c")}, renamed);
  EXPECT_EQ(last_seen(*store), (std::map<std::string, LastSeen>{{"TD-001", {kT0 + 2 * kHour, "s3"}},
                                                                {"TD-002", {kT0 + 2 * kHour, "s3"}}}));
  EXPECT_EQ(implicit_rows(file), 2);
}

// A version 5 store, as an older assay left it: repository one with scans
// s1 (kT0), s2 (kT0 + kDay) and the look-back s3 (kT0 + 2 * kDay),
// repository two with t1 (kT0).
void fill_version_5_store(const std::filesystem::path& file) {
  {
    Database db(file.string(), true);
    migrate(db, 5);
  }
  raw_sql(file, R"sql(
INSERT INTO repositories (id, path, name) VALUES (1, '/one', 'one'), (2, '/two', 'two');
INSERT INTO scans VALUES ('s1', 1, 1767225600, 1767225600, 'commit', 'c1', 1, 4, 0, 0, 4, 4.0, 40.0),
                         ('s2', 1, 1767312000, 1767312000, 'commit', 'c2', 1, 0, 0, 1, 3, 3.0, 30.0),
                         ('s3', 1, 1767398400, 1767398400, 'commit', 'c0', 0, 0, 0, 0, 3, 3.0, 30.0),
                         ('t1', 2, 1767225600, 1767225600, 'commit', 'd1', 1, 1, 0, 0, 1, 1.0, 10.0);
INSERT INTO items (id, repository_id, fingerprint, key, status, source, rule, category, title, path,
                   line_start, line_end, evidence, effort_hours, value_usd, composite, first_seen_at,
                   first_seen_scan, last_seen_at, last_seen_scan, resolved_at, resolved_scan, resolved_commit,
                   reopen_count) VALUES
  -- seen by s2, the last merged scan of /one: implicit after the migration
  (1, 1, 'f1', 'TD-001', 'open', 'markers', 'TODO', 'technical-debt', 'a', 'a.c', 1, 1, 'TODO a',
   1.0, 10.0, 5.0, 1767225600, 's1', 1767312000, 's2', 0, '', '', 0),
  -- unseen by s2 (its scanner failed): keeps s1
  (2, 1, 'f2', 'TD-002', 'open', 'docs', 'stale', 'documentation', 'b', 'b.md', 2, 3, 'b',
   1.0, 10.0, 5.0, 1767225600, 's1', 1767225600, 's1', 0, '', '', 0),
  -- resolved by s2, last seen by s1
  (3, 1, 'f3', 'TD-003', 'resolved', 'markers', 'TODO', 'technical-debt', 'c', 'c.c', 4, 4, 'TODO c',
   1.0, 10.0, 5.0, 1767225600, 's1', 1767225600, 's1', 1767312000, 's2', 'c2', 0),
  -- names s2 with another time (written by hand): left as it is
  (4, 1, 'f4', 'TD-004', 'open', 'markers', 'TODO', 'technical-debt', 'd', 'd.c', 5, 5, 'TODO d',
   1.0, 10.0, 5.0, 1767225600, 's1', 1767225600, 's2', 0, '', '', 0),
  -- reserved by the look-back s3: never seen
  (5, 1, 'f5', 'TD-005', 'reserved', 'markers', 'TODO', 'technical-debt', 'e', 'e.c', 6, 6, 'TODO e',
   1.0, 10.0, 5.0, 0, '', 0, '', 0, '', '', 0),
  -- seen by t1, the last merged scan of /two
  (6, 2, 'f6', 'SEC-001', 'open', 'markers', 'TODO', 'technical-debt', 'f', 'f.c', 7, 7, 'TODO f',
   1.0, 10.0, 5.0, 1767225600, 't1', 1767225600, 't1', 0, '', '', 0);
INSERT INTO key_counters VALUES (1, 'TD', 5), (2, 'SEC', 1);
INSERT INTO item_events (item_id, scan_id, at, kind, commit_id) VALUES
  (1, 's1', 1767225600, 'new', 'c1'), (3, 's2', 1767312000, 'resolved', 'c2');
)sql");
}

TEST(LastSeen, AVersion5StoreMigratedExportsTheSameItems) {
  TempDir dir("last-seen-migration");
  const auto file = dir.file("state.db");
  fill_version_5_store(file);
  std::string before;
  {
    Database db(file.string(), false);
    db.exec("BEGIN");
    SqliteAccess old(db);
    before = export_without_header(old);
    db.exec("COMMIT");
  }
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 5);
  EXPECT_EQ(implicit_rows(file), 0);

  auto store = open_store(file);
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 6);
  // Items 1 and 6 name their repository's last merged scan and its time.
  EXPECT_EQ(raw_text(file,
                     "SELECT group_concat(id) FROM items WHERE last_seen_scan = ''"
                     " AND last_seen_at = 0 AND status = 'open'"),
            "1,6");
  std::string after;
  store->read([&](StateReader& r) { after = export_without_header(r); });
  EXPECT_EQ(after, before);
  EXPECT_NE(after.find("\"key\":\"TD-001\",\"fingerprint\":\"f1\""), std::string::npos);
  EXPECT_NE(after.find("\"last_seen\":\"2026-01-02T00:00:00Z\",\"last_seen_scan\":\"s2\""),
            std::string::npos);
  std::vector<std::string> problems;
  store->read([&](StateReader& r) { problems = check_invariants(r); });
  for (const auto& p : problems) ADD_FAILURE() << p;

  // The next scan of /one, complete for markers but not docs: TD-001 seen,
  // TD-002 (docs) unseen, TD-004 (markers) resolved.
  FixedContext context;
  ScanFacts one = facts("s4", kT0 + 3 * kDay, {"markers"}, "c4");
  one.repository_path = "/one";
  one.repository_name = "one";
  const MergeResult r = merge(*store, one, {item("f1", "markers", 10.0, 1.0, "TD", "a.c")}, context);
  EXPECT_EQ(r.scan.resolved_items, 1);
  const auto seen = last_seen(*store);
  EXPECT_EQ(seen.at("TD-001"), (LastSeen{kT0 + 3 * kDay, "s4"}));
  EXPECT_EQ(seen.at("TD-002"), (LastSeen{kT0, "s1"}));
  EXPECT_EQ(seen.at("TD-004"), (LastSeen{kT0, "s2"}));
  EXPECT_EQ(seen.at("TD-005"), (LastSeen{0, ""}));
  EXPECT_EQ(seen.at("SEC-001"), (LastSeen{kT0, "t1"}));
}

}  // namespace
}  // namespace assay::state::test
