// The timings of one benchmark as a results file gives them, and what the
// readers report about a file they cannot fully use.
#pragma once

#include <string>
#include <vector>

namespace assay::benchmarks {

struct BenchmarkSeries {
  std::string name;             // Google Benchmark: run_name; pytest-benchmark: fullname
  std::vector<double> samples;  // nanoseconds, one per repetition (Google) or round (pytest)
  // Only a mean was in the file (--benchmark_report_aggregates_only, or a
  // pytest-benchmark file saved without data): `samples` holds that mean once.
  bool aggregate_only = false;
  size_t repetitions = 0;  // how many runs the mean stands for (the file's own count)
};

struct BenchmarkFile {
  std::string format;                   // "google-benchmark" or "pytest-benchmark"
  std::vector<BenchmarkSeries> series;  // in the file's order
};

struct BenchmarkProblem {
  std::string path;     // JSON path, e.g. "benchmarks[3].real_time"
  std::string message;  // what is wrong, without the path
  bool fatal = false;   // the file cannot be used at all
};

using BenchmarkProblems = std::vector<BenchmarkProblem>;

}  // namespace assay::benchmarks
