// The SARIF reader on files in the shapes real tools write (fixtures/),
// without a host: findings, problems and counts for each.
#include "sarif_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "line_identity.h"

namespace assay::sarif {
namespace {

using nlohmann::json;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/tests/plugins/scanners/sarif/fixtures/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Lines of the repository files some results point to.
const std::map<std::string, std::vector<std::string>> kLines = {
    {"app/util.py", {"import os", "", "def same(x):", "    value = compute_something_long(x)  # long line"}},
    {"app/settings.py", {"import os", "PASSWORD = \"hunter2\"", "TEST_PASSWORD = \"test\""}},
    {"src/parser.c", {"int parse(char *p) {", "  int unused;", "  p = 0;", "  return *p;", "}"}},
};

struct Collected : SarifEvents {
  std::vector<sdk::Finding> findings;
  ProblemList problems;
  bool on_finding(sdk::Finding&& finding) override {
    findings.push_back(std::move(finding));
    return true;
  }
  void on_problem(const SarifProblem& problem) override { problems.push_back(problem); }
};

struct Read {
  SarifFileSummary summary;
  Collected events;

  const sdk::Finding& finding(const std::string& rule, uint32_t line) const {
    for (const auto& f : events.findings) {
      if (f.rule == rule && f.line_start == line) return f;
    }
    throw std::runtime_error("no finding " + rule + "@" + std::to_string(line));
  }
  json details(const std::string& rule, uint32_t line) const {
    return json::parse(finding(rule, line).details_json);
  }
  std::vector<std::string> problem_lines() const {
    std::vector<std::string> out;
    for (const auto& p : events.problems) out.push_back(p.path + ": " + p.message);
    return out;
  }
};

SarifOptions options_for_repo() {
  SarifOptions options = SarifOptions::defaults();
  options.repository_root = "/repo";
  return options;
}

Read read_fixture(const std::string& name, const SarifOptions& options = options_for_repo()) {
  const UriResolver resolver(options.repository_root, options.source_roots, options.uri_base_ids);
  const LineHashSource lines = [](const std::string& path, uint32_t line) -> std::optional<uint64_t> {
    const auto it = kLines.find(path);
    if (it == kLines.end() || line == 0 || line > it->second.size()) return std::nullopt;
    return line_text_hash(it->second[line - 1]);
  };
  Read read;
  const std::string text = fixture(name);
  read.summary = read_sarif(text, "reports/" + name, options, resolver, lines, read.events);
  return read;
}

std::string line_hash_identity(const std::string& tool, const std::string& text) {
  return line_identity(tool, "line-text", line_text_hash(text));
}

TEST(SarifReader, RuffAbsoluteUrisInsideAndOutsideTheRepository) {
  const Read r = read_fixture("ruff.sarif");
  EXPECT_TRUE(r.summary.readable);
  EXPECT_EQ(r.summary.results, 3u);
  EXPECT_EQ(r.summary.findings, 2u);
  EXPECT_EQ(r.summary.refused, 1u);
  ASSERT_EQ(r.events.findings.size(), 2u);

  const sdk::Finding& f401 = r.finding("F401", 1);
  EXPECT_EQ(f401.title, "F401: `os` imported but unused");
  EXPECT_EQ(f401.path, "app/util.py");
  EXPECT_EQ(f401.line_end, 1u);
  EXPECT_EQ(f401.category, "code-quality");
  EXPECT_EQ(f401.severity, "high");
  EXPECT_LT(f401.cvss, 0);
  EXPECT_LT(f401.confidence, 0);
  EXPECT_EQ(f401.evidence, "`os` imported but unused");
  EXPECT_EQ(f401.identity, line_hash_identity("ruff", "import os"));
  EXPECT_EQ(f401.tags, (std::vector<std::string>{"sarif", "ruff"}));
  const json d = r.details("F401", 1);
  EXPECT_EQ(d["sarif_file"], "reports/ruff.sarif");
  EXPECT_EQ(d["run"], 0);
  EXPECT_EQ(d["result"], 0);
  EXPECT_EQ(d["tool"], json::parse(R"({"name": "ruff", "version": "0.4.4"})"));
  EXPECT_EQ(d["rule"]["help_uri"], "https://docs.astral.sh/ruff/rules/unused-import");
  EXPECT_EQ(d["rule"]["properties"]["name"], "unused-import");
  EXPECT_EQ(d["rule"]["full_description"], "## What it does\nChecks for unused imports.\n");
  EXPECT_EQ(d["identity"], "line-text");
  EXPECT_EQ(d["locations"][0], json::parse(R"({"path": "app/util.py", "uri": "file:///repo/app/util.py",
                                               "line_start": 1, "line_end": 1, "column_start": 8, "column_end": 10})"));
  EXPECT_EQ(d["fixes"][0]["description"]["text"], "Remove unused import: `os`");

  ASSERT_EQ(r.events.problems.size(), 1u);
  EXPECT_EQ(r.events.problems[0].kind, ProblemKind::location_refused);
  EXPECT_EQ(
      r.problem_lines()[0],
      "runs[0].results[2].locations[0]: uri 'file:///usr/lib/python3/dist-packages/vendored.py': "
      "'/usr/lib/python3/dist-packages/vendored.py' is outside the repository; this location is not used");
}

TEST(SarifReader, BanditIsASecurityToolAndHonoursNosec) {
  const Read r = read_fixture("bandit.sarif");
  EXPECT_EQ(r.summary.findings, 2u);
  EXPECT_EQ(r.summary.suppressed, 1u);
  const sdk::Finding& password = r.finding("B105", 2);
  EXPECT_EQ(password.path, "app/settings.py");
  EXPECT_EQ(password.category, "security");
  EXPECT_EQ(password.severity, "low");
  EXPECT_DOUBLE_EQ(password.confidence, 0.7);  // issue_confidence MEDIUM
  EXPECT_EQ(password.identity, line_hash_identity("Bandit", "PASSWORD = \"hunter2\""));
  EXPECT_EQ(password.tags, (std::vector<std::string>{"sarif", "bandit", "cwe-259", "security"}));
  const json d = r.details("B105", 2);
  EXPECT_EQ(d["cwe"], json::parse(R"(["CWE-259"])"));
  EXPECT_EQ(d["rule"]["name"], "hardcoded_password_string");
  EXPECT_EQ(d["properties"]["issue_severity"], "LOW");
  EXPECT_EQ(d["locations"][0]["snippet"], "PASSWORD = \"hunter2\"\n");

  const sdk::Finding& sql = r.finding("B608", 6);
  EXPECT_EQ(sql.severity, "medium");
  EXPECT_DOUBLE_EQ(sql.confidence, 0.5);
  // app/db.py is not among the known files: the snippet stands in.
  EXPECT_EQ(sql.identity,
            line_identity("Bandit", "snippet",
                          line_text_hash("query = \"SELECT * FROM users WHERE name = '%s'\" % name")));
  EXPECT_TRUE(r.events.problems.empty()) << r.problem_lines()[0];
}

TEST(SarifReader, SemgrepTagsDecideTheCategoryAndContestedSuppressionsKeepResults) {
  const Read r = read_fixture("semgrep.sarif");
  EXPECT_EQ(r.summary.findings, 2u);
  EXPECT_EQ(r.summary.suppressed, 1u);
  const std::string sql_rule = "python.lang.security.audit.formatted-sql-query.formatted-sql-query";
  const sdk::Finding& sql = r.finding(sql_rule, 6);
  EXPECT_EQ(sql.path, "app/db.py");
  EXPECT_EQ(sql.category, "security");
  EXPECT_EQ(sql.severity, "medium");  // the rule's defaultConfiguration.level warning
  EXPECT_DOUBLE_EQ(sql.confidence, 0.95);
  EXPECT_EQ(sql.identity,
            fingerprint_identity("Semgrep OSS", {{"matchBasedId/v1",
                                                  "8e2b1f0c9d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5"
                                                  "e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"}}));
  EXPECT_EQ(r.details(sql_rule, 6)["identity"], "fingerprints");
  EXPECT_EQ(r.details(sql_rule, 6)["cwe"], json::parse(R"(["CWE-89"])"));

  const sdk::Finding& eqeq = r.finding("python.lang.correctness.useless-eqeq.useless-eqeq", 7);
  EXPECT_EQ(eqeq.category, "code-quality");
  EXPECT_EQ(eqeq.severity, "high");
  EXPECT_EQ(r.details(eqeq.rule, 7)["suppressions"][0]["status"], "underReview");
}

TEST(SarifReader, CodeqlOutsideTheCheckoutIsRefusedWithoutSourceRoots) {
  const Read r = read_fixture("codeql.sarif");
  EXPECT_EQ(r.summary.results, 3u);
  EXPECT_EQ(r.summary.findings, 0u);
  EXPECT_EQ(r.summary.refused, 2u);
  EXPECT_EQ(r.summary.baseline_filtered, 1u);
  ASSERT_EQ(r.events.problems.size(), 2u);
  EXPECT_EQ(r.problem_lines()[0],
            "runs[0].results[0].locations[0]: uri 'app/db.py': '/home/runner/work/app/app/app/db.py' is "
            "outside the "
            "repository; this location is not used");
}

TEST(SarifReader, CodeqlWithItsCheckoutAsSourceRoot) {
  SarifOptions options = options_for_repo();
  options.source_roots = {"/home/runner/work/app/app"};
  const Read r = read_fixture("codeql.sarif", options);
  EXPECT_EQ(r.summary.findings, 2u);
  EXPECT_EQ(r.summary.baseline_filtered, 1u);
  EXPECT_TRUE(r.events.problems.empty()) << r.problem_lines()[0];

  const sdk::Finding& sql = r.finding("py/sql-injection", 6);
  EXPECT_EQ(sql.title, "py/sql-injection: This SQL query depends on a user-provided value.");
  EXPECT_EQ(sql.path, "app/db.py");
  EXPECT_EQ(sql.line_end, 6u);
  EXPECT_EQ(sql.category, "security");
  EXPECT_EQ(sql.severity, "high");
  EXPECT_DOUBLE_EQ(sql.cvss, 8.8);
  EXPECT_DOUBLE_EQ(sql.confidence, 0.9);
  EXPECT_EQ(sql.identity, fingerprint_identity("CodeQL", {{"primaryLocationLineHash", "7a0c1f1b9e2e8a94:1"},
                                                          {"primaryLocationStartColumnFingerprint", "15"}}));
  const json d = r.details("py/sql-injection", 6);
  EXPECT_EQ(d["tool"]["component"], "codeql/python-queries");
  EXPECT_EQ(d["tool"]["version"], "2.17.2");
  EXPECT_EQ(d["rule"]["short_description"], "SQL query built from user-controlled sources");
  EXPECT_DOUBLE_EQ(d["security_severity"].get<double>(), 8.8);
  EXPECT_EQ(d["baseline_state"], "new");
  EXPECT_EQ(d["automation_id"], "/language:python/");
  ASSERT_EQ(d["code_flows"].size(), 1u);
  ASSERT_EQ(d["code_flows"][0].size(), 2u);
  EXPECT_EQ(d["code_flows"][0][0]["path"], "app/views.py");
  EXPECT_EQ(d["code_flows"][0][0]["message"], "ControlFlowNode for request.args");
  EXPECT_EQ(d["code_flows"][0][1]["path"], "app/db.py");  // given by artifact index only
  EXPECT_EQ(d["related_locations"][0]["message"], "user-provided value");
  EXPECT_EQ(d["related_locations"][0]["line_start"], 3);

  const sdk::Finding& unused = r.finding("py/unused-import", 1);
  EXPECT_EQ(unused.title, "py/unused-import: Import of 'sys' is not used.");
  EXPECT_EQ(unused.path, "app/views.py");
  EXPECT_EQ(unused.category, "technical-debt");
  EXPECT_EQ(unused.severity, "low");
  EXPECT_EQ(unused.tags, (std::vector<std::string>{"sarif", "codeql", "maintainability", "useless-code"}));
}

TEST(SarifReader, BaselineStatesAreConfigurable) {
  SarifOptions options = options_for_repo();
  options.source_roots = {"/home/runner/work/app/app"};
  options.baseline_states = {"absent"};
  const Read r = read_fixture("codeql.sarif", options);
  ASSERT_EQ(r.summary.findings, 1u);
  EXPECT_EQ(r.summary.baseline_filtered, 2u);
  EXPECT_EQ(r.events.findings[0].path, "app/old.py");
}

TEST(SarifReader, TrivySecuritySeverityAndAbsoluteBase) {
  const Read r = read_fixture("trivy.sarif");
  ASSERT_EQ(r.summary.findings, 2u);
  const sdk::Finding& flask = r.finding("CVE-2023-30861", 1);
  EXPECT_EQ(flask.path, "requirements.txt");
  EXPECT_EQ(flask.title, "CVE-2023-30861: Package: flask");
  EXPECT_EQ(flask.severity, "high");
  EXPECT_DOUBLE_EQ(flask.cvss, 7.5);
  EXPECT_EQ(flask.category, "security");
  EXPECT_NE(flask.evidence.find("Link: CVE-2023-30861"), std::string::npos) << flask.evidence;
  EXPECT_EQ(r.details("CVE-2023-30861", 1)["locations"][0]["message"], "requirements.txt: flask@2.2.2");
  EXPECT_EQ(r.details("CVE-2023-30861", 1)["identity"], "message");
  const sdk::Finding& example = r.finding("CVE-2024-0001", 2);
  EXPECT_EQ(example.severity, "critical");
  EXPECT_DOUBLE_EQ(example.cvss, 9.8);
}

TEST(SarifReader, EslintArtifactsByIndexAndEscapedUris) {
  const Read r = read_fixture("eslint.sarif");
  EXPECT_EQ(r.summary.findings, 2u);
  EXPECT_EQ(r.summary.suppressed, 1u);
  EXPECT_EQ(r.finding("no-unused-vars", 1).path, "web/main page.js");
  EXPECT_EQ(r.finding("no-unused-vars", 1).severity, "high");
  EXPECT_EQ(r.finding("eqeqeq", 2).path, "web/util.js");
  EXPECT_EQ(r.finding("eqeqeq", 2).severity, "medium");
  EXPECT_EQ(r.finding("eqeqeq", 2).category, "code-quality");
}

TEST(SarifReader, CppcheckQualityCwesAreNotSecurity) {
  const Read r = read_fixture("cppcheck.sarif");
  ASSERT_EQ(r.summary.findings, 2u);
  const sdk::Finding& null_pointer = r.finding("nullPointer", 4);
  EXPECT_EQ(null_pointer.category, "security");
  EXPECT_EQ(null_pointer.severity, "critical");
  EXPECT_DOUBLE_EQ(null_pointer.cvss, 9.9);
  EXPECT_EQ(null_pointer.identity, fingerprint_identity("Cppcheck", {{"hash", "0x2f3e4d5c6b7a8988"}}));
  const sdk::Finding& unused = r.finding("unusedVariable", 2);
  EXPECT_EQ(unused.category, "code-quality");
  EXPECT_EQ(unused.severity, "low");
  EXPECT_DOUBLE_EQ(unused.confidence, 0.7);
  EXPECT_EQ(unused.tags, (std::vector<std::string>{"sarif", "cppcheck", "cwe-563"}));
}

TEST(SarifReader, GccBuildDirectoryBaseTaxaAndCodeFlows) {
  const Read r = read_fixture("gcc.sarif");
  ASSERT_EQ(r.summary.findings, 2u);
  const sdk::Finding& unused = r.finding("-Wunused-variable", 3);
  EXPECT_EQ(unused.path, "src/main.c");
  EXPECT_EQ(unused.category, "code-quality");
  EXPECT_EQ(unused.severity, "medium");
  const json d = r.details("-Wunused-variable", 3);
  EXPECT_EQ(d["locations"][0],
            json::parse(R"({"path": "src/main.c", "uri": "../src/main.c", "uri_base_id": "PWD",
      "line_start": 3, "line_end": 3, "column_start": 7, "column_end": 13, "snippet": "  int unused;\n",
      "logical": ["main"]})"));
  // src/main.c is not among the known files: the context snippet's line stands in.
  EXPECT_EQ(unused.identity, line_identity("GNU C17", "snippet", line_text_hash("int unused;")));

  const sdk::Finding& double_free = r.finding("-Wanalyzer-double-free", 6);
  EXPECT_EQ(double_free.category, "security");
  EXPECT_EQ(double_free.title, "-Wanalyzer-double-free: double-'free' of 'p'");
  const json flow = r.details("-Wanalyzer-double-free", 6)["code_flows"][0];
  ASSERT_EQ(flow.size(), 3u);
  EXPECT_EQ(flow[1]["line_start"], 5);
  EXPECT_EQ(flow[1]["message"], "(2) first 'free' here");
  EXPECT_EQ(r.details("-Wanalyzer-double-free", 6)["cwe"], json::parse(R"(["CWE-415"])"));
}

TEST(SarifReader, MultipleRunsKindsAndARunWithoutTool) {
  const Read r = read_fixture("multi-run.sarif");
  EXPECT_EQ(r.summary.runs, 4u);
  EXPECT_EQ(r.summary.results, 5u);
  EXPECT_EQ(r.summary.findings, 3u);
  EXPECT_EQ(r.summary.not_a_problem, 2u);
  EXPECT_EQ(r.finding("R1", 1).category, "performance");
  const sdk::Finding& undescribed = r.finding("R2", 0);
  EXPECT_EQ(undescribed.path, "");
  EXPECT_EQ(undescribed.severity, "info");
  EXPECT_EQ(undescribed.category, "code-quality");
  EXPECT_EQ(r.finding("T1", 0).category, "documentation");
  EXPECT_EQ(r.finding("T1", 0).path, "README.md");
  EXPECT_EQ(r.finding("T1", 0).severity, "high");
  ASSERT_EQ(r.events.problems.size(), 1u);
  EXPECT_EQ(r.events.problems[0].kind, ProblemKind::run_skipped);
  EXPECT_EQ(r.problem_lines()[0],
            "runs[2].tool.driver.name: is missing or empty; the run's results are skipped");
}

TEST(SarifReader, MalformedResultsAreSkippedAndTheRestRead) {
  const Read r = read_fixture("bad-shapes.sarif");
  EXPECT_EQ(r.summary.results, 10u);
  EXPECT_EQ(r.summary.findings, 6u);
  EXPECT_EQ(r.summary.malformed, 2u);
  EXPECT_EQ(r.summary.refused, 2u);
  EXPECT_EQ(
      r.problem_lines(),
      (std::vector<std::string>{
          "runs[0].results[1].locations: must be an array, got a string; the result is skipped",
          "runs[0].results[2]: must be an object, got a number; the result is skipped",
          "runs[0].results[3].level: 'fatal' is not a SARIF level (none, note, warning, error); left out",
          "runs[0].results[4].ruleIndex: 7 names no rule of 'shape-tester' (1 rules); left out",
          "runs[0].results[5].locations[0]: uri '../../etc/passwd': the path climbs above the repository "
          "root; this location is not used",
          "runs[0].results[6].locations[0]: uri 'https://example.com/a.c': a https: URI does not name a file "
          "of the repository; this location is not used",
          "runs[0].results[7].relatedLocations[0]: uri 'file:///etc/shadow': '/etc/shadow' is outside the "
          "repository; this location is not used",
          "runs[0].results[8].message: is missing; the rule's description is used",
          "runs[0].results[9].locations[0].physicalLocation.region.startLine: must be 1 or more (lines and "
          "columns count from 1); the region is left out"}));
  EXPECT_EQ(r.events.findings[1].severity, "medium");  // results[3]: the unknown level counts as warning
  EXPECT_EQ(r.finding("S1", 2).title, "S1: related outside");
  EXPECT_EQ(r.details("S1", 2)["refused_locations"][0]["reason"], "'/etc/shadow' is outside the repository");
  EXPECT_EQ(r.finding("S1", 3).title, "S1: S1 describes itself");
  EXPECT_EQ(r.events.findings[5].title, "S1: line zero");
  EXPECT_EQ(r.events.findings[5].line_start, 0u);
  EXPECT_EQ(r.events.findings[5].path, "src/parser.c");
}

TEST(SarifReader, TruncatedFileIsOneErrorAndNoFindings) {
  const Read r = read_fixture("truncated.sarif");
  EXPECT_FALSE(r.summary.readable);
  EXPECT_TRUE(r.events.findings.empty());
  ASSERT_EQ(r.events.problems.size(), 1u);
  const SarifProblem& p = r.events.problems[0];
  EXPECT_EQ(p.kind, ProblemKind::file_unreadable);
  EXPECT_EQ(p.path, "runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri");
  // The last line holds 127 bytes; the text ends after them (docs/configuration.md quotes this message).
  EXPECT_EQ(
      p.message,
      "line 8, column 128: syntax error while parsing value - invalid string: missing closing quote; last "
      "read: '\"src/pa'");
}

TEST(SarifReader, OtherVersionsAndOtherJsonAreNotRead) {
  const Read old = read_fixture("bad-version.sarif");
  EXPECT_FALSE(old.summary.readable);
  EXPECT_EQ(old.problem_lines(), std::vector<std::string>{"version: is '2.0.0'; only SARIF 2.1.0 is read"});
  const Read other = read_fixture("not-sarif.json");
  EXPECT_EQ(other.problem_lines(), std::vector<std::string>{"version: is missing: this is not a SARIF log"});
  const Read garbage = read_fixture("garbage.sarif");
  ASSERT_EQ(garbage.events.problems.size(), 1u);
  EXPECT_EQ(garbage.events.problems[0].path, "(top level)");
  EXPECT_TRUE(garbage.events.problems[0].message.starts_with("line 1, column 2: syntax error"))
      << garbage.problem_lines()[0];
}

TEST(SarifReader, StopsWhenTheEventsSayStop) {
  struct StopAtFirst : SarifEvents {
    int findings = 0;
    bool on_finding(sdk::Finding&&) override {
      ++findings;
      return false;
    }
    void on_problem(const SarifProblem&) override {}
  } events;
  const SarifOptions options = options_for_repo();
  const UriResolver resolver(options.repository_root, {}, {});
  const SarifFileSummary summary =
      read_sarif(fixture("trivy.sarif"), "t.sarif", options, resolver, {}, events);
  EXPECT_TRUE(summary.stopped);
  EXPECT_EQ(events.findings, 1);
}

}  // namespace
}  // namespace assay::sarif
