// The testgaps plugin through the C ABI: untested sources by convention,
// most complex first, small and excluded files left out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "memory_host.h"

namespace {

using assay::test::MemoryHost;

// A Python function of `n` statements nested `depth` levels deep.
std::string python_source(int n, int depth) {
  std::string text = "def f(x):\n";
  for (int d = 1; d < depth; ++d) text += std::string(4 * d, ' ') + "if x:\n";
  for (int i = 0; i < n; ++i) text += std::string(4 * depth, ' ') + "x = x + " + std::to_string(i) + "\n";
  return text;
}

TEST(TestgapsPlugin, ReportsUntestedSourcesMostComplexFirst) {
  MemoryHost host("testgaps");
  host.files = {
      {"shop/cart.py", "python", python_source(30, 1)},  // tested below
      {"tests/test_cart.py", "python", python_source(30, 1)},
      {"shop/flat.py", "python", python_source(30, 1)},      // 31 code lines, complexity 30
      {"shop/deep.py", "python", python_source(30, 3)},      // 33 code lines, complexity 1 + 2 + 90 = 93
      {"shop/tiny.py", "python", python_source(5, 1)},       // 6 code lines: below min_code_lines
      {"shop/__init__.py", "python", python_source(30, 1)},  // excluded by default
      {"README.md", "markdown", "# shop\n"}};
  ASSERT_EQ(host.run(), ASSAY_OK) << host.open_error << host.scan_error;
  ASSERT_EQ(host.findings.size(), 2u);
  // Emitted in rank order: the deeper file first.
  const auto& deep = host.findings[0];
  EXPECT_EQ(deep.rule, "untested-file");
  EXPECT_EQ(deep.title, "No tests for shop/deep.py");
  EXPECT_EQ(deep.path, "shop/deep.py");
  EXPECT_EQ(deep.category, "testing");
  EXPECT_EQ(deep.severity, "low");
  EXPECT_DOUBLE_EQ(deep.effort_hours, 1);  // ceil(33 / 50)
  EXPECT_EQ(deep.evidence, "shop/deep.py: no test_deep.py or deep_test.py (python conventions)");
  const auto details = nlohmann::json::parse(deep.details_json);
  EXPECT_EQ(details["code_lines"], 33);
  EXPECT_EQ(details["complexity"], 93);
  EXPECT_EQ(details["rank"], 1);
  EXPECT_EQ(details["ranked_by"], "complexity");
  EXPECT_TRUE(details["hotspot"].is_null());
  EXPECT_EQ(host.findings[1].path, "shop/flat.py");
  EXPECT_TRUE(host.logged(ASSAY_LOG_INFO,
                          "2 of 4 source files have no test by their language's conventions; ranked by "
                          "complexity (no hotspots: the scan target is not a git repository"));
}

TEST(TestgapsPlugin, ThresholdsAndExclusionsAreConfigurable) {
  MemoryHost host("testgaps");
  host.files = {{"shop/flat.py", "python", python_source(30, 1)},
                {"shop/deep.py", "python", python_source(30, 3)}};
  ASSERT_EQ(host.run(R"({"exclude": ["flat.py"], "complex_file": 90})"), ASSAY_OK);
  ASSERT_EQ(host.findings.size(), 1u);
  EXPECT_EQ(host.findings[0].path, "shop/deep.py");
  EXPECT_EQ(host.findings[0].severity, "medium");
  EXPECT_EQ(host.run(R"({"min_code_lines": -1})"), ASSAY_ERROR);
  EXPECT_EQ(host.open_error,
            "plugins.testgaps.min_code_lines: must be a whole number from 0 to 1000000, got -1");
}

}  // namespace
