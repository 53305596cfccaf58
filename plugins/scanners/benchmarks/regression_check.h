// Decides whether a benchmark got slower than its baseline.
//
// The change is (current - baseline) / baseline of the medians (of the
// means when either file has only a mean). A change at or below the
// threshold is no regression. Above it, with at least min_repetitions
// samples on both sides, the Mann-Whitney U test (mann_whitney.h) must
// agree at level alpha (p < alpha), else the difference is taken as noise;
// with fewer samples the regression is reported with low confidence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "benchmark_series.h"
#include "mann_whitney.h"

namespace assay::benchmarks {

struct RegressionSettings {
  double threshold = 0.05;  // relative slowdown, 0.05 = 5 %
  double alpha = 0.05;
  size_t min_repetitions = 9;
};

enum class Verdict {
  regression,        // slower beyond the threshold, and the test agrees
  low_confidence,    // slower beyond the threshold, too few samples to test
  not_significant,   // slower beyond the threshold, but the test does not agree
  within_threshold,  // no slower than the threshold allows (or faster)
  no_baseline_time,  // the baseline's time is 0: no relative change exists
};

struct Comparison {
  std::string statistic;  // "median" or "mean"
  double baseline = 0;    // nanoseconds
  double current = 0;
  double change = 0;  // relative: 0.25 = 25 % slower
  size_t baseline_samples = 0;
  size_t current_samples = 0;
  std::optional<MannWhitneyResult> test;  // set when the test ran
  Verdict verdict = Verdict::within_threshold;
};

Comparison compare(const BenchmarkSeries& baseline, const BenchmarkSeries& current,
                   const RegressionSettings& settings);

double median(std::vector<double> values);
double mean(const std::vector<double>& values);

}  // namespace assay::benchmarks
