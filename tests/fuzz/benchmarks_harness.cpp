// Fuzzing of the benchmarks scanner's readers (Google Benchmark and
// pytest-benchmark JSON), the Mann-Whitney U test and the regression
// decision on whatever series they produce.
#include <cmath>
#include <string>

#include "benchmark_readers.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "mann_whitney.h"
#include "regression_check.h"
#include "regression_finding.h"

namespace assay::benchmarks {
namespace {

void check_series(const BenchmarkSeries& s) {
  ASSAY_FUZZ_CHECK(!s.name.empty(), "a series has a name");
  ASSAY_FUZZ_CHECK(!s.samples.empty(), "a series has samples");
  ASSAY_FUZZ_CHECK(!s.aggregate_only || s.samples.size() == 1, "an aggregate is one value");
  for (double v : s.samples) ASSAY_FUZZ_CHECK(std::isfinite(v) && v >= 0, "samples are times");
}

void check_comparison(const BenchmarkSeries& baseline, const BenchmarkSeries& current) {
  static const RegressionSettings settings;
  const Comparison c = compare(baseline, current, settings);
  if (c.test) {
    ASSAY_FUZZ_CHECK(c.test->p_value >= 0 && c.test->p_value <= 1, "p within 0..1");
    const double pairs =
        static_cast<double>(current.samples.size()) * static_cast<double>(baseline.samples.size());
    ASSAY_FUZZ_CHECK(c.test->u >= 0 && c.test->u <= pairs, "U within 0..n1 n2");
  }
  if (c.verdict == Verdict::regression || c.verdict == Verdict::low_confidence) {
    ASSAY_FUZZ_CHECK(c.change > settings.threshold, "a regression is slower than the threshold");
    const ComparisonFiles files{"current.json", "baseline.json", Format::automatic};
    const std::string format = "fuzz";
    const sdk::Finding f = regression_finding(current.name, c, {files, format, Metric::real_time, settings});
    ASSAY_FUZZ_CHECK(f.confidence >= 0 && f.confidence <= 1, "confidence within 0..1");
    ASSAY_FUZZ_CHECK(f.category == "performance", "regressions are performance findings");
  }
}

fuzz::Verdict run(std::string_view input, Format format) {
  BenchmarkProblems problems;
  const std::optional<BenchmarkFile> file = read_benchmark_file(input, format, Metric::real_time, problems);
  bool fatal = false;
  for (const BenchmarkProblem& p : problems) {
    ASSAY_FUZZ_CHECK(!p.message.empty() && !p.path.empty(), "problems say what and where");
    fatal = fatal || p.fatal;
  }
  ASSAY_FUZZ_CHECK(file.has_value() != fatal, "a file is refused exactly when a problem is fatal");
  if (!file) return fuzz::Verdict::rejected;
  for (const BenchmarkSeries& s : file->series) check_series(s);
  // Each series against the first one and against itself; kept small so that
  // an input with huge series stays quick.
  for (size_t i = 0; i < file->series.size() && i < 16; ++i) {
    check_comparison(file->series.front(), file->series[i]);
    check_comparison(file->series[i], file->series[i]);
  }
  return fuzz::Verdict::accepted;
}

}  // namespace
}  // namespace assay::benchmarks

namespace assay::fuzz {

Verdict run_google_benchmark(std::string_view input) {
  return assay::benchmarks::run(input, assay::benchmarks::Format::google_benchmark);
}

Verdict run_pytest_benchmark(std::string_view input) {
  return assay::benchmarks::run(input, assay::benchmarks::Format::pytest_benchmark);
}

}  // namespace assay::fuzz
