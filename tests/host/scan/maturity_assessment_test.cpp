// The maturity assessment a scanner hands over: validation with the JSON
// path of every problem, the first one of a scan counting, and the header
// object reporters receive.
#include "scan/maturity_assessment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "scan/maturity_stage.h"
#include "scan/scan_target.h"

namespace assay::scan {
namespace {

const char* kValid = R"({"level": "maturing", "percent": 62.5,
  "dimensions": {"security": 40, "containerisation": null},
  "checks": [{"id": "security-policy", "title": "Security policy", "dimension": "security", "risk": "medium",
              "status": "fail", "score": 0, "evidence": ["no file matches SECURITY.md"]},
             {"id": "dockerignore", "dimension": "containerisation", "status": "inconclusive", "score": -1,
              "evidence": []}]})";

std::string error_of(const std::string& json) {
  try {
    parse_assessment(json, "maturity");
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(MaturityAssessment, AcceptsAWellFormedAssessment) {
  const MaturityAssessment a = parse_assessment(kValid, "maturity");
  EXPECT_EQ(a.source, "maturity");
  EXPECT_EQ(a.level, "maturing");
  EXPECT_DOUBLE_EQ(a.percent, 62.5);
  EXPECT_EQ(nlohmann::json::parse(a.json), nlohmann::json::parse(kValid));
}

TEST(MaturityAssessment, RefusalsNameTheJsonPath) {
  auto with = [](const std::string& from, const std::string& to) {
    std::string text = kValid;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  EXPECT_EQ(error_of("[1]"), "maturity assessment: must be a JSON object");
  EXPECT_EQ(error_of("{"), "maturity assessment: not valid JSON");
  EXPECT_EQ(error_of(with("\"maturing\"", "\"expert\"")),
            "maturity assessment: level: 'expert' is not one of nascent, developing, maturing, advanced");
  EXPECT_EQ(error_of(with("62.5", "162.5")),
            "maturity assessment: percent: must be a number from 0.0 to 100.0, got 162.5");
  EXPECT_EQ(error_of(with("\"security\": 40", "\"security\": \"high\"")),
            "maturity assessment: dimensions.security: must be a number from 0.0 to 100.0, got \"high\"");
  EXPECT_EQ(
      error_of(with("\"status\": \"fail\"", "\"status\": \"failed\"")),
      "maturity assessment: checks[0].status: 'failed' is not one of pass, partial, fail, inconclusive");
  EXPECT_EQ(error_of(with("\"score\": -1", "\"score\": 0")),
            "maturity assessment: checks[1].score: must be -1 for an inconclusive check");
  EXPECT_EQ(error_of(with("\"score\": 0,", "\"score\": 11,")),
            "maturity assessment: checks[0].score: must be a number from 0.0 to 10.0, got 11");
  EXPECT_EQ(error_of(with("[\"no file matches SECURITY.md\"]", "[3]")),
            "maturity assessment: checks[0].evidence[0]: must be text");
  EXPECT_EQ(error_of(R"({"level": "nascent", "percent": 1, "dimensions": {}})"),
            "maturity assessment: missing 'checks'");
}

TEST(MaturityAssessment, TheFirstAssessmentOfAScanCounts) {
  AssessmentInbox inbox;
  std::atomic<bool> cancelled{false};
  std::vector<std::string> logs;
  assay_scan scan;
  scan.cancelled = &cancelled;
  scan.plugin = "maturity";
  scan.assessments = &inbox;
  scan.log = [&](assay_log_level, const std::string& m) { logs.push_back(m); };
  EXPECT_EQ(report_assessment(&scan, "{\"level\": 3}"), ASSAY_INVALID);
  ASSERT_EQ(logs.size(), 1u);
  EXPECT_EQ(logs[0], "maturity assessment: level: must be text, got 3; assessment refused");
  EXPECT_EQ(report_assessment(&scan, kValid), ASSAY_OK);
  scan.plugin = "another";
  EXPECT_EQ(report_assessment(&scan, kValid), ASSAY_INVALID);
  EXPECT_EQ(logs.back(), "maturity assessment refused: another plugin's assessment was accepted first");
  cancelled = true;
  EXPECT_EQ(report_assessment(&scan, kValid), ASSAY_CANCELLED);
  const auto kept = inbox.take();
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->source, "maturity");
  EXPECT_FALSE(inbox.take().has_value());
}

TEST(MaturityAssessment, TheHeaderCarriesTheAssessmentOrTheConfiguredLevel) {
  ScanOutcome outcome;
  outcome.maturity_level = "developing";
  EXPECT_EQ(
      maturity_header_json(outcome),
      nlohmann::json::parse(R"({"level": "developing", "assessed": false, "source": "configuration"})"));
  outcome.assessment = parse_assessment(kValid, "maturity");
  const nlohmann::json header = maturity_header_json(outcome);
  EXPECT_EQ(header["level"], "maturing");
  EXPECT_EQ(header["assessed"], true);
  EXPECT_EQ(header["source"], "maturity");
  EXPECT_EQ(header["percent"], 62.5);
  EXPECT_EQ(header["dimensions"], nlohmann::json::parse(kValid)["dimensions"]);
  EXPECT_EQ(header["checks"], nlohmann::json::parse(kValid)["checks"]);
}

}  // namespace
}  // namespace assay::scan
