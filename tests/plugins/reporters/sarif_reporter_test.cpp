// The sarif-report reporter: the shape of its SARIF 2.1.0 log checked
// against what the SARIF schema requires of the parts it writes, and the
// round trip of that log through the sarif scanner.
#include <gtest/gtest.h>

#include <set>

#include "reporter_harness.h"
#include "scanner_host.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

using nlohmann::ordered_json;

// What SARIF 2.1.0 (sarif-schema-2.1.0.json) requires of the parts the
// reporter writes; each violation is one line naming where.
std::vector<std::string> shape_problems(const ordered_json& log) {
  std::vector<std::string> problems;
  auto check = [&](bool ok, const std::string& where) {
    if (!ok) problems.push_back(where);
  };
  check(log.value("version", "") == "2.1.0", "version must be 2.1.0");
  check(log.contains("$schema") && log["$schema"].is_string(), "$schema must be a URI string");
  check(log.contains("runs") && log["runs"].is_array() && log["runs"].size() == 1, "runs must hold one run");
  if (!problems.empty()) return problems;
  const ordered_json& run = log["runs"][0];
  const ordered_json& driver = run["tool"]["driver"];
  check(driver.is_object() && driver.value("name", "") == "assay", "runs[0].tool.driver.name must be assay");
  check(driver["rules"].is_array(), "runs[0].tool.driver.rules must be an array");
  std::set<std::string> rule_ids;
  for (size_t i = 0; i < driver["rules"].size(); ++i) {
    const ordered_json& rule = driver["rules"][i];
    check(rule["id"].is_string(), "rules[" + std::to_string(i) + "].id must be a string");
    check(rule_ids.insert(rule.value("id", "")).second, "rules[" + std::to_string(i) + "].id must be unique");
  }
  check(run["originalUriBaseIds"]["SRCROOT"].is_object(), "SRCROOT must be described");
  check(run["results"].is_array(), "runs[0].results must be an array");
  const std::set<std::string> levels = {"none", "note", "warning", "error"};
  for (size_t i = 0; i < run["results"].size(); ++i) {
    const ordered_json& r = run["results"][i];
    const std::string at = "results[" + std::to_string(i) + "]";
    check(r["message"]["text"].is_string() && !r["message"]["text"].get<std::string>().empty(),
          at + ".message.text must be a non-empty string");
    check(levels.count(r.value("level", "")) == 1, at + ".level must be a SARIF level");
    const size_t index = r.value("ruleIndex", static_cast<size_t>(-1));
    check(index < driver["rules"].size() && driver["rules"][index]["id"] == r["ruleId"],
          at + ".ruleIndex must name the rule with its ruleId");
    check(r["partialFingerprints"].is_object() && r["partialFingerprints"]["assay/v1"].is_string(),
          at + ".partialFingerprints must map names to strings");
    if (!r.contains("locations")) continue;
    check(r["locations"].is_array() && r["locations"].size() == 1, at + ".locations must hold one location");
    const ordered_json& physical = r["locations"][0]["physicalLocation"];
    const std::string uri = physical["artifactLocation"].value("uri", "");
    check(!uri.empty() && uri.front() != '/' && uri.find(' ') == std::string::npos &&
              uri.find(':') == std::string::npos,
          at + " uri must be a relative reference without spaces or colons: " + uri);
    check(physical["artifactLocation"].value("uriBaseId", "") == "SRCROOT",
          at + " uri must be relative to SRCROOT");
    if (physical.contains("region")) {
      const ordered_json& region = physical["region"];
      check(region["startLine"].is_number_unsigned() && region["startLine"].get<uint64_t>() >= 1,
            at + ".region.startLine must be >= 1");
      check(!region.contains("endLine") ||
                region["endLine"].get<uint64_t>() >= region["startLine"].get<uint64_t>(),
            at + ".region.endLine must not precede startLine");
    }
  }
  return problems;
}

