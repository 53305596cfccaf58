// Maturity assessments in the store (schema 3): recorded with their scan,
// read back as the trend of the merged scans, exported, pruned with their
// scan, refused when out of range, and added to a version 2 store by the
// forward migration.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "state/export.h"
#include "state/invariants.h"
#include "state/sqlite_db.h"
#include "state/sqlite_schema.h"
#include "state_test_support.h"

namespace assay::state::test {
namespace {

AssessmentRecord assessment(const std::string& scan_id, const std::string& level, double percent,
                            std::optional<double> security, std::optional<double> testing) {
  return {scan_id, "maturity", level, percent, {{"security", security}, {"testing", testing}}, 0, ""};
}

// Merges a scan of /repo and records its assessment, in one transaction.
void merge_assessed(StateStore& store, const ScanFacts& facts, const AssessmentRecord& a,
                    MergeContext& context) {
  store.write([&](StateWriter& w) {
    merge_scan(w, facts, {item("A", "markers", 100, 2)}, context);
    w.add_assessment(a);
  });
}

void merge_assessed(StateStore& store, const ScanFacts& facts, const AssessmentRecord& a) {
  FixedContext context;
  merge_assessed(store, facts, a, context);
}

TEST(AssessmentStore, TheTrendHoldsTheLastMergedAssessmentsOldestFirst) {
  TempDir dir("trend");
  auto store = open_store(dir.file("state.db"));
  merge_assessed(*store, facts("s1", kT0, {"markers"}, "c1"),
                 assessment("s1", "nascent", 20, 10, std::nullopt));
  merge_assessed(*store, facts("s2", kT0 + kHour, {"markers"}, "c2"),
                 assessment("s2", "developing", 30.5, 40, 25));
  // A scan without an assessment (the maturity scanner disabled) leaves no
  // gap in the trend.
  merge(*store, facts("s3", kT0 + 2 * kHour, {"markers"}, "c3"), {item("A", "markers", 100, 2)});
  merge_assessed(*store, facts("s4", kT0 + 3 * kHour, {"markers"}, "c4"),
                 assessment("s4", "maturing", 55, 60, 50));

  std::vector<AssessmentRecord> last_two, all;
  store->read([&](StateReader& r) {
    const int64_t repo = r.find_repository("/repo")->id;
    last_two = r.assessment_trend(repo, 2);
    all = r.assessment_trend(repo, 10);
  });
  ASSERT_EQ(last_two.size(), 2u);
  EXPECT_EQ(last_two[0].scan_id, "s2");
  EXPECT_EQ(last_two[1].scan_id, "s4");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].scan_id, "s1");
  EXPECT_EQ(all[0].level, "nascent");
  EXPECT_EQ(all[0].commit, "c1");
  EXPECT_EQ(all[0].finished_at, kT0);
  // Dimensions by name; a dimension whose checks were all inconclusive has none.
  ASSERT_EQ(all[0].dimensions.size(), 2u);
  EXPECT_EQ(all[0].dimensions[0].name, "security");
  EXPECT_EQ(all[0].dimensions[0].percent, 10);
  EXPECT_EQ(all[0].dimensions[1].name, "testing");
  EXPECT_FALSE(all[0].dimensions[1].percent.has_value());
  EXPECT_EQ(all[1].source, "maturity");
  EXPECT_DOUBLE_EQ(all[1].percent, 30.5);
  EXPECT_EQ(all[1].dimensions[1].percent, 25);
  EXPECT_EQ(all[2].finished_at, kT0 + 3 * kHour);
}

TEST(AssessmentStore, ALookBacksAssessmentIsKeptButNotInTheTrend) {
  TempDir dir("lookback");
  auto store = open_store(dir.file("state.db"));
  merge_assessed(*store, facts("s1", kT0, {"markers"}, "c1"), assessment("s1", "maturing", 60, 60, 60));
  FixedContext look_back;
  look_back.look_back = true;
  merge_assessed(*store, facts("s2", kT0 + kHour, {"markers"}, "c0"),
                 assessment("s2", "developing", 40, 30, 50), look_back);
  std::vector<AssessmentRecord> trend, all;
  store->read([&](StateReader& r) {
    const int64_t repo = r.find_repository("/repo")->id;
    trend = r.assessment_trend(repo, 10);
    all = r.assessments(repo);
  });
  ASSERT_EQ(trend.size(), 1u);
  EXPECT_EQ(trend[0].scan_id, "s1");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].scan_id, "s2");
  EXPECT_EQ(all[1].commit, "c0");
}

