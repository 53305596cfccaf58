// Every statistic of a four-scan history, against values worked out by hand.
#include "state/statistics.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "state/statistics_json.h"
#include "state_test_support.h"

namespace assay::state::test {
namespace {

// The history of Lifecycle.NewOpenResolvedReopenedAcrossScans:
//   T0      A(TD $100 2h) B(TD $50 1h) C(SEC other $300 4h) new
//   T0+10h  B resolved, D(TD $20 1h) new (other failed: C stays open)
//   T0+30h  B reopened, C and D resolved (commit c3)
//   T0+31h  E(TD $10 1h) new
class StatisticsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(dir_.file("state.db"));
    merge(*store_, facts("s1", kT0, {"markers", "other"}),
          {item("A", "markers", 100, 2), item("B", "markers", 50, 1), item("C", "other", 300, 4, "SEC")});
    merge(*store_, facts("s2", kT0 + 10 * kHour, {"markers"}),
          {item("A", "markers", 100, 2), item("D", "markers", 20, 1)});
    merge(*store_, facts("s3", kT0 + 30 * kHour, {"markers", "other"}, "c3"),
          {item("A", "markers", 100, 2), item("B", "markers", 50, 1)});
    merge(*store_, facts("s4", kT0 + 31 * kHour, {"markers", "other"}, "c3"),
          {item("A", "markers", 100, 2), item("B", "markers", 50, 1), item("E", "markers", 10, 1)});
  }

  Statistics stats(int64_t until, int days) {
    Statistics s;
    store_->read([&](StateReader& r) { s = compute_statistics(r, r.repositories().at(0).id, until, days); });
    return s;
  }

  TempDir dir_{"statistics"};
  std::unique_ptr<StateStore> store_;
};

// The merge hands over the totals its scan record holds; they are the ones
// the store would give (A B E: 3 items, 4 h, $160).
TEST_F(StatisticsTest, OpenTotalsGivenByTheMergeAreTheStoresOwn) {
  Statistics read_here;
  Statistics given;
  ScanRecord last;
  store_->read([&](StateReader& r) {
    const int64_t id = r.repositories().at(0).id;
    last = *r.last_merged_scan(id);
    read_here = compute_statistics(r, id, kT0 + 31 * kHour, 7);
    given = compute_statistics(r, id, kT0 + 31 * kHour, 7,
                               {last.open_items, last.open_effort_hours, last.open_value_usd});
  });
  EXPECT_EQ(last.open_items, 3);
  EXPECT_DOUBLE_EQ(last.open_effort_hours, 4);
  EXPECT_DOUBLE_EQ(last.open_value_usd, 160);
  EXPECT_EQ(statistics_json(given).dump(), statistics_json(read_here).dump());
}

TEST_F(StatisticsTest, AWeekCoversTheWholeHistory) {
  Statistics s = stats(kT0 + 31 * kHour, 7);
  EXPECT_EQ(s.period_days, 7);
  EXPECT_EQ(s.until, kT0 + 31 * kHour);
  EXPECT_EQ(s.since, kT0 + 31 * kHour - 7 * kDay);
  EXPECT_EQ(s.discovered, 5);   // A B C D E
  EXPECT_EQ(s.resolutions, 3);  // B at 10h, C and D at 30h
  EXPECT_EQ(s.reopened, 1);     // B at 30h
  EXPECT_EQ(s.net_change, 3);   // 5 + 1 - 3: from 0 items to A B E
  EXPECT_EQ(s.backlog_size, 3);
  EXPECT_DOUBLE_EQ(s.backlog_effort_hours, 4);  // 2 + 1 + 1
  // Completed and still resolved: C (30 h after T0) and D (20 h after 10h).
  EXPECT_EQ(s.completed, 2);
  ASSERT_EQ(s.completed_items.size(), 2u);
  EXPECT_EQ(s.completed_items[0].key, "SEC-001");  // same time: by key
  EXPECT_EQ(s.completed_items[1].key, "TD-003");
  EXPECT_DOUBLE_EQ(s.completed_items[0].cycle_time_hours, 30);
  EXPECT_DOUBLE_EQ(s.completed_items[1].cycle_time_hours, 20);
  EXPECT_EQ(s.completed_items[0].resolved_commit, "c3");
  ASSERT_TRUE(s.cycle_time_mean_hours);
  EXPECT_DOUBLE_EQ(*s.cycle_time_mean_hours, 25);
  EXPECT_DOUBLE_EQ(*s.cycle_time_median_hours, 25);
  EXPECT_DOUBLE_EQ(s.value_delivered_usd, 320);  // 300 + 20
  EXPECT_EQ(s.sources, (std::map<std::string, int64_t>{{"markers", 4}, {"other", 1}}));
  EXPECT_FALSE(s.effort_hours_at_start);  // no scan is a week old
}

