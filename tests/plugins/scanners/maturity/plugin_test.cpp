// The maturity plugin through the C ABI: the assessment it hands to the host,
// the findings of its failed checks, its configuration, and a broken rule
// file that makes it fail to open with the rule's line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "memory_host.h"

namespace {

using assay::test::MemoryHost;
namespace fs = std::filesystem;

class MaturityPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-maturity-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  static std::string rules_with(const std::string& checks) { return "version: 1\nchecks:\n" + checks; }

  fs::path dir_;
  MemoryHost host_{"maturity"};
};

const char* kTwoChecks =
    "  - id: readme\n    title: README\n    fix: Add a README\n    dimension: documentation\n"
    "    risk: high\n    category: documentation\n    effort_hours: 2\n    evidence: [{files: "
    "[/README.md]}]\n"
    "  - id: ci-tests\n    title: CI runs tests\n    fix: Run the tests in CI\n    dimension: ci-cd\n"
    "    risk: medium\n    category: infrastructure\n    effort_hours: 4\n"
    "    evidence:\n      - files: [ci.yml]\n        contains: [pytest]\n      - files: [ci.yml]\n        "
    "contains: [ruff]\n";

TEST_F(MaturityPlugin, DescribesItselfWithASchema) {
  EXPECT_STREQ(host_.plugin().name, "maturity");
  EXPECT_EQ(host_.plugin().api_minor, ASSAY_API_MINOR);
  EXPECT_EQ(host_.plugin().scanner_flags, 0u);  // its findings depend on the whole tree
  const auto schema = nlohmann::json::parse(host_.plugin().config_schema);
  EXPECT_EQ(schema["properties"]["rules"]["type"], "string");
  EXPECT_EQ(schema["properties"]["extra_rules"]["type"], "array");
}

TEST_F(MaturityPlugin, HandsTheAssessmentToTheHostAndEmitsTheGaps) {
  host_.files = {{"README.md", "markdown", "# app\n"}, {"ci.yml", "yaml", "steps:\n  - run: pytest -q\n"}};
  ASSERT_EQ(host_.run(R"({"rules": ")" + write("r.yaml", rules_with(kTwoChecks)) + R"("})"), ASSAY_OK)
      << host_.open_error << host_.scan_error;
  ASSERT_EQ(host_.assessments.size(), 1u);
  const auto a = nlohmann::json::parse(host_.assessments[0]);
  // readme: high, pass (7.5 × 10); ci-tests: medium, 1 of 2 rules (5 × 5):
  // (75 + 25) / (75 + 50) = 80 %.
  EXPECT_EQ(a["level"], "advanced");
  EXPECT_DOUBLE_EQ(a["percent"].get<double>(), 80);
  EXPECT_DOUBLE_EQ(a["dimensions"]["documentation"].get<double>(), 100);
  EXPECT_DOUBLE_EQ(a["dimensions"]["ci-cd"].get<double>(), 50);
  EXPECT_TRUE(a["dimensions"]["security"].is_null());
  ASSERT_EQ(a["checks"].size(), 2u);
  EXPECT_EQ(a["checks"][1], nlohmann::json::parse(R"({"id": "ci-tests", "title": "CI runs tests",
      "dimension": "ci-cd", "risk": "medium", "status": "partial", "score": 5,
      "evidence": ["ci.yml:2: - run: pytest -q", "no match for /ruff/ in ci.yml"]})"));

  ASSERT_EQ(host_.findings.size(), 1u);
  const auto& f = host_.findings[0];
  EXPECT_EQ(f.rule, "ci-tests");
  EXPECT_EQ(f.title, "Run the tests in CI (50% in place)");
  EXPECT_EQ(f.category, "infrastructure");
  EXPECT_EQ(f.severity, "medium");
  EXPECT_DOUBLE_EQ(f.effort_hours, 2);  // half of 4 h is still missing
  EXPECT_DOUBLE_EQ(f.confidence, 0.9);
  EXPECT_EQ(f.identity, "maturity:ci-tests");
  EXPECT_EQ(f.path, "");
  EXPECT_EQ(f.evidence, "ci.yml:2: - run: pytest -q\nno match for /ruff/ in ci.yml");
  EXPECT_EQ(f.tags, (std::vector<std::string>{"maturity", "ci-cd"}));
  EXPECT_TRUE(host_.logged(
      ASSAY_LOG_INFO,
      "maturity advanced (80%): 2 checks, 1 pass, 1 partial, 0 fail, 0 inconclusive; 1 backlog findings"));
}

