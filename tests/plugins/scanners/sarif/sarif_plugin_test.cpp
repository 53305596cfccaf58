// The built sarif plugin through the C ABI: SARIF files and the files they
// point to served by a test host, as the real host would.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scanner_host.h"

namespace assay::test {
namespace {

using nlohmann::json;

std::string fixture(const std::string& name) {
  return read_source_file("tests/plugins/scanners/sarif/fixtures/" + name);
}

const char* kSettings = "import os\nPASSWORD = \"hunter2\"\nTEST_PASSWORD = \"test\"\n";
const char* kParser = "int parse(char *p) {\n  int unused;\n  p = 0;\n  return *p;\n}\n";

class SarifPlugin : public ::testing::Test {
 protected:
  ScannerHost host_{"sarif"};

  void serve(std::initializer_list<std::string> fixtures) {
    for (const std::string& name : fixtures)
      host_.files.push_back({"reports/" + name, fixture(name), "json"});
    host_.files.push_back({"app/settings.py", kSettings, "python"});
    host_.files.push_back({"src/parser.c", kParser, "c"});
  }
};

TEST_F(SarifPlugin, DescribesItselfWithASchema) {
  EXPECT_STREQ(host_.plugin().name, "sarif");
  EXPECT_EQ(host_.plugin().kind, static_cast<uint32_t>(ASSAY_KIND_SCANNER));
  const json schema = json::parse(host_.plugin().config_schema);
  EXPECT_EQ(schema["properties"]["paths"]["default"], json::array());
}

TEST_F(SarifPlugin, WithoutPathsItReadsNothing) {
  serve({"bandit.sarif"});
  ASSERT_EQ(host_.run("{}"), ASSAY_OK) << host_.scan_error();
  EXPECT_TRUE(host_.findings().empty());
  EXPECT_EQ(host_.reads(), 0);
  EXPECT_TRUE(host_.logged(ASSAY_LOG_DEBUG, "plugins.sarif.paths is empty")) << host_.log_text();
}

TEST_F(SarifPlugin, PatternsThatMatchNothingAreReported) {
  serve({"bandit.sarif"});
  ASSERT_EQ(host_.run(R"({"paths": ["*.sarif", "out/**/*.sarif"]})"), ASSAY_OK);
  EXPECT_TRUE(host_.findings().empty());
  EXPECT_TRUE(host_.logged(ASSAY_LOG_WARN, "plugins.sarif.paths (*.sarif, out/**/*.sarif) matched no file"))
      << host_.log_text();
}

TEST_F(SarifPlugin, ReadsSarifFilesAndTheLinesTheyPointTo) {
  serve({"bandit.sarif", "cppcheck.sarif"});
  ASSERT_EQ(host_.run(R"({"paths": ["reports/*.sarif"]})"), ASSAY_OK) << host_.scan_error();
  ASSERT_EQ(host_.findings().size(), 4u) << host_.log_text();
  const EmittedFinding password = host_.with_rule("B105").at(0);
  EXPECT_EQ(password.path, "app/settings.py");
  EXPECT_EQ(password.category, "security");
  // The identity comes from the line in the repository, read through the host.
  EXPECT_EQ(password.details["identity"], "line-text");
  EXPECT_EQ(password.details["sarif_file"], "reports/bandit.sarif");
  const EmittedFinding null_pointer = host_.with_rule("nullPointer").at(0);
  EXPECT_EQ(null_pointer.severity, "critical");
  EXPECT_DOUBLE_EQ(null_pointer.cvss, 9.9);
  // Two SARIF files and app/settings.py; src/parser.c is not needed (cppcheck
  // gives fingerprints), app/db.py is not in the scan.
  EXPECT_EQ(host_.reads(), 3);
  EXPECT_EQ(host_.releases(), host_.reads());
  EXPECT_TRUE(host_.logged(ASSAY_LOG_INFO, "4 findings from 5 results in 2 SARIF files (1 suppressed"))
      << host_.log_text();
}

TEST_F(SarifPlugin, ProblemsNameTheFileAndTheRestGoesOn) {
  serve({"bad-shapes.sarif", "truncated.sarif", "trivy.sarif"});
  ASSERT_EQ(host_.run(R"({"paths": ["reports/*.sarif"]})"), ASSAY_OK) << host_.scan_error();
  EXPECT_EQ(host_.findings().size(), 8u);  // 6 from bad-shapes, 2 from trivy
  EXPECT_TRUE(
      host_.logged(ASSAY_LOG_ERROR,
                   "reports/bad-shapes.sarif: runs[0].results[2]: must be an object, got a number; the "
                   "result is skipped"))
      << host_.log_text();
  EXPECT_TRUE(host_.logged(ASSAY_LOG_WARN,
                           "reports/bad-shapes.sarif: runs[0].results[5].locations[0]: uri "
                           "'../../etc/passwd': the path climbs above the repository root"));
  EXPECT_TRUE(host_.logged(ASSAY_LOG_ERROR,
                           "reports/truncated.sarif: runs[0].results[1].locations[0]."
                           "physicalLocation.artifactLocation.uri: line 8, column "));
  EXPECT_TRUE(
      host_.logged(ASSAY_LOG_ERROR, "1 SARIF files could not be read (errors above); the others were"));
}

TEST_F(SarifPlugin, SourceRootsAndUriBaseIdsComeFromTheConfiguration) {
  serve({"codeql.sarif"});
  ASSERT_EQ(
      host_.run(R"({"paths": ["reports/codeql.sarif"], "source_roots": ["/home/runner/work/app/app"]})"),
      ASSAY_OK);
  EXPECT_EQ(host_.findings().size(), 2u) << host_.log_text();
  ASSERT_EQ(host_.run(R"({"paths": ["reports/codeql.sarif"], "uri_base_ids": {"%SRCROOT%": "service"}})"),
            ASSAY_OK);
  ASSERT_EQ(host_.findings().size(), 2u) << host_.log_text();
  EXPECT_EQ(host_.findings()[0].path, "service/app/db.py");
}

TEST_F(SarifPlugin, LargeFilesAreSkippedWithAnError) {
  serve({"bandit.sarif", "trivy.sarif"});
  const size_t trivy_size = host_.files[1].content.size();
  const size_t bandit_size = host_.files[0].content.size();
  ASSERT_GT(trivy_size, bandit_size);
  const std::string config =
      R"({"paths": ["reports/*.sarif"], "max_file_size": )" + std::to_string(bandit_size) + "}";
  ASSERT_EQ(host_.run(config), ASSAY_OK);
  EXPECT_EQ(host_.findings().size(), 2u);  // bandit's
  EXPECT_TRUE(host_.logged(ASSAY_LOG_ERROR, "reports/trivy.sarif: " + std::to_string(trivy_size) +
                                                " bytes, more than plugins.sarif.max_file_size"))
      << host_.log_text();
}

TEST_F(SarifPlugin, ManyProblemsAreCountedNotAllLogged) {
  std::string sarif = R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "noisy"}}, "results": [)";
  for (int i = 0; i < 30; ++i) sarif += std::string(i ? "," : "") + "7";
  sarif += "]}]}";
  host_.files = {{"noisy.sarif", sarif, ""}};
  ASSERT_EQ(host_.run(R"({"paths": ["noisy.sarif"]})"), ASSAY_OK);
  size_t logged = 0;
  for (const auto& [level, line] : host_.logs())
    logged += line.find("must be an object") != std::string::npos;
  EXPECT_EQ(logged, 20u);
  EXPECT_TRUE(host_.logged(ASSAY_LOG_WARN, "noisy.sarif: 10 more problems not logged one by one"));
}

TEST_F(SarifPlugin, BadConfigurationFailsOpenNamingTheField) {
  EXPECT_NE(host_.run(R"({"paths": ["/abs.sarif"]})"), ASSAY_OK);
  EXPECT_NE(host_.open_error().find("plugins.sarif.paths[0]"), std::string::npos) << host_.open_error();
}

TEST_F(SarifPlugin, CancellationStopsEmitting) {
  serve({"bandit.sarif", "trivy.sarif", "cppcheck.sarif"});
  host_.cancel_after = 1;
  EXPECT_EQ(host_.run(R"({"paths": ["reports/*.sarif"]})"), ASSAY_CANCELLED);
  EXPECT_EQ(host_.findings().size(), 1u);
  EXPECT_EQ(host_.releases(), host_.reads());
}

}  // namespace
}  // namespace assay::test
