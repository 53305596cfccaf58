// The lifecycle merge on a real SQLite store: new, open, resolved, reopened;
// stable keys that are never reused; failed scanners resolve nothing;
// renames keep items; look-backs change nothing.
#include "state/lifecycle.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "state_test_support.h"

namespace assay::state::test {
namespace {

// The store's items by key.
std::map<std::string, ItemRecord> items_by_key(StateStore& store) {
  std::map<std::string, ItemRecord> out;
  store.read([&](StateReader& r) {
    for (const auto& repo : r.repositories())
      for (auto& i : r.items(repo.id)) out[i.key] = i;
  });
  return out;
}

TEST(Lifecycle, NewOpenResolvedReopenedAcrossScans) {
  TempDir dir("lifecycle");
  auto store = open_store(dir.file("state.db"));

  // Scan 1: three new items; keys in the order the items come, per prefix.
  auto r1 =
      merge(*store, facts("s1", kT0, {"markers", "other"}),
            {item("A", "markers", 100, 2), item("B", "markers", 50, 1), item("C", "other", 300, 4, "SEC")});
  ASSERT_EQ(r1.items.size(), 3u);
  EXPECT_EQ(r1.items[0].key, "TD-001");
  EXPECT_EQ(r1.items[1].key, "TD-002");
  EXPECT_EQ(r1.items[2].key, "SEC-001");
  for (const auto& o : r1.items) {
    EXPECT_EQ(o.status, "new");
    EXPECT_EQ(o.first_seen_at, kT0);
  }
  EXPECT_TRUE(r1.scan.merged);
  EXPECT_EQ(r1.scan.new_items, 3);
  EXPECT_EQ(r1.scan.open_items, 3);
  EXPECT_DOUBLE_EQ(r1.scan.open_effort_hours, 7);

  // Scan 2, ten hours later: B is gone, D is new; "other" failed, so C,
  // absent as well, stays open.
  auto f2 = facts("s2", kT0 + 10 * kHour, {"markers"});
  f2.runs.push_back({"s2", "other", "scanner", "1.0.0", "failed", 0, 3, "exploded"});
  auto r2 = merge(*store, f2, {item("A", "markers", 100, 2), item("D", "markers", 20, 1)});
  EXPECT_EQ(r2.items[0].key, "TD-001");
  EXPECT_EQ(r2.items[0].status, "open");
  EXPECT_EQ(r2.items[0].first_seen_at, kT0);
  EXPECT_EQ(r2.items[1].key, "TD-003");
  EXPECT_EQ(r2.items[1].status, "new");
  ASSERT_EQ(r2.resolved.size(), 1u);
  EXPECT_EQ(r2.resolved[0].key, "TD-002");
  EXPECT_EQ(r2.resolved[0].resolved_at, kT0 + 10 * kHour);
  EXPECT_EQ(r2.scan.open_items, 3);  // A, C, D

  auto items = items_by_key(*store);
  EXPECT_EQ(items["SEC-001"].status, "open");
  EXPECT_EQ(items["SEC-001"].last_seen_at, kT0);  // not seen in scan 2
  EXPECT_EQ(items["TD-002"].status, "resolved");
  EXPECT_EQ(items["TD-002"].resolved_scan, "s2");

  // Scan 3: B is back (reopened, same key), C and D are gone; all complete.
  auto r3 = merge(*store, facts("s3", kT0 + 30 * kHour, {"markers", "other"}, "c3"),
                  {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  EXPECT_EQ(r3.items[1].key, "TD-002");
  EXPECT_EQ(r3.items[1].status, "reopened");
  EXPECT_EQ(r3.items[1].first_seen_at, kT0);  // first seen stays the first sighting
  ASSERT_EQ(r3.resolved.size(), 2u);
  EXPECT_EQ(r3.scan.reopened_items, 1);
  EXPECT_EQ(r3.scan.resolved_items, 2);
  items = items_by_key(*store);
  EXPECT_EQ(items["TD-002"].reopen_count, 1);
  EXPECT_EQ(items["TD-002"].resolved_at, 0);
  EXPECT_EQ(items["SEC-001"].status, "resolved");
  EXPECT_EQ(items["SEC-001"].resolved_commit, "c3");
  EXPECT_EQ(items["TD-003"].status, "resolved");

  // Scan 4: a new TD item takes TD-004: TD-003 is resolved, never reused.
  auto r4 = merge(*store, facts("s4", kT0 + 31 * kHour, {"markers", "other"}),
                  {item("A", "markers", 100, 2), item("B", "markers", 50, 1), item("E", "markers", 10, 1)});
  EXPECT_EQ(r4.items[2].key, "TD-004");
  EXPECT_EQ(r4.items[2].status, "new");
  EXPECT_EQ(r4.scan.open_items, 3);
}

TEST(Lifecycle, ScoreHistoryGrowsWhenTheScoreChanges) {
  TempDir dir("scores");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}), {item("A", "markers", 100, 2)});
  merge(*store, facts("s2", kT0 + kHour, {"markers"}), {item("A", "markers", 100, 2)});  // same score
  merge(*store, facts("s3", kT0 + 2 * kHour, {"markers"}), {item("A", "markers", 120, 2)});
  std::vector<ScoreRecord> scores;
  store->read([&](StateReader& r) { scores = r.scores(r.repositories().at(0).id); });
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].scan_id, "s1");
  EXPECT_DOUBLE_EQ(scores[0].value_usd, 100);
  EXPECT_EQ(scores[1].scan_id, "s3");
  EXPECT_DOUBLE_EQ(scores[1].value_usd, 120);
  EXPECT_DOUBLE_EQ(scores[1].composite, 12);
  auto a = items_by_key(*store)["TD-001"];
  EXPECT_EQ(a.last_seen_scan, "s3");
  EXPECT_DOUBLE_EQ(a.value_usd, 120);
}