TEST_F(MaturityPlugin, FindingsCanBeTurnedOffAndChecksSkipped) {
  const std::string rules = write("r.yaml", rules_with(kTwoChecks));
  ASSERT_EQ(host_.run(R"({"rules": ")" + rules + R"(", "emit_findings": false, "skip": ["readme"]})"),
            ASSAY_OK);
  EXPECT_TRUE(host_.findings.empty());
  const auto a = nlohmann::json::parse(host_.assessments.at(0));
  ASSERT_EQ(a["checks"].size(), 1u);
  EXPECT_EQ(a["checks"][0]["id"], "ci-tests");
  EXPECT_EQ(a["checks"][0]["status"], "fail");
}

TEST_F(MaturityPlugin, ExtraRuleFilesAddChecks) {
  const std::string extra = write(
      "extra.yaml",
      rules_with(
          "  - id: runbook\n    title: Runbook\n    fix: Write a runbook\n    dimension: observability\n"
          "    risk: low\n    category: documentation\n    evidence: [{files: [RUNBOOK.md]}]\n"));
  host_.files = {{"RUNBOOK.md", "markdown", "# on call\n"}};
  ASSERT_EQ(host_.run(R"({"extra_rules": [")" + extra + R"("]})"), ASSAY_OK) << host_.open_error;
  const auto a = nlohmann::json::parse(host_.assessments.at(0));
  EXPECT_EQ(a["checks"].back()["id"], "runbook");
  EXPECT_EQ(a["checks"].back()["status"], "pass");
  EXPECT_GT(a["checks"].size(), 40u);
}

TEST_F(MaturityPlugin, ABrokenRuleFileFailsTheOpenNamingTheRuleAndLine) {
  const std::string rules = write(
      "broken.yaml",
      rules_with(
          "  - id: ci-tests\n    title: CI runs tests\n    fix: Run the tests in CI\n    dimension: ci-cd\n"
          "    risk: medium\n    category: infrastructure\n"
          "    evidence:\n      - files: [ci.yml]\n        contains: ['pytest (-q']\n"));
  EXPECT_EQ(host_.run(R"({"rules": ")" + rules + R"("})"), ASSAY_ERROR);
  EXPECT_EQ(host_.open_error, rules +
                                  ":11:20: check 'ci-tests' (checks[0]): evidence[0].contains[0]: invalid "
                                  "pattern: missing closing parenthesis at offset 10");
  EXPECT_TRUE(host_.assessments.empty());
}

TEST_F(MaturityPlugin, ConfigurationErrorsNameTheField) {
  EXPECT_EQ(host_.run(R"({"rules": "/does/not/exist.yaml"})"), ASSAY_ERROR);
  EXPECT_EQ(
      host_.open_error,
      "plugins.maturity.rules: cannot read the rule file '/does/not/exist.yaml': No such file or directory");
  EXPECT_EQ(host_.run(R"({"skip": ["no-such-check"]})"), ASSAY_ERROR);
  EXPECT_EQ(host_.open_error, "plugins.maturity.skip[0]: no check 'no-such-check' in the rule files");
  EXPECT_EQ(host_.run(R"({"colour": 1})"), ASSAY_ERROR);
  EXPECT_EQ(
      host_.open_error,
      "plugins.maturity: unknown key 'colour'; known keys: enabled, rules, extra_rules, skip, emit_findings, "
      "max_file_size");
}

TEST_F(MaturityPlugin, AnOlderHostWithoutAssessmentsStillGetsTheFindings) {
  host_.api_size = offsetof(assay_host_api, file_history);  // a 1.0 host
  ASSERT_EQ(host_.run(R"({"rules": ")" + write("r.yaml", rules_with(kTwoChecks)) + R"("})"), ASSAY_OK);
  EXPECT_TRUE(host_.assessments.empty());
  EXPECT_EQ(host_.findings.size(), 2u);
  EXPECT_TRUE(host_.logged(ASSAY_LOG_WARN, "this host takes no maturity assessment"));
}

TEST_F(MaturityPlugin, HistoryChecksSayWhyTheyAreInconclusive) {
  host_.files = {{"CHANGELOG.md", "markdown", "# 1.0\n"}};
  ASSERT_EQ(host_.run(), ASSAY_OK) << host_.open_error;
  auto a = nlohmann::json::parse(host_.assessments.at(0));
  auto check = [&](const std::string& id) {
    for (const auto& c : a["checks"])
      if (c["id"] == id) return c;
    return nlohmann::json();
  };
  EXPECT_EQ(check("changelog-maintained")["status"], "inconclusive");
  EXPECT_EQ(
      check("changelog-maintained")["evidence"],
      nlohmann::json::parse(R"(["history: the scan target is not a git repository, so it has no history"])"));
  host_.commit = "0123456789012345678901234567890123456789";
  host_.assessments.clear();
  ASSERT_EQ(host_.run(), ASSAY_OK);
  a = nlohmann::json::parse(host_.assessments.at(0));
  EXPECT_EQ(check("maintained")["evidence"],
            nlohmann::json::parse(
                R"x(["history: this host offers no history functions to plugins (a host API 1.0 host)"])x"));
}

}  // namespace