TEST(AssessmentStore, AnAssessmentOutOfRangeIsRefusedAndNothingOfTheScanIsKept) {
  TempDir dir("refused");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  EXPECT_THROW(merge_assessed(*store, facts("s1", kT0, {"markers"}), assessment("s1", "expert", 50, 50, 50)),
               StoreError);
  EXPECT_THROW(
      merge_assessed(*store, facts("s1", kT0, {"markers"}), assessment("s1", "nascent", 101, 50, 50)),
      StoreError);
  EXPECT_THROW(merge_assessed(*store, facts("s1", kT0, {"markers"}), assessment("s1", "nascent", 10, -1, 50)),
               StoreError);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM scans"), 0);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM assessments"), 0);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM assessment_dimensions"), 0);
}

TEST(AssessmentStore, AssessmentsArePrunedWithTheirScan) {
  TempDir dir("prune");
  const auto file = dir.file("state.db");
  auto store = open_store(file);
  merge_assessed(*store, facts("s1", kT0, {"markers"}, "c1"), assessment("s1", "nascent", 20, 10, 30));
  merge_assessed(*store, facts("s2", kT0 + 10 * kDay, {"markers"}, "c2"),
                 assessment("s2", "developing", 30, 20, 40));
  // Summaries are kept 5 days: s1 goes, s2 is the last merged scan and stays.
  store->prune({5, 5}, kT0 + 20 * kDay, std::chrono::seconds(10));
  EXPECT_EQ(raw_text(file, "SELECT group_concat(scan_id) FROM assessments"), "s2");
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM assessment_dimensions"), 2);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM assessment_dimensions WHERE scan_id = 's1'"), 0);
  EXPECT_TRUE(store->integrity_problems().empty());
}

TEST(AssessmentStore, ExportWritesOneLinePerAssessment) {
  TempDir dir("export");
  auto store = open_store(dir.file("state.db"));
  merge_assessed(*store, facts("s1", kT0, {"markers"}, "c1"),
                 assessment("s1", "nascent", 20, 10, std::nullopt));
  std::ostringstream out;
  store->read([&](StateReader& r) { export_json_lines(r, out); });
  std::istringstream in(out.str());
  std::vector<std::string> lines;  // as written, fields in their order
  for (std::string line; std::getline(in, line);) {
    if (nlohmann::json::parse(line)["type"] == "assessment") lines.push_back(line);
  }
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(
      lines[0],
      R"({"type":"assessment","repository":"/repo","scan_id":"s1","source":"maturity","level":"nascent",)"
      R"("percent":20.0,"dimensions":{"security":10.0,"testing":null}})");
}

TEST(AssessmentStore, AVersion2StoreMigratesToTheAssessmentsSchema) {
  TempDir dir("migrate");
  const auto file = dir.file("state.db");
  {
    Database db(file.string(), true);
    migrate(db, 2);
  }
  raw_sql(
      file,
      "INSERT INTO repositories (id, path, name) VALUES (1, '/repo', 'repo');"
      "INSERT INTO scans VALUES ('s1', 1, 1767225600, 1767225600, 'commit', 'c1', 1, 0, 0, 0, 0, 0.0, 0.0);");
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 2);

  auto store = open_store(file);
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM scans"), 1);  // kept
  std::vector<AssessmentRecord> before;
  store->read([&](StateReader& r) { before = r.assessments(1); });
  EXPECT_TRUE(before.empty());  // the scans of version 2 had none

  merge_assessed(*store, facts("s2", kT0 + kHour, {"markers"}, "c2"),
                 assessment("s2", "developing", 30, 20, 40));
  std::vector<AssessmentRecord> trend;
  std::vector<std::string> problems;
  store->read([&](StateReader& r) {
    trend = r.assessment_trend(1, 10);
    problems = check_invariants(r);
  });
  ASSERT_EQ(trend.size(), 1u);
  EXPECT_EQ(trend[0].scan_id, "s2");
  EXPECT_TRUE(problems.empty()) << problems.front();
  EXPECT_TRUE(store->integrity_problems().empty());
}

}  // namespace
}  // namespace assay::state::test
