// A performance finding for a benchmark that got slower.
//
//   rule      benchmark-regression
//   title     "BM_Parse/64 is 23.5% slower (median 1.23 µs -> 1.52 µs)"
//   category  performance
//   severity  low below 20 % slower, medium from 20 %, high from 50 %
//   confidence 1 - p when the Mann-Whitney U test agreed; 0.3 when there
//             were too few samples to test (the title says so)
//   path      the current results file; identity: format, name and metric
//   details   both sides' statistics, the change, the test and settings
#pragma once

#include <assay/plugin.hpp>
#include <string>

#include "benchmarks_config.h"
#include "regression_check.h"

namespace assay::benchmarks {

inline constexpr double kLowConfidence = 0.3;

struct RegressionContext {
  const ComparisonFiles& files;
  const std::string& format;  // of the current file
  Metric metric;
  const RegressionSettings& settings;
};

// `comparison` must have verdict regression or low_confidence.
sdk::Finding regression_finding(const std::string& name, const Comparison& comparison,
                                const RegressionContext& context);

// "1.23 µs", "152 ms", "870 ns": three significant digits.
std::string format_duration(double nanoseconds);

// "23.5%".
std::string format_percent(double fraction);

}  // namespace assay::benchmarks