TEST(Lifecycle, AnItemFoundElsewhereInItsFileGetsItsNewLocationStored) {
  TempDir dir("moved-line");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}), {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  // A moved down its file and its text was edited; its scores stayed. B is
  // found exactly as before.
  ScanItem moved = item("A", "markers", 100, 2);
  moved.line_start = 7;
  moved.line_end = 9;
  moved.title = "item A, edited";
  moved.evidence = "evidence of A, edited";
  auto r = merge(*store, facts("s2", kT0 + kHour, {"markers"}), {moved, item("B", "markers", 50, 1)});
  EXPECT_EQ(r.items[0].status, "open");
  EXPECT_EQ(r.scan.new_items + r.scan.reopened_items + r.scan.resolved_items, 0);
  EXPECT_EQ(r.scan.open_items, 2);
  EXPECT_DOUBLE_EQ(r.scan.open_effort_hours, 3);
  EXPECT_DOUBLE_EQ(r.scan.open_value_usd, 150);

  auto items = items_by_key(*store);
  const ItemRecord& a = items["TD-001"];
  EXPECT_EQ(a.line_start, 7);
  EXPECT_EQ(a.line_end, 9);
  EXPECT_EQ(a.title, "item A, edited");
  EXPECT_EQ(a.evidence, "evidence of A, edited");
  EXPECT_EQ(a.last_seen_at, kT0 + kHour);
  EXPECT_EQ(a.last_seen_scan, "s2");
  EXPECT_EQ(a.first_seen_scan, "s1");
  const ItemRecord& b = items["TD-002"];
  EXPECT_EQ(b.line_start, 1);
  EXPECT_EQ(b.title, "item B");
  EXPECT_EQ(b.last_seen_at, kT0 + kHour);
  EXPECT_EQ(b.last_seen_scan, "s2");
  EXPECT_EQ(b.first_seen_at, kT0);
  // Neither score changed: the history holds the first sightings only, and
  // the events the two new items.
  store->read([&](StateReader& reader) {
    const int64_t repo = reader.repositories().at(0).id;
    EXPECT_EQ(reader.scores(repo).size(), 2u);
    EXPECT_EQ(reader.events(repo, 0, kT0 + kDay).size(), 2u);
  });
}

