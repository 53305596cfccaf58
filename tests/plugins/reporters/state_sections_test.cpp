// The state store's fields in the reports: "stats" and "completed" copied into
// backlog.json, and BACKLOG.md's "Recently completed" and "This period's
// performance" sections, with every number from the header.
#include <gtest/gtest.h>

#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

using nlohmann::ordered_json;

ordered_json sample_stats() {
  return ordered_json{
      {"period_days", 7},
      {"discovered", 8},
      {"completed", 2},
      {"net_change", 6},
      {"cycle_time_hours", {{"mean", 26.5}, {"median", 26.5}}},
      {"value_delivered_usd", 1080.0},
      {"backlog_size", 42},
      {"sources", {{"markers", 6}, {"maturity", 2}}},
      {"since", "2026-11-18T17:00:04Z"},
      {"until", "2026-11-25T17:00:04Z"},
      {"reopened", 1},
      {"resolutions", 3},
      {"debt_trend", {{"effort_hours_start", 88.0}, {"effort_hours_end", 93.5}, {"change", 5.5}}}};
}

ordered_json completed_item(const std::string& key, const std::string& title, const std::string& resolved_at,
                            double hours, double value) {
  return ordered_json{{"key", key},
                      {"title", title},
                      {"category", "technical-debt"},
                      {"source", "markers"},
                      {"path", "src/a.c"},
                      {"first_seen", "2026-11-24T14:30:00Z"},
                      {"resolved_at", resolved_at},
                      {"commit", "3f9a2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"},
                      {"cycle_time_hours", hours},
                      {"value_usd", value}};
}

class StateSectionsTest : public ::testing::Test {
 protected:
  RunInput input_with_stats() {
    RunInput input;
    input.items = sample_items();
    input.header = sample_header(input.items.size(), "TD-001");
    input.header["state"] = {{"store", "/srv/repos/parser-lib/.assay/state.db"},
                             {"merged", true},
                             {"new", 3},
                             {"reopened", 1},
                             {"resolved", 2}};
    input.header["stats"] = sample_stats();
    input.header["completed"] = {
        completed_item("TD-007", "Remove | the cache", "2026-11-25T17:00:04Z", 26.5, 570),
        completed_item("TD-003", "Old parser", "2026-11-24T09:00:00Z", 26.5, 510)};
    input.output_dir = scratch.path() / "out";
    return input;
  }

  std::string markdown(RunInput& input) {
    LoadedReporter reporter("markdown");
    RunResult result = reporter.run(input);
    EXPECT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;
    return result.ok() ? read_file(input.output_dir / "BACKLOG.md") : "";
  }

  ScratchDir scratch;
};

::testing::AssertionResult in_order(const std::string& text, const std::vector<std::string>& parts) {
  size_t from = 0;
  for (const auto& part : parts) {
    size_t at = text.find(part, from);
    if (at == std::string::npos) return ::testing::AssertionFailure() << "missing or out of order: " << part;
    from = at + part.size();
  }
  return ::testing::AssertionSuccess();
}

TEST_F(StateSectionsTest, MarkdownShowsTheCompletedItemsAndThePeriod) {
  RunInput input = input_with_stats();
  const std::string md = markdown(input);
  EXPECT_TRUE(in_order(md, {"## Discovery sources", "## Recently completed", "## This period's performance",
                            "## Plugin runs"}))
      << md;
  EXPECT_TRUE(in_order(
      md, {"## Recently completed\n\n", "| Key | Title | Resolved | Commit | Cycle time | Value |\n",
           "|-----|-------|----------|--------|-----------:|------:|\n",
           "| TD-007 | Remove \\| the cache | 2026-11-25 17:00:04 UTC | `3f9a2c1` | 26.5 h | $570 |\n",
           "| TD-003 | Old parser | 2026-11-24 09:00:00 UTC | `3f9a2c1` | 26.5 h | $510 |\n"}))
      << md;
  EXPECT_TRUE(
      in_order(md, {"## This period's performance\n\n", "The last 7 days, from the state store.\n\n",
                    "- **Items discovered**: 8\n", "- **Items completed**: 2\n", "- **Items reopened**: 1\n",
                    "- **Net backlog change**: +6\n", "- **Cycle time**: 26.5 h on average, median 26.5 h\n",
                    "- **Value delivered**: $1,080\n", "- **Backlog size**: 42 items\n",
                    "- **Debt trend**: 88 h → 93.5 h of estimated effort open (+5.5 h)\n",
                    "| Source | Items | Share |\n", "| markers | 6 | 75% |\n", "| maturity | 2 | 25% |\n"}))
      << md;
}

TEST_F(StateSectionsTest, CompletedRowsStopAtTop) {
  RunInput input = input_with_stats();
  input.config = R"({"top": 1})";
  const std::string md = markdown(input);
  EXPECT_NE(md.find("Showing the 1 most recent of 2 completed items.\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| TD-007 |"), std::string::npos);
  EXPECT_EQ(md.find("| TD-003 | Old parser"), std::string::npos) << md;
}

TEST_F(StateSectionsTest, AQuietPeriodSaysSo) {
  RunInput input = input_with_stats();
  input.header["completed"] = ordered_json::array();
  input.header["stats"]["completed"] = 0;
  input.header["stats"]["reopened"] = 0;
  input.header["stats"]["cycle_time_hours"] = {{"mean", nullptr}, {"median", nullptr}};
  input.header["stats"]["debt_trend"] = {
      {"effort_hours_start", nullptr}, {"effort_hours_end", 93.5}, {"change", nullptr}};
  const std::string md = markdown(input);
  EXPECT_NE(md.find("## Recently completed\n\nNo item was completed in the last 7 days.\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("Items reopened"), std::string::npos);
  EXPECT_EQ(md.find("Cycle time"), std::string::npos);
  EXPECT_NE(md.find("- **Debt trend**: 93.5 h of estimated effort open (no scan as old as the period)\n"),
            std::string::npos)
      << md;
}

TEST_F(StateSectionsTest, WithoutStatisticsTheSectionsAreLeftOut) {
  RunInput input = input_with_stats();
  input.header["stats"] = nullptr;
  input.header["completed"] = ordered_json::array();
  const std::string md = markdown(input);
  EXPECT_EQ(md.find("Recently completed"), std::string::npos);
  EXPECT_EQ(md.find("This period"), std::string::npos);
}

TEST_F(StateSectionsTest, JsonCopiesStatsAndCompleted) {
  RunInput input = input_with_stats();
  LoadedReporter reporter("json");
  RunResult result = reporter.run(input);
  ASSERT_TRUE(result.ok()) << result.error;
  ordered_json backlog = ordered_json::parse(read_file(input.output_dir / "backlog.json"));
  EXPECT_EQ(backlog.at("stats"), input.header.at("stats"));
  EXPECT_EQ(backlog.at("completed"), input.header.at("completed"));
}

TEST_F(StateSectionsTest, MalformedStateFieldsAreRefusedByName) {
  RunInput input = input_with_stats();
  input.header["stats"] = 5;
  LoadedReporter reporter("json");
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "begin");
  EXPECT_EQ(result.error, "report header: field 'stats' must be an object or null");
  input.header["stats"] = sample_stats();
  input.header["completed"] = "none";
  result = reporter.run(input);
  EXPECT_EQ(result.error, "report header: field 'completed' must be an array");
}

}  // namespace
}  // namespace assay::test
