// Readers of the two benchmark result formats.
//
// Google Benchmark (--benchmark_format=json, --benchmark_out): context and a
// benchmarks[] list; json_schema_version 1 (or none, as older releases
// write). Each iteration entry (run_type "iteration") is one sample of its
// run_name, in its time_unit; aggregates other than the mean are ignored,
// and the mean stands in when a benchmark has no iteration entries. Entries
// with error_occurred or skipped are left out. Unknown fields are ignored.
//
// pytest-benchmark (--benchmark-json, or a saved .benchmarks file):
// benchmarks[] with fullname and stats; stats.data (seconds, one per round)
// are the samples; without data the stats.mean stands in.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "benchmark_series.h"

namespace assay::benchmarks {

enum class Metric { real_time, cpu_time };
enum class Format { automatic, google_benchmark, pytest_benchmark };

// Reads a whole results file. Returns nullopt when the file cannot be used
// (a fatal problem in `problems`: not JSON, neither format, wrong schema
// version); problems with single entries leave those entries out.
std::optional<BenchmarkFile> read_benchmark_file(std::string_view text, Format format, Metric metric,
                                                 BenchmarkProblems& problems);

// The readers of a parsed document, for tests and the fuzz harnesses.
std::optional<BenchmarkFile> read_google_benchmark(const nlohmann::json& document, Metric metric,
                                                   BenchmarkProblems& problems);
std::optional<BenchmarkFile> read_pytest_benchmark(const nlohmann::json& document,
                                                   BenchmarkProblems& problems);

// The format a document looks like; automatic when neither.
Format detect_format(const nlohmann::json& document);

}  // namespace assay::benchmarks
