#include "benchmarks_config.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace assay::benchmarks {
namespace {

std::string error_of(const std::string& config) {
  try {
    BenchmarksConfig::parse(config);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

TEST(BenchmarksConfig, Defaults) {
  const BenchmarksConfig c = BenchmarksConfig::parse("{}");
  EXPECT_TRUE(c.comparisons.empty());
  EXPECT_EQ(c.metric, Metric::real_time);
  EXPECT_DOUBLE_EQ(c.settings.threshold, 0.05);
  EXPECT_DOUBLE_EQ(c.settings.alpha, 0.05);
  EXPECT_EQ(c.settings.min_repetitions, 9u);
  const auto schema = nlohmann::json::parse(benchmarks_config_schema());
  EXPECT_EQ(schema["properties"]["threshold"]["default"], 0.05);
  EXPECT_EQ(schema["properties"]["min_repetitions"]["default"], 9);
}

TEST(BenchmarksConfig, ReadsEverySetting) {
  const BenchmarksConfig c = BenchmarksConfig::parse(R"({"comparisons": [
      {"current": "./bench/now.json", "baseline": "bench/base.json", "format": "pytest-benchmark"}],
      "metric": "cpu_time", "threshold": 0.1, "alpha": 0.01, "min_repetitions": 20, "max_file_size": 100})");
  ASSERT_EQ(c.comparisons.size(), 1u);
  EXPECT_EQ(c.comparisons[0].current, "bench/now.json");
  EXPECT_EQ(c.comparisons[0].format, Format::pytest_benchmark);
  EXPECT_EQ(c.metric, Metric::cpu_time);
  EXPECT_DOUBLE_EQ(c.settings.threshold, 0.1);
  EXPECT_DOUBLE_EQ(c.settings.alpha, 0.01);
  EXPECT_EQ(c.settings.min_repetitions, 20u);
  EXPECT_EQ(c.max_file_size, 100u);
}

TEST(BenchmarksConfig, ErrorsNameTheField) {
  EXPECT_EQ(error_of(R"({"comparisons": [{"current": "a.json"}]})"),
            "plugins.benchmarks.comparisons[0]: missing required key 'baseline'");
  EXPECT_EQ(error_of(R"({"comparisons": [{"current": "a.json", "baseline": "/tmp/b.json"}]})"),
            "plugins.benchmarks.comparisons[0].baseline: '/tmp/b.json' must be a file inside the repository, "
            "relative "
            "to its root");
  EXPECT_EQ(error_of(R"({"comparisons": [{"current": "a.json", "baseline": "a.json"}]})"),
            "plugins.benchmarks.comparisons[0]: current and baseline are the same file 'a.json'");
  EXPECT_EQ(error_of(R"({"comparisons": [{"current": "a", "baseline": "b", "format": "jmh"}]})"),
            "plugins.benchmarks.comparisons[0].format: \"jmh\" is not one of auto, google-benchmark, "
            "pytest-benchmark");
  EXPECT_EQ(error_of(R"({"threshold": 0})"),
            "plugins.benchmarks.threshold: must be greater than 0 and at most 100, got 0");
  EXPECT_EQ(error_of(R"({"alpha": 0.9})"),
            "plugins.benchmarks.alpha: must be greater than 0 and at most 0.5, got 0.9");
  EXPECT_EQ(error_of(R"({"min_repetitions": 2})"),
            "plugins.benchmarks.min_repetitions: must be a whole number from 3 to 100000, got 2");
  EXPECT_EQ(error_of(R"({"metric": "wall"})"),
            "plugins.benchmarks.metric: \"wall\" is not one of real_time, cpu_time");
  EXPECT_EQ(error_of(R"({"baseline": "x"})"), "plugins.benchmarks: unknown key 'baseline'");
}

}  // namespace
}  // namespace assay::benchmarks