class SarifReporterTest : public ::testing::Test {
 protected:
  RunInput sample_input() {
    RunInput input;
    input.items = sample_items();
    input.items.push_back(
        make_item("CQ-002", "Odd path", "code-quality", "markers", "web/main page:ä.js", 2, 2, 1, 5, 10, 6));
    input.items.back().json["severity"] = nullptr;
    input.items.back().json["tags"] = {"code-quality", "marker"};
    input.items[1].json["severity"] = "critical";
    input.items[4].json["severity"] = "info";
    input.header = sample_header(input.items.size(), "TD-001");
    input.output_dir = scratch.path() / "out";
    return input;
  }

  ordered_json run_and_read(RunInput& input) {
    const RunResult result = reporter.run(input);
    EXPECT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;
    return ordered_json::parse(read_file(input.output_dir / "backlog.sarif"));
  }

  LoadedReporter reporter{"sarif-report"};
  ScratchDir scratch;
};

TEST_F(SarifReporterTest, DeclaresItselfAsReporter) {
  EXPECT_EQ(reporter.plugin().kind, ASSAY_KIND_REPORTER);
  EXPECT_STREQ(reporter.plugin().name, "sarif-report");
  EXPECT_EQ(ordered_json::parse(reporter.plugin().config_schema)["properties"]["file"]["default"],
            "backlog.sarif");
}

TEST_F(SarifReporterTest, WritesValidSarifWithOneResultPerItem) {
  RunInput input = sample_input();
  const ordered_json log = run_and_read(input);
  EXPECT_EQ(shape_problems(log), std::vector<std::string>{});
  const ordered_json& run = log["runs"][0];
  ASSERT_EQ(run["results"].size(), 6u);
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
  EXPECT_EQ(
      run["tool"]["driver"]["rules"],
      ordered_json::parse(
          R"([{"id": "marker-comment", "name": "marker-comment", "properties": {"sources": ["markers"]}},
                                    {"id": "missing-api-docs", "name": "missing-api-docs", "properties": {"sources": ["maturity"]}}])"));
  const ordered_json& first = run["results"][0];
  EXPECT_EQ(first["ruleId"], "marker-comment");
  EXPECT_EQ(first["level"], "warning");
  EXPECT_EQ(first["message"]["text"], "Overflow in the expression parser");
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "src/parser.c");
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["region"],
            ordered_json::parse(R"({"startLine": 10, "endLine": 12})"));
  EXPECT_EQ(first["partialFingerprints"]["assay/v1"], "9f2c1e81a7d3b40c5");
  EXPECT_EQ(first["properties"]["tags"], ordered_json::parse(R"(["technical-debt", "marker", "debt"])"));
  EXPECT_EQ(first["properties"]["assay"]["key"], "TD-001");
  EXPECT_DOUBLE_EQ(first["properties"]["assay"]["scores"]["composite"].get<double>(), 35.24);
  EXPECT_EQ(run["results"][1]["level"], "error");  // critical
  EXPECT_EQ(run["results"][2]["locations"][0]["physicalLocation"]["region"],
            ordered_json::parse(R"({"startLine": 88})"));
  EXPECT_FALSE(run["results"][4].contains("locations"));  // not bound to a file
  EXPECT_EQ(run["results"][4]["level"], "note");          // info
  EXPECT_EQ(run["results"][5]["level"], "warning");       // no severity stated
  EXPECT_EQ(run["results"][5]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "web/main%20page%3A%C3%A4.js");
  EXPECT_EQ(run["results"][5]["properties"]["tags"], ordered_json::parse(R"(["code-quality", "marker"])"));
  EXPECT_EQ(run["properties"]["assay"]["next_best"], "TD-001");
}

TEST_F(SarifReporterTest, AnEmptyBacklogIsAnEmptyRun) {
  RunInput input = sample_input();
  input.items.clear();
  input.header = sample_header(0, "");
  const ordered_json log = run_and_read(input);
  EXPECT_EQ(shape_problems(log), std::vector<std::string>{});
  EXPECT_EQ(log["runs"][0]["results"], ordered_json::array());
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["rules"], ordered_json::array());
}

