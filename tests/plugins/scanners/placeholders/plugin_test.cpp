// The placeholders plugin through the C ABI: findings at the function's
// lines with its name, test files and test doubles excluded by globs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "memory_host.h"

namespace {

using assay::test::MemoryHost;

const char* kPython =
    "def parse(text):\n"
    "    pass\n"
    "\n"
    "def ok():\n"
    "    return compute()\n";

TEST(PlaceholdersPlugin, ReportsTheFunctionAtItsLinesAndSkipsTestFiles) {
  MemoryHost host("placeholders");
  host.files = {{"app/parser.py", "python", kPython},
                {"tests/test_parser.py", "python", kPython},
                {"app/mock_client.py", "python", kPython},
                {"README.md", "markdown", "pass\n"}};
  ASSERT_EQ(host.run(), ASSAY_OK) << host.open_error << host.scan_error;
  ASSERT_EQ(host.findings.size(), 1u);
  const auto& f = host.findings[0];
  EXPECT_EQ(f.rule, "pass-body");
  EXPECT_EQ(f.title, "Placeholder: parse is only `pass`");
  EXPECT_EQ(f.path, "app/parser.py");
  EXPECT_EQ(f.line_start, 1u);
  EXPECT_EQ(f.line_end, 2u);
  EXPECT_EQ(f.category, "technical-debt");
  EXPECT_EQ(f.severity, "medium");
  EXPECT_DOUBLE_EQ(f.effort_hours, 4);
  EXPECT_EQ(f.evidence, "parse: pass");
  EXPECT_EQ(nlohmann::json::parse(f.details_json)["function"], "parse");
  EXPECT_TRUE(host.logged(
      ASSAY_LOG_INFO,
      "1 stand-in functions among 2 functions in 1 files (2 test files and test doubles excluded)"));
}

TEST(PlaceholdersPlugin, ExcludeGlobsAndSeverityAreConfigurable) {
  MemoryHost host("placeholders");
  host.files = {{"app/parser.py", "python", kPython}, {"tests/test_parser.py", "python", kPython}};
  ASSERT_EQ(host.run(R"({"exclude": ["app/"], "severity": "low", "effort_hours": 1.5})"), ASSAY_OK);
  ASSERT_EQ(host.findings.size(), 1u);
  EXPECT_EQ(host.findings[0].path, "tests/test_parser.py");
  EXPECT_EQ(host.findings[0].severity, "low");
  EXPECT_DOUBLE_EQ(host.findings[0].effort_hours, 1.5);
}

TEST(PlaceholdersPlugin, ConfigurationErrorsNameTheField) {
  MemoryHost host("placeholders");
  EXPECT_EQ(host.run(R"({"exclude": ["[abc"]})"), ASSAY_ERROR);
  EXPECT_EQ(host.open_error, "plugins.placeholders.exclude[0]: glob '[abc': '[' without a closing ']'");
  EXPECT_EQ(host.run(R"({"severity": "urgent"})"), ASSAY_ERROR);
  EXPECT_EQ(
      host.open_error,
      "plugins.placeholders.severity: must be one of info, low, medium, high, critical, got \"urgent\"");
}

}  // namespace