TEST_F(StatisticsTest, ADayStartsAfterTheFirstScan) {
  // since = T0+7h: the first scan is before the period.
  Statistics s = stats(kT0 + 31 * kHour, 1);
  EXPECT_EQ(s.discovered, 2);   // D, E
  EXPECT_EQ(s.resolutions, 3);  // B, C, D
  EXPECT_EQ(s.reopened, 1);
  EXPECT_EQ(s.net_change, 0);  // 3 open at T0+7h (A B C), 3 now (A B E)
  EXPECT_EQ(s.completed, 2);
  ASSERT_TRUE(s.effort_hours_at_start);
  EXPECT_DOUBLE_EQ(*s.effort_hours_at_start, 7);  // after scan 1: A 2 + B 1 + C 4
  EXPECT_EQ(s.sources, (std::map<std::string, int64_t>{{"markers", 2}}));
}

TEST_F(StatisticsTest, MedianOfThreeAndEmptyPeriods) {
  // Resolve A and B at T0+41h: cycle times 41 h each, with C 30 and D 20.
  merge(*store_, facts("s5", kT0 + 41 * kHour, {"markers", "other"}), {item("E", "markers", 10, 1)});
  Statistics s = stats(kT0 + 41 * kHour, 7);
  EXPECT_EQ(s.completed, 4);
  EXPECT_DOUBLE_EQ(*s.cycle_time_mean_hours, (30 + 20 + 41 + 41) / 4.0);
  EXPECT_DOUBLE_EQ(*s.cycle_time_median_hours, (30 + 41) / 2.0);
  EXPECT_DOUBLE_EQ(s.value_delivered_usd, 470);

  // Nothing happened in the hour after T0+41h.
  Statistics quiet = stats(kT0 + 60 * kDay, 1);
  EXPECT_EQ(quiet.discovered, 0);
  EXPECT_EQ(quiet.completed, 0);
  EXPECT_EQ(quiet.net_change, 0);
  EXPECT_FALSE(quiet.cycle_time_mean_hours);
  EXPECT_EQ(quiet.backlog_size, 1);
  EXPECT_DOUBLE_EQ(*quiet.effort_hours_at_start, 1);
}

TEST_F(StatisticsTest, JsonHasTheIssuesFieldsFirst) {
  Statistics s = stats(kT0 + 31 * kHour, 7);
  nlohmann::ordered_json j = statistics_json(s);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"period_days", "discovered", "completed", "net_change",
                                      "cycle_time_hours", "value_delivered_usd", "backlog_size", "sources",
                                      "since", "until", "reopened", "resolutions", "debt_trend"}));
  EXPECT_EQ(j["cycle_time_hours"]["mean"], 25.0);
  EXPECT_EQ(j["value_delivered_usd"], 320.0);
  EXPECT_EQ(j["sources"]["markers"], 4);
  EXPECT_EQ(j["since"], "2025-12-26T07:00:00Z");
  EXPECT_TRUE(j["debt_trend"]["effort_hours_start"].is_null());
  EXPECT_EQ(j["debt_trend"]["effort_hours_end"], 4.0);
  nlohmann::ordered_json completed = completed_json(s);
  ASSERT_EQ(completed.size(), 2u);
  EXPECT_EQ(completed[0]["key"], "SEC-001");
  EXPECT_EQ(completed[0]["resolved_at"], "2026-01-02T06:00:00Z");
  EXPECT_EQ(completed[0]["first_seen"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(completed[0]["commit"], "c3");
  EXPECT_EQ(completed[1]["commit"], "c3");
  EXPECT_EQ(completed[0]["cycle_time_hours"], 30.0);
}

}  // namespace
}  // namespace assay::state::test