TEST_F(SarifReporterTest, FingerprintsAreTheItemsAndStableAcrossRuns) {
  RunInput input = sample_input();
  const ordered_json first = run_and_read(input);
  RunInput again = sample_input();
  const ordered_json second = run_and_read(again);
  for (size_t i = 0; i < first["runs"][0]["results"].size(); ++i)
    EXPECT_EQ(first["runs"][0]["results"][i]["partialFingerprints"],
              second["runs"][0]["results"][i]["partialFingerprints"]);
}

TEST_F(SarifReporterTest, MalformedItemsAndCountsFailTheReport) {
  RunInput input = sample_input();
  ordered_json without_rule = input.items[2].json;
  without_rule.erase("rule");
  input.items[2].json_text_override = without_rule.dump();
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "item");
  EXPECT_NE(result.error.find("item TD-002: field 'rule' is missing"), std::string::npos) << result.error;
  EXPECT_FALSE(std::filesystem::exists(input.output_dir / "backlog.sarif"));

  RunInput short_input = sample_input();
  short_input.announced_items = 9;
  result = reporter.run(short_input);
  EXPECT_EQ(result.failed_stage, "end");
  EXPECT_NE(result.error.find("announced 9 items but 6 arrived"), std::string::npos) << result.error;

  RunInput bad_config = sample_input();
  bad_config.config = R"({"file": "../x.sarif"})";
  result = reporter.run(bad_config);
  EXPECT_EQ(result.failed_stage, "begin");
  EXPECT_NE(result.error.find("plugins.sarif-report.file"), std::string::npos) << result.error;
}

TEST_F(SarifReporterTest, RoundTripThroughTheSarifScanner) {
  RunInput input = sample_input();
  run_and_read(input);
  ScannerHost scanner("sarif");
  scanner.files = {{".assay/backlog.sarif", read_file(input.output_dir / "backlog.sarif"), ""}};
  ASSERT_EQ(scanner.run(R"({"paths": [".assay/*.sarif"]})"), ASSAY_OK) << scanner.scan_error();
  EXPECT_FALSE(scanner.logged(ASSAY_LOG_WARN, "")) << scanner.log_text();
  ASSERT_EQ(scanner.findings().size(), input.items.size()) << scanner.log_text();
  for (const ReportItem& item : input.items) {
    const ordered_json& j = item.json;
    const std::string key = j["key"];
    const EmittedFinding* found = nullptr;
    for (const EmittedFinding& f : scanner.findings()) {
      if (f.details["properties"]["assay"]["key"] == key) found = &f;
    }
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(found->rule, j["rule"]) << key;
    EXPECT_EQ(found->path, j["location"]["path"]) << key;
    EXPECT_EQ(found->line_start, j["location"]["line_start"]) << key;
    EXPECT_EQ(found->line_end, j["location"]["line_end"]) << key;
    EXPECT_EQ(found->category, j["category"]) << key;
    const std::string title = j["title"];
    EXPECT_EQ(found->title, j["rule"].get<std::string>() + ": " + title.substr(0, title.find('\n'))) << key;
    EXPECT_EQ(found->evidence, title) << key;
    EXPECT_EQ(found->identity, "assay\npartialFingerprints\nassay/v1=" + j["fingerprint"].get<std::string>())
        << key;
    EXPECT_EQ(found->details["properties"]["assay"]["scores"], j["scores"]) << key;
  }
  // Severities pass through SARIF's levels: critical and high come back as
  // high, low and info as low.
  auto severity_of = [&](const std::string& key) {
    for (const EmittedFinding& f : scanner.findings()) {
      if (f.details["properties"]["assay"]["key"] == key) return f.severity;
    }
    return std::string();
  };
  EXPECT_EQ(severity_of("TD-001"), "medium");
  EXPECT_EQ(severity_of("SEC-001"), "high");
  EXPECT_EQ(severity_of("DOC-001"), "low");
}

}  // namespace
}  // namespace assay::test
