// The origin the scoring stage reads from a finding's details, and the line
// age it derives, whatever form the details are in.
#include "scan/history_stage.h"

#include <gtest/gtest.h>

#include "finding/finding.h"

namespace assay::scan {
namespace {

// 2024-01-11T00:00:00Z
constexpr int64_t kNow = 1704931200;

FindingHistory history_of(const std::string& details_json, int64_t now = kNow) {
  Finding f;
  f.source = "markers";
  f.rule = "TODO";
  f.title = "TODO: x";
  f.details_json = details_json;
  return finding_history(f, nullptr, now);
}

TEST(StatedOrigin, CompactDetailsAreReadFieldByField) {
  const FindingHistory h = history_of(
      R"({"comment":"line","origin":{"author":"Ann <a@x>","commit":"abc123","state":"committed",)"
      R"("time":"2024-01-01T00:00:00Z"},"tag":"TODO"})");
  ASSERT_TRUE(h.note.origin.has_value());
  EXPECT_EQ(h.note.origin->state, "committed");
  EXPECT_EQ(h.note.origin->commit, "abc123");
  EXPECT_EQ(h.note.origin->author, "Ann <a@x>");
  EXPECT_EQ(h.note.origin->time, "2024-01-01T00:00:00Z");
  // 2024-01-01 to 2024-01-11: ten whole days.
  EXPECT_EQ(h.context.age_days, std::optional<double>(10.0));
}

TEST(StatedOrigin, EscapedTextIsUnescaped) {
  const FindingHistory h = history_of(
      R"({"origin":{"author":"Ann \"the\" Dev \u0001","commit":"abc","state":"at_or_before",)"
      R"("time":"2024-01-10T12:00:00Z"}})");
  ASSERT_TRUE(h.note.origin.has_value());
  EXPECT_EQ(h.note.origin->author, "Ann \"the\" Dev \x01");
  EXPECT_EQ(h.note.origin->state, "at_or_before");
  EXPECT_EQ(h.context.age_days, std::optional<double>(0.0));  // 12 hours: no whole day
}

TEST(StatedOrigin, DetailsInAnotherFormAreParsed) {
  const FindingHistory h = history_of(
      R"({ "origin" : { "state": "uncommitted", "commit": null, "author": null, "time": null } })");
  ASSERT_TRUE(h.note.origin.has_value());
  EXPECT_EQ(h.note.origin->state, "uncommitted");
  EXPECT_EQ(h.note.origin->commit, "");
  EXPECT_EQ(h.context.age_days, std::optional<double>(0.0));
}

TEST(StatedOrigin, MissingOrMalformedOriginsAreLeftOut) {
  EXPECT_FALSE(history_of("").note.origin.has_value());
  EXPECT_FALSE(history_of(R"({"tag":"TODO"})").note.origin.has_value());
  EXPECT_FALSE(history_of(R"({"note":{"origin":{"state":"uncommitted"}}})").note.origin.has_value());
  EXPECT_FALSE(history_of(R"({"origin":"committed"})").note.origin.has_value());
  EXPECT_FALSE(history_of(R"({"origin":{"state":"sometime"}})").note.origin.has_value());
  // Dated without a readable time.
  EXPECT_FALSE(history_of(R"({"origin":{"state":"committed","time":"yesterday"}})").note.origin.has_value());
  EXPECT_FALSE(history_of(R"({"origin":{"state":"committed","time":7}})").note.origin.has_value());
  EXPECT_FALSE(history_of(R"({"origin": {"state":"committed"}})").context.age_days.has_value());
}

// The same reading at another clock, with other forms of details.
namespace at_2020 {

constexpr int64_t k2020 = 1577923200;  // 2020-01-02T00:00:00Z

FindingHistory history_at_2020(const std::string& details) { return history_of(details, k2020); }

TEST(HistoryStage, ACompactOriginIsReadWithItsAge) {
  const FindingHistory h = history_at_2020(
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
  const FindingHistory h = history_at_2020(
      R"({ "n": 1.5, "origin": { "author": "A", "commit": "c1", "state": "at_or_before",)"
      R"( "time": "2019-12-31T00:00:00Z", "x": 2.25 } })");
  ASSERT_TRUE(h.note.origin);
  EXPECT_EQ(h.note.origin->state, "at_or_before");
  EXPECT_EQ(h.context.age_days, 2.0);
}

TEST(HistoryStage, AMalformedOriginIsIgnored) {
  EXPECT_FALSE(history_at_2020(R"({"origin":"committed"})").note.origin);
  EXPECT_FALSE(history_at_2020(R"({"origin":{"state":"committed","time":5}})").note.origin);  // no time
  EXPECT_FALSE(history_at_2020(R"({"origin":{"state":"invented"}})").note.origin);
  EXPECT_FALSE(history_at_2020(R"({"origin":{"state":"committed","time":"yesterday"}})").note.origin);
  EXPECT_FALSE(history_at_2020(R"({"origin":{"state":"committed","time":"2019-12-31T00:00:00Z"})").note.origin);
}

TEST(HistoryStage, AnUndatedOriginKeepsNoCommit) {
  const FindingHistory h = history_at_2020(R"({"origin":{"commit":"c1","state":"uncommitted","time":5}})");
  ASSERT_TRUE(h.note.origin);
  EXPECT_EQ(h.note.origin->commit, "");
  EXPECT_EQ(h.note.origin->time, "");
  EXPECT_EQ(h.context.age_days, 0.0);
}

}  // namespace at_2020

}  // namespace
}  // namespace assay::scan
