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
  EXPECT_EQ(host.run(R"({"header_includes": "yes"})"), ASSAY_ERROR);
  EXPECT_EQ(host.open_error, R"(plugins.testgaps.header_includes: must be true or false, got "yes")");
  EXPECT_EQ(host.run(R"({"hotspot_days": 365})"), ASSAY_ERROR);
  EXPECT_EQ(host.open_error,
            "plugins.testgaps: unknown key 'hotspot_days'; known keys: enabled, exclude, min_code_lines, "
            "complex_file, header_includes, max_file_size");
}

TEST(TestgapsPlugin, ACTestIncludingTheHeaderBesideASourceIsItsTest) {
  MemoryHost host("testgaps");
  std::string body;
  for (int i = 0; i < 25; ++i) body += "int f" + std::to_string(i) + "(int a) {\n  return a + 1;\n}\n";
  host.files = {{"src/parse.c", "c", body},
                {"src/parse.h", "c", "int f0(int a);\n"},
                {"src/emit.c", "c", body},
                {"tests/parts_test.c", "c", "#include \"parse.h\"\nint main(void) { return f0(1) != 2; }\n"}};
  ASSERT_EQ(host.run(), ASSAY_OK) << host.open_error;
  ASSERT_EQ(host.findings.size(), 1u);
  EXPECT_EQ(host.findings[0].path, "src/emit.c");
  host.findings.clear();
  ASSERT_EQ(host.run(R"({"header_includes": false})"), ASSAY_OK);
  EXPECT_EQ(host.findings.size(), 2u);
}

}  // namespace

// The host's cache (API 1.4): a second scan of the same blobs reads no file
// and reports the same gaps; a changed blob, a value the plugin cannot
// read, and a file whose test disappeared are measured again.
class TestgapsCache : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.cache.emplace();
    host_.files = {{"shop/cart.py", "python", python_source(30, 1), "b1"},
                   {"tests/test_cart.py", "python", python_source(30, 1), "b2"},
                   {"shop/deep.py", "python", python_source(30, 3), "b3"},
                   {"shop/flat.py", "python", python_source(30, 1), "b4"}};
  }

  // Paths and details of the gaps found by one scan, and how many files it read.
  std::pair<std::vector<std::string>, size_t> scan() {
    host_.findings.clear();
    host_.reads = 0;
    EXPECT_EQ(host_.run(), ASSAY_OK) << host_.open_error << host_.scan_error;
    std::vector<std::string> gaps;
    for (const auto& f : host_.findings) gaps.push_back(f.path + " " + f.details_json);
    return {gaps, host_.reads.load()};
  }

  MemoryHost host_{"testgaps"};
};

TEST_F(TestgapsCache, ASecondScanOfTheSameBlobsReadsNoFile) {
  const auto [first, first_reads] = scan();
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first_reads, 3u);  // the three sources; the test file only by name
  // The tested cart.py is cached without its structure: not needed yet.
  EXPECT_EQ(host_.cache->at("testgaps.source/1 b1 python"), "0 0 0 0 0 0");
  EXPECT_EQ(host_.cache->at("testgaps.source/1 b3 python"), "0 0 1 33 93 1");
  const auto [second, second_reads] = scan();
  EXPECT_EQ(second, first);
  EXPECT_EQ(second_reads, 0u);
}

TEST_F(TestgapsCache, AChangedBlobIsMeasuredAgain) {
  scan();
  host_.files[3].content = python_source(40, 1);
  host_.files[3].blob_id = "b5";
  const auto [gaps, reads] = scan();
  EXPECT_EQ(reads, 1u);
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_NE(gaps[1].find("\"code_lines\":41"), std::string::npos) << gaps[1];
}

TEST_F(TestgapsCache, AValueThePluginCannotReadIsMeasuredAgain) {
  const auto [first, first_reads] = scan();
  (*host_.cache)["testgaps.source/1 b3 python"] = "0 0 1 33";  // cut short
  (*host_.cache)["testgaps.source/1 b4 python"] = "0 0 1 x 1 1";
  const auto [second, reads] = scan();
  EXPECT_EQ(reads, 2u);
  EXPECT_EQ(second, first);
  EXPECT_EQ(host_.cache->at("testgaps.source/1 b3 python"), "0 0 1 33 93 1");
}

TEST_F(TestgapsCache, AFileThatLostItsTestIsAnalysedThen) {
  scan();
  host_.files.erase(host_.files.begin() + 1);  // tests/test_cart.py
  const auto [gaps, reads] = scan();
  EXPECT_EQ(reads, 1u);  // cart.py, cached without its structure
  ASSERT_EQ(gaps.size(), 3u);
}

TEST_F(TestgapsCache, AFileWithoutABlobIdIsNotCached) {
  for (auto& f : host_.files) f.blob_id.clear();
  const auto [first, first_reads] = scan();
  const auto [second, second_reads] = scan();
  EXPECT_EQ(second, first);
  EXPECT_EQ(second_reads, 3u);
  EXPECT_TRUE(host_.cache->empty());
}

TEST_F(TestgapsCache, AHostWithoutTheCacheGetsTheSameGaps) {
  const auto [cached, reads] = scan();
  MemoryHost old_host("testgaps");
  old_host.files = host_.files;
  ASSERT_EQ(old_host.run(), ASSAY_OK);
  std::vector<std::string> gaps;
  for (const auto& f : old_host.findings) gaps.push_back(f.path + " " + f.details_json);
  EXPECT_EQ(gaps, cached);
  EXPECT_EQ(old_host.reads.load(), 3u);
}