TEST(Lifecycle, NewKeysFollowTheScanOrderPerPrefix) {
  TempDir dir("key-order");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}),
        {item("A", "markers", 1, 1), item("S", "markers", 1, 1, "SEC"), item("B", "markers", 1, 1)});
  auto r = merge(*store, facts("s2", kT0 + kHour, {"markers"}),
                 {item("T", "markers", 1, 1, "SEC"), item("A", "markers", 1, 1), item("C", "markers", 1, 1),
                  item("U", "markers", 1, 1, "SEC"), item("D", "markers", 1, 1)});
  EXPECT_EQ(r.items[0].key, "SEC-002");
  EXPECT_EQ(r.items[1].key, "TD-001");
  EXPECT_EQ(r.items[2].key, "TD-003");
  EXPECT_EQ(r.items[3].key, "SEC-003");
  EXPECT_EQ(r.items[4].key, "TD-004");
  std::vector<KeyCounter> counters;
  store->read([&](StateReader& reader) { counters = reader.key_counters(reader.repositories().at(0).id); });
  ASSERT_EQ(counters.size(), 2u);
  EXPECT_EQ(counters[0].prefix, "SEC");
  EXPECT_EQ(counters[0].last_number, 3);
  EXPECT_EQ(counters[1].prefix, "TD");
  EXPECT_EQ(counters[1].last_number, 4);
}

TEST(Lifecycle, ACancelledOrFailedScannerResolvesNothing) {
  TempDir dir("failed");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}), {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  // markers did not complete (cancelled): its absent item B stays open; A,
  // which it did report before stopping, is seen.
  auto r = merge(*store, facts("s2", kT0 + kHour, {}), {item("A", "markers", 100, 2)});
  EXPECT_TRUE(r.resolved.empty());
  EXPECT_EQ(r.scan.open_items, 2);
  auto items = items_by_key(*store);
  EXPECT_EQ(items["TD-002"].status, "open");
  EXPECT_EQ(items["TD-002"].last_seen_scan, "s1");  // not seen in s2
  EXPECT_EQ(items["TD-001"].last_seen_scan, "s2");
}

TEST(Lifecycle, RenamedFilesKeepTheirItems) {
  TempDir dir("rename");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}, "c1"),
        {item("old-A", "markers", 100, 2, "TD", "a.c"), item("B", "markers", 50, 1, "TD", "b.c")});
  FixedContext context;
  context.previous = {{0, "old-A"}};  // item 0 lives in a file renamed from a.c
  auto r =
      merge(*store, facts("s2", kT0 + kHour, {"markers"}, "c2"),
            {item("new-A", "markers", 100, 2, "TD", "moved/a.c"), item("B", "markers", 50, 1, "TD", "b.c")},
            context);
  EXPECT_EQ(context.asked, (std::vector<std::string>{"c1", "c1"}));
  EXPECT_EQ(context.vanished, (std::set<std::string>{"a.c"}));  // only where items vanished
  EXPECT_EQ(r.items[0].key, "TD-001");
  EXPECT_EQ(r.items[0].status, "open");
  EXPECT_TRUE(r.items[0].renamed);
  EXPECT_TRUE(r.resolved.empty());
  auto a = items_by_key(*store)["TD-001"];
  EXPECT_EQ(a.fingerprint, "new-A");
  EXPECT_EQ(a.path, "moved/a.c");
  EXPECT_EQ(a.previous_path, "a.c");
  EXPECT_EQ(a.first_seen_at, kT0);
}

TEST(Lifecycle, ADirectMatchWinsOverARename) {
  TempDir dir("rename-direct");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}, "c1"),
        {item("old-A", "markers", 100, 2, "TD", "a.c"), item("Z", "markers", 10, 1, "TD", "z.c")});
  // The history claims a.c was renamed to b.c, but a.c still holds the same
  // marker (z.c was emptied, so the history is asked at all).
  FixedContext context;
  context.previous = {{1, "old-A"}};
  auto r =
      merge(*store, facts("s2", kT0 + kHour, {"markers"}, "c2"),
            {item("old-A", "markers", 100, 2, "TD", "a.c"), item("new-A", "markers", 100, 2, "TD", "b.c")},
            context);
  EXPECT_EQ(context.vanished, (std::set<std::string>{"z.c"}));
  EXPECT_EQ(r.items[0].key, "TD-001");
  EXPECT_EQ(r.items[0].status, "open");
  EXPECT_FALSE(r.items[0].renamed);
  EXPECT_EQ(r.items[1].key, "TD-003");
  EXPECT_EQ(r.items[1].status, "new");
}

