#include "regression_check.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "regression_finding.h"

namespace assay::benchmarks {
namespace {

BenchmarkSeries series(std::vector<double> samples, bool aggregate_only = false) {
  BenchmarkSeries s;
  s.name = "BM_X";
  s.samples = std::move(samples);
  s.aggregate_only = aggregate_only;
  return s;
}

std::vector<double> steps(double from, double step, int count) {
  std::vector<double> values;
  for (int i = 0; i < count; ++i) values.push_back(from + step * i);
  return values;
}

TEST(RegressionCheck, SlowerBeyondTheThresholdAndSignificant) {
  // Medians 1040 -> 1340 ns: +28.8 %; every current sample is slower, so
  // U = 81 and p = 2 / 48620.
  const Comparison c = compare(series(steps(1000, 10, 9)), series(steps(1300, 10, 9)), {});
  EXPECT_EQ(c.verdict, Verdict::regression);
  EXPECT_EQ(c.statistic, "median");
  EXPECT_DOUBLE_EQ(c.baseline, 1040);
  EXPECT_DOUBLE_EQ(c.current, 1340);
  EXPECT_DOUBLE_EQ(c.change, 300.0 / 1040);
  ASSERT_TRUE(c.test.has_value());
  EXPECT_NEAR(c.test->p_value, 2.0 / 48620, 1e-15);
}

TEST(RegressionCheck, SlowerBeyondTheThresholdButNoise) {
  // Medians 108 -> 115 (+6.5 %) but p = 0.258 > 0.05.
  const Comparison c = compare(series({100, 102, 104, 106, 108, 110, 112, 114, 116}),
                               series({101, 103, 105, 107, 115, 117, 119, 121, 123}), {});
  EXPECT_EQ(c.verdict, Verdict::not_significant);
  EXPECT_NEAR(c.test->p_value, 0.258083093377211, 1e-12);
  // A looser alpha makes the test agree.
  RegressionSettings loose;
  loose.alpha = 0.3;
  EXPECT_EQ(compare(series({100, 102, 104, 106, 108, 110, 112, 114, 116}),
                    series({101, 103, 105, 107, 115, 117, 119, 121, 123}), loose)
                .verdict,
            Verdict::regression);
}

TEST(RegressionCheck, FewRepetitionsGiveLowConfidence) {
  const Comparison c = compare(series(steps(100, 1, 8)), series(steps(200, 1, 8)), {});
  EXPECT_EQ(c.verdict, Verdict::low_confidence);
  EXPECT_FALSE(c.test.has_value());
  RegressionSettings fewer;
  fewer.min_repetitions = 8;
  EXPECT_EQ(compare(series(steps(100, 1, 8)), series(steps(200, 1, 8)), fewer).verdict, Verdict::regression);
}

TEST(RegressionCheck, WithinTheThresholdIsNoRegression) {
  // +4 % with threshold 5 %; faster is never a regression.
  EXPECT_EQ(compare(series(steps(100, 0, 9)), series(steps(104, 0, 9)), {}).verdict,
            Verdict::within_threshold);
  EXPECT_EQ(compare(series(steps(100, 1, 9)), series(steps(50, 1, 9)), {}).verdict,
            Verdict::within_threshold);
  // With a 1 % threshold the same 4 % counts, and nine 104s against nine
  // 100s are clearly apart: U = 81, two tie groups of 9 give
  // sigma^2 = 81/12 * (19 - 1440/306) = 96.485, z = 40 / 9.8227 = 4.07.
  RegressionSettings strict;
  strict.threshold = 0.01;
  const Comparison c = compare(series(steps(100, 0, 9)), series(steps(104, 0, 9)), strict);
  EXPECT_EQ(c.verdict, Verdict::regression);
  EXPECT_FALSE(c.test->exact);
  EXPECT_NEAR(c.test->z, 40 / std::sqrt(81.0 / 12 * (19 - 1440.0 / 306)), 1e-12);
}

TEST(RegressionCheck, MeansWhenOnlyAggregatesExist) {
  const Comparison c = compare(series({2.0e6}, true), series({2.5e6}, true), {});
  EXPECT_EQ(c.statistic, "mean");
  EXPECT_DOUBLE_EQ(c.change, 0.25);
  EXPECT_EQ(c.verdict, Verdict::low_confidence);
  EXPECT_EQ(compare(series({0}, true), series({5}, true), {}).verdict, Verdict::no_baseline_time);
}

TEST(RegressionCheck, MedianAndMean) {
  EXPECT_DOUBLE_EQ(median({3, 1, 2}), 2);
  EXPECT_DOUBLE_EQ(median({4, 1, 3, 2}), 2.5);
  EXPECT_DOUBLE_EQ(mean({1, 2, 6}), 3);
}

TEST(RegressionFinding, SaysHowMuchSlowerAndHowSure) {
  const ComparisonFiles files{"bench/current.json", "bench/baseline.json", Format::automatic};
  const std::string format = "google-benchmark";
  const RegressionSettings settings;
  const RegressionContext context{files, format, Metric::real_time, settings};
  const Comparison c = compare(series(steps(1000, 10, 9)), series(steps(1300, 10, 9)), settings);
  const sdk::Finding f = regression_finding("BM_Parse/64", c, context);
  EXPECT_EQ(f.rule, "benchmark-regression");
  EXPECT_EQ(f.title, "BM_Parse/64 is 28.8% slower (median 1.04 µs -> 1.34 µs)");
  EXPECT_EQ(f.category, "performance");
  EXPECT_EQ(f.severity, "medium");
  EXPECT_DOUBLE_EQ(f.confidence, 1 - 2.0 / 48620);
  EXPECT_EQ(f.path, "bench/current.json");
  EXPECT_EQ(f.identity, "benchmark\ngoogle-benchmark\nBM_Parse/64\nreal_time");
  EXPECT_EQ(f.tags, (std::vector<std::string>{"benchmark", "regression", "google-benchmark"}));
  const auto details = nlohmann::json::parse(f.details_json);
  EXPECT_EQ(details["test"]["method"], "exact");
  EXPECT_DOUBLE_EQ(details["test"]["u"].get<double>(), 81);
  EXPECT_EQ(details["baseline"]["file"], "bench/baseline.json");
  EXPECT_EQ(details["current"]["samples"], 9);

  const Comparison low = compare(series(steps(1000, 0, 3)), series(steps(1600, 0, 3)), settings);
  const sdk::Finding g = regression_finding("BM_Y", low, context);
  EXPECT_EQ(g.title,
            "BM_Y is 60.0% slower (median 1 µs -> 1.6 µs), low confidence: too few repetitions to test");
  EXPECT_EQ(g.severity, "high");
  EXPECT_DOUBLE_EQ(g.confidence, kLowConfidence);
  EXPECT_EQ(g.tags.back(), "low-confidence");
  EXPECT_TRUE(nlohmann::json::parse(g.details_json)["test"].is_null());
}

TEST(RegressionFinding, Durations) {
  EXPECT_EQ(format_duration(870), "870 ns");
  EXPECT_EQ(format_duration(1234), "1.23 µs");
  EXPECT_EQ(format_duration(152e6), "152 ms");
  EXPECT_EQ(format_duration(2.5e9), "2.5 s");
  EXPECT_EQ(format_percent(0.2884615), "28.8%");
}

}  // namespace
}  // namespace assay::benchmarks
