// The docs plugin through the C ABI.
#include <gtest/gtest.h>

#include "memory_host.h"

namespace {

using assay::test::MemoryHost;

TEST(DocsPlugin, BrokenLinksAnchorsAndUndocumentedModules) {
  MemoryHost host("docs");
  host.files = {{"README.md", "markdown",
                 "# shop\n\nSee [install](docs/install.md#setup) and [api](docs/api.md).\n"
                 "The cart package holds the basket.\n"},
                {"docs/install.md", "markdown", "# Install\n\n## Requirements\n"},
                {"shop/cart/__init__.py", "python", ""},
                {"billing/__init__.py", "python", ""},
                {"tests/fixtures/broken.md", "markdown", "[x](nowhere.md)\n"}};
  ASSERT_EQ(host.run(), ASSAY_OK) << host.open_error << host.scan_error;
  ASSERT_EQ(host.findings.size(), 3u);
  std::sort(host.findings.begin(), host.findings.end(),
            [](const auto& a, const auto& b) { return a.title < b.title; });
  EXPECT_EQ(host.findings[0].title, "Broken anchor in README.md: docs/install.md#setup");
  EXPECT_EQ(host.findings[0].line_start, 3u);
  EXPECT_EQ(host.findings[0].evidence,
            "[install](docs/install.md#setup): docs/install.md has no heading #setup");
  EXPECT_EQ(host.findings[1].title, "Broken link in README.md: docs/api.md");
  EXPECT_EQ(host.findings[1].rule, "broken-link");
  EXPECT_EQ(host.findings[1].category, "documentation");
  EXPECT_EQ(host.findings[2].title,
            "Public python module billing (billing) is not mentioned in the documentation");
  EXPECT_EQ(host.findings[2].path, "billing");
  EXPECT_TRUE(host.logged(ASSAY_LOG_INFO,
                          "stale documentation not checked: the scan target is not a git repository"));
}

TEST(DocsPlugin, ChecksCanBeTurnedOff) {
  MemoryHost host("docs");
  host.files = {{"README.md", "markdown", "[a](docs/a.md#x)\n"},
                {"docs/a.md", "markdown", "# A\n"},
                {"billing/__init__.py", "python", ""}};
  ASSERT_EQ(host.run(R"({"check_anchors": false, "modules": false})"), ASSAY_OK);
  EXPECT_TRUE(host.findings.empty());
  EXPECT_EQ(host.run(R"({"stale_days": 0})"), ASSAY_ERROR);
  EXPECT_EQ(host.open_error,
            "plugins.docs.stale_days: must be a whole number of days from 1 to 36500, got 0");
}

}  // namespace
