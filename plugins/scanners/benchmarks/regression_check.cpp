#include "regression_check.h"

#include <algorithm>
#include <numeric>

namespace assay::benchmarks {

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
  const double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return (lower + upper) / 2;
}

double mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

Comparison compare(const BenchmarkSeries& baseline, const BenchmarkSeries& current,
                   const RegressionSettings& settings) {
  Comparison c;
  const bool raw = !baseline.aggregate_only && !current.aggregate_only;
  c.statistic = raw ? "median" : "mean";
  c.baseline = raw ? median(baseline.samples) : mean(baseline.samples);
  c.current = raw ? median(current.samples) : mean(current.samples);
  c.baseline_samples = raw ? baseline.samples.size() : 0;
  c.current_samples = raw ? current.samples.size() : 0;
  if (c.baseline <= 0) {
    c.verdict = Verdict::no_baseline_time;
    return c;
  }
  c.change = (c.current - c.baseline) / c.baseline;
  if (c.change <= settings.threshold) {
    c.verdict = Verdict::within_threshold;
    return c;
  }
  if (!raw || c.baseline_samples < settings.min_repetitions || c.current_samples < settings.min_repetitions) {
    c.verdict = Verdict::low_confidence;
    return c;
  }
  c.test = mann_whitney_u(current.samples, baseline.samples);
  c.verdict = c.test->p_value < settings.alpha ? Verdict::regression : Verdict::not_significant;
  return c;
}

}  // namespace assay::benchmarks
