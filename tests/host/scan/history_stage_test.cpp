// The origin a scanner states in a finding's details, as the scoring stage
// reads it: the compact reader and nlohmann::json must agree.
#include "scan/history_stage.h"

#include <gtest/gtest.h>

#include "finding/finding.h"

namespace assay::scan {
namespace {

constexpr int64_t kNow = 1577923200;  // 2020-01-02T00:00:00Z

FindingHistory history_of(const std::string& details) {
  Finding f;
  f.source = "markers";
  f.rule = "TODO";
  f.title = "t";
  f.details_json = details;
  return finding_history(f, nullptr, kNow);
}

TEST(HistoryStage, ACompactOriginIsReadWithItsAge) {
  const FindingHistory h = history_of(
      R"({"comment":"line","origin":{"author":"A <a@x>","commit":"c1","state":"committed",)"
      R"("time":"2019-12-30T12:00:00Z"},"tag":"TODO"})");
  ASSERT_TRUE(h.note.origin);
  EXPECT_EQ(h.note.origin->state, "committed");
  EXPECT_EQ(h.note.origin->commit, "c1");
  EXPECT_EQ(h.note.origin->author, "A <a@x>");
  EXPECT_EQ(h.note.origin->time, "2019-12-30T12:00:00Z");
  EXPECT_EQ(h.context.age_days, 2.0);  // 2.5 days, whole days counted
}

TEST(HistoryStage, TextTheCompactReaderRefusesIsReadTheSame) {
  // Whitespace and a float: nlohmann::json reads these.
  const FindingHistory h = history_of(
      R"({ "n": 1.5, "origin": { "author": "A", "commit": "c1", "state": "at_or_before",)"
      R"( "time": "2019-12-31T00:00:00Z", "x": 2.25 } })");
  ASSERT_TRUE(h.note.origin);
  EXPECT_EQ(h.note.origin->state, "at_or_before");
  EXPECT_EQ(h.context.age_days, 2.0);
}

TEST(HistoryStage, AMalformedOriginIsIgnored) {
  EXPECT_FALSE(history_of(R"({"origin":"committed"})").note.origin);
  EXPECT_FALSE(history_of(R"({"origin":{"state":"committed","time":5}})").note.origin);  // no time
  EXPECT_FALSE(history_of(R"({"origin":{"state":"invented"}})").note.origin);
  EXPECT_FALSE(history_of(R"({"origin":{"state":"committed","time":"yesterday"}})").note.origin);
  EXPECT_FALSE(history_of(R"({"origin":{"state":"committed","time":"2019-12-31T00:00:00Z"})").note.origin);
}

TEST(HistoryStage, AnUndatedOriginKeepsNoCommit) {
  const FindingHistory h = history_of(R"({"origin":{"commit":"c1","state":"uncommitted","time":5}})");
  ASSERT_TRUE(h.note.origin);
  EXPECT_EQ(h.note.origin->commit, "");
  EXPECT_EQ(h.note.origin->time, "");
  EXPECT_EQ(h.context.age_days, 0.0);
}

}  // namespace
}  // namespace assay::scan