TEST(Lifecycle, TheHistoryIsNotAskedWhileNoItemVanished) {
  TempDir dir("no-vanish");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}, "c1"), {item("A", "markers", 100, 2, "TD", "a.c")});
  FixedContext context;
  merge(*store, facts("s2", kT0 + kHour, {"markers"}, "c2"),
        {item("A", "markers", 100, 2, "TD", "a.c"), item("B", "markers", 10, 1, "TD", "b.c")}, context);
  EXPECT_EQ(context.asked, (std::vector<std::string>{"c1"}));  // the look-back question only
}

TEST(Lifecycle, ALookBackChangesNoItemAndReservesKeys) {
  TempDir dir("look-back");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}, "c2"),
        {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  FixedContext older;
  older.look_back = true;
  // The older commit c1 has A and a marker X that was fixed before c2.
  auto r = merge(*store, facts("s0", kT0 + kHour, {"markers"}, "c1"),
                 {item("A", "markers", 100, 2), item("X", "markers", 5, 1)}, older);
  EXPECT_FALSE(r.scan.merged);
  EXPECT_EQ(r.items[0].key, "TD-001");
  EXPECT_EQ(r.items[0].status, "open");
  EXPECT_EQ(r.items[1].key, "TD-003");
  EXPECT_EQ(r.items[1].first_seen_at, 0);
  EXPECT_TRUE(r.resolved.empty());  // B is absent from c1 but stays open
  EXPECT_EQ(r.scan.open_items, 2);
  auto items = items_by_key(*store);
  EXPECT_EQ(items["TD-002"].status, "open");
  EXPECT_EQ(items["TD-003"].status, "reserved");
  EXPECT_EQ(items["TD-001"].last_seen_scan, "s1");

  // The next merged scan compares with c2 (the last merged one), not c1, and
  // X, seen again, becomes new under its reserved key.
  FixedContext newer;
  auto r2 =
      merge(*store, facts("s3", kT0 + 2 * kHour, {"markers"}, "c3"),
            {item("A", "markers", 100, 2), item("B", "markers", 50, 1), item("X", "markers", 5, 1)}, newer);
  EXPECT_EQ(newer.asked, (std::vector<std::string>{"c2"}));
  EXPECT_EQ(r2.items[2].key, "TD-003");
  EXPECT_EQ(r2.items[2].status, "new");
  EXPECT_EQ(r2.items[2].first_seen_at, kT0 + 2 * kHour);
}

TEST(Lifecycle, TheSameCommitIsNeverALookBack) {
  TempDir dir("same-commit");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}, "c1"), {item("A", "markers", 100, 2)});
  FixedContext context;
  context.look_back = true;  // would say so, but is not asked for the same commit
  auto r = merge(*store, facts("s2", kT0 + kHour, {"markers"}, "c1"), {}, context);
  EXPECT_TRUE(r.scan.merged);
  EXPECT_EQ(r.resolved.size(), 1u);
}

TEST(Lifecycle, RepositoriesHaveTheirOwnKeys) {
  TempDir dir("repos");
  auto store = open_store(dir.file("state.db"));
  merge(*store, facts("s1", kT0, {"markers"}), {item("A", "markers", 100, 2)});
  auto other = facts("s2", kT0, {"markers"});
  other.repository_path = "/other";
  auto r = merge(*store, other, {item("A", "markers", 100, 2)});
  EXPECT_EQ(r.items[0].key, "TD-001");
  EXPECT_EQ(r.items[0].status, "new");
  EXPECT_NE(r.repository_id, 0);
}

TEST(Lifecycle, KeysHaveAtLeastThreeDigits) {
  EXPECT_EQ(format_key("TD", 14), "TD-014");
  EXPECT_EQ(format_key("SEC", 1234), "SEC-1234");
}

}  // namespace
}  // namespace assay::state::test
