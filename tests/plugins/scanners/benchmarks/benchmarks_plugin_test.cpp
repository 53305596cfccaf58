// The built benchmarks plugin through the C ABI, on result files served by a
// test host.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scanner_host.h"

namespace assay::test {
namespace {

std::string fixture(const std::string& name) {
  return read_source_file("tests/plugins/scanners/benchmarks/fixtures/" + name);
}

class BenchmarksPlugin : public ::testing::Test {
 protected:
  ScannerHost host_{"benchmarks"};

  void SetUp() override {
    for (const char* name :
         {"google-current.json", "google-baseline.json", "pytest-current.json", "pytest-baseline.json"})
      host_.files.push_back({std::string("bench/") + name, fixture(name), "json"});
  }
};

constexpr const char* kGoogle =
    R"({"comparisons": [{"current": "bench/google-current.json", "baseline": "bench/google-baseline.json"}]})";

TEST_F(BenchmarksPlugin, WithoutComparisonsItReadsNothing) {
  ASSERT_EQ(host_.run("{}"), ASSAY_OK) << host_.scan_error();
  EXPECT_TRUE(host_.findings().empty());
  EXPECT_EQ(host_.reads(), 0);
}

TEST_F(BenchmarksPlugin, GoogleBenchmarkRegressionWithTheTestAgreeing) {
  ASSERT_EQ(host_.run(kGoogle), ASSAY_OK) << host_.scan_error();
  ASSERT_EQ(host_.findings().size(), 1u) << host_.log_text();
  const EmittedFinding& f = host_.findings()[0];
  EXPECT_EQ(f.rule, "benchmark-regression");
  EXPECT_EQ(f.title, "BM_Parse/64 is 28.8% slower (median 1.04 µs -> 1.34 µs)");
  EXPECT_EQ(f.category, "performance");
  EXPECT_EQ(f.severity, "medium");
  EXPECT_EQ(f.path, "bench/google-current.json");
  EXPECT_NEAR(f.confidence, 1 - 2.0 / 48620, 1e-12);
  EXPECT_EQ(f.details["test"]["method"], "exact");
  // BM_Noisy is 6.5 % slower but p = 0.258; BM_Copy is within 5 %.
  EXPECT_TRUE(host_.logged(ASSAY_LOG_INFO,
                           "1 benchmark regressions (0 with low confidence) in 3 benchmarks "
                           "compared; 1 slower beyond the threshold but not significant"))
      << host_.log_text();
  EXPECT_TRUE(host_.logged(ASSAY_LOG_WARN,
                           "bench/google-current.json: benchmarks[52]: 'BM_Broken' reported an "
                           "error (could not open input file); left out"));
  EXPECT_TRUE(host_.logged(ASSAY_LOG_DEBUG,
                           "1 benchmarks have no baseline, 2 baseline benchmarks are no longer run"));
  EXPECT_EQ(host_.releases(), host_.reads());
}

TEST_F(BenchmarksPlugin, CpuTimeShowsNoRegression) {
  ASSERT_EQ(host_.run(R"({"metric": "cpu_time", "comparisons": [{"current": "bench/google-current.json",
                          "baseline": "bench/google-baseline.json"}]})"),
            ASSAY_OK);
  EXPECT_TRUE(host_.findings().empty()) << host_.log_text();
}

TEST_F(BenchmarksPlugin, PytestBenchmarkWithFewRoundsIsLowConfidence) {
  ASSERT_EQ(host_.run(R"({"comparisons": [{"current": "bench/pytest-current.json",
                          "baseline": "bench/pytest-baseline.json"}]})"),
            ASSAY_OK);
  ASSERT_EQ(host_.findings().size(), 1u) << host_.log_text();
  const EmittedFinding& f = host_.findings()[0];
  EXPECT_EQ(
      f.title,
      "tests/test_perf.py::test_sort[100] is 36.4% slower (median 1.1 ms -> 1.5 ms), low confidence: too few "
      "repetitions to test");
  EXPECT_DOUBLE_EQ(f.confidence, 0.3);
  EXPECT_EQ(f.severity, "medium");
  EXPECT_EQ(f.details["confidence"], "low");
  EXPECT_EQ(f.tags,
            (std::vector<std::string>{"benchmark", "regression", "pytest-benchmark", "low-confidence"}));
}

TEST_F(BenchmarksPlugin, MissingFilesAndMixedFormatsAreNamedAndTheRestGoesOn) {
  ASSERT_EQ(host_.run(R"({"comparisons": [
      {"current": "bench/missing.json", "baseline": "bench/google-baseline.json"},
      {"current": "bench/pytest-current.json", "baseline": "bench/google-baseline.json"},
      {"current": "bench/google-current.json", "baseline": "bench/google-baseline.json"}]})"),
            ASSAY_OK);
  EXPECT_EQ(host_.findings().size(), 1u);
  EXPECT_TRUE(host_.logged(ASSAY_LOG_ERROR,
                           "plugins.benchmarks.comparisons[0].current: 'bench/missing.json' is not "
                           "a file of the scan target; this comparison is skipped"))
      << host_.log_text();
  EXPECT_TRUE(host_.logged(ASSAY_LOG_ERROR,
                           "plugins.benchmarks.comparisons[1]: 'bench/pytest-current.json' is "
                           "pytest-benchmark results but 'bench/google-baseline.json' is "
                           "google-benchmark"));
}

TEST_F(BenchmarksPlugin, UnreadableResultsAreNamedWithTheirPosition) {
  host_.files.push_back({"bench/broken.json", "{\"context\": {}, \"benchmarks\": [", "json"});
  ASSERT_EQ(
      host_.run(
          R"({"comparisons": [{"current": "bench/broken.json", "baseline": "bench/google-baseline.json"}]})"),
      ASSAY_OK);
  EXPECT_TRUE(host_.findings().empty());
  EXPECT_TRUE(host_.logged(ASSAY_LOG_ERROR, "bench/broken.json: benchmarks: line 1, column 32: "))
      << host_.log_text();
}

TEST_F(BenchmarksPlugin, BadConfigurationFailsOpenNamingTheField) {
  EXPECT_NE(host_.run(R"({"comparisons": [{"current": "a.json", "baseline": "../b.json"}]})"), ASSAY_OK);
  EXPECT_NE(host_.open_error().find("plugins.benchmarks.comparisons[0].baseline"), std::string::npos)
      << host_.open_error();
}

}  // namespace
}  // namespace assay::test
