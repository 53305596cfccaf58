// Pruning: detail rows go after detail_days, scan summaries after
// summary_days, open items and the last merged scan never, and a pruned key
// is never handed out again.
#include <gtest/gtest.h>

#include "state/invariants.h"
#include "state/statistics.h"
#include "state_test_support.h"

namespace assay::state::test {
namespace {

TEST(Retention, PrunesDetailAndSummariesByAge) {
  TempDir dir("retention");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  // Day 0: A, B new. Day 10: B resolved. Day 40: C new, A's score changes.
  merge(*store, facts("s1", kT0, {"markers"}), {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
  merge(*store, facts("s2", kT0 + 10 * kDay, {"markers"}), {item("A", "markers", 100, 2)});
  merge(*store, facts("s3", kT0 + 40 * kDay, {"markers"}),
        {item("A", "markers", 200, 2), item("C", "markers", 5, 1)});

  // As of day 45, keep details 20 days and summaries 40 days.
  PruneReport report = store->prune({20, 40}, kT0 + 45 * kDay, std::chrono::seconds(10));
  EXPECT_TRUE(report.complete);
  // Gone, before day 25: the scores of A and B of day 0 (2), the events A
  // new, B new, B resolved (3), the runs of s1 and s2 (2), B itself (1);
  // before day 5: scan s1 (1).
  EXPECT_EQ(report.rows, 2 + 3 + 2 + 1 + 1);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM items"), 2);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM items WHERE key = 'TD-002'"), 0);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM item_events"), 1);    // C new on day 40
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM score_history"), 2);  // A and C on day 40
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM scans"), 2);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM scan_runs"), 1);

  std::vector<std::string> problems;
  store->read([&](StateReader& r) { problems = check_invariants(r); });
  EXPECT_TRUE(problems.empty()) << problems.front();

  // B comes back: it is new, and TD-002 stays retired.
  auto r = merge(*store, facts("s4", kT0 + 46 * kDay, {"markers"}),
                 {item("A", "markers", 200, 2), item("B", "markers", 50, 1), item("C", "markers", 5, 1)});
  EXPECT_EQ(r.items[1].status, "new");
  EXPECT_EQ(r.items[1].key, "TD-004");
}

TEST(Retention, TheLastMergedScanOutlivesItsSummaryAge) {
  TempDir dir("retention-last");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  merge(*store, facts("s1", kT0, {"markers"}, "c1"), {item("A", "markers", 100, 2)});
  merge(*store, facts("s2", kT0 + kDay, {"markers"}, "c2"), {item("A", "markers", 100, 2)});
  store->prune({1, 1}, kT0 + 400 * kDay, std::chrono::seconds(10));
  EXPECT_EQ(raw_text(file, "SELECT group_concat(id) FROM scans"), "s2");
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM items WHERE status = 'open'"), 1);
  FixedContext context;
  merge(*store, facts("s3", kT0 + 401 * kDay, {"markers"}, "c3"), {item("A", "markers", 100, 2)}, context);
  EXPECT_EQ(context.asked.front(), "c2");
}

TEST(Retention, PruningGivesWayToAWriter) {
  TempDir dir("retention-busy");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  merge(*store, facts("s1", kT0, {"markers"}), {item("A", "markers", 100, 2)});
  merge(*store, facts("s2", kT0 + kDay, {"markers"}), {});
  // Another process writes: pruning stops at once instead of waiting.
  auto other = open_store(file);
  PruneReport report;
  other->write([&](StateWriter&) {
    report = store->prune({1, 1}, kT0 + 100 * kDay, std::chrono::seconds(10));
  });
  EXPECT_FALSE(report.complete);
  EXPECT_EQ(report.rows, 0);
  report = store->prune({1, 1}, kT0 + 100 * kDay, std::chrono::seconds(10));
  EXPECT_TRUE(report.complete);
  EXPECT_GT(report.rows, 0);
}

}  // namespace
}  // namespace assay::state::test
