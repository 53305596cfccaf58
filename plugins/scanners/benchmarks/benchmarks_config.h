// The plugin's configuration section (plugins.benchmarks), its JSON Schema
// and its defaults, which config/assay.yaml repeats and documents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "benchmark_readers.h"
#include "regression_check.h"

namespace assay::benchmarks {

struct ComparisonFiles {
  std::string current;   // repository path of the current results
  std::string baseline;  // repository path of the baseline results
  Format format = Format::automatic;
};

struct BenchmarksConfig {
  std::vector<ComparisonFiles> comparisons;  // none by default
  Metric metric = Metric::real_time;
  RegressionSettings settings;
  uint64_t max_file_size = 64ULL * 1024 * 1024;

  // Reads the section as JSON text; absent keys keep their defaults. Throws
  // std::runtime_error naming the field, e.g.
  // "plugins.benchmarks.comparisons[0].baseline: ...".
  static BenchmarksConfig parse(std::string_view json_text);
};

const char* benchmarks_config_schema();

// "google-benchmark", "pytest-benchmark" or "auto".
std::string format_name(Format format);
std::string metric_name(Metric metric);

}  // namespace assay::benchmarks
