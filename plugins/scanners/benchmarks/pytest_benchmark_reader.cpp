// pytest-benchmark JSON (see benchmark_readers.h).
#include <cmath>
#include <nlohmann/json.hpp>

#include "benchmark_readers.h"
#include "json_fields.h"

namespace assay::benchmarks {
namespace {

using input::FieldError;
using input::JsonPath;
using nlohmann::json;

constexpr double kNanosecondsPerSecond = 1e9;

double seconds_to_ns(double seconds, const JsonPath& at) {
  if (!std::isfinite(seconds) || seconds < 0) throw FieldError(at, "must be a time in seconds >= 0");
  return seconds * kNanosecondsPerSecond;
}

BenchmarkSeries read_entry(const json& entry, const JsonPath& at) {
  input::require_object(entry, at);
  BenchmarkSeries series;
  series.name = input::string_field(entry, "fullname", at).value_or("");
  if (series.name.empty()) series.name = input::string_field(entry, "name", at).value_or("");
  if (series.name.empty()) throw FieldError(at.child("fullname"), "is missing (and so is name)");
  const json* stats = input::object_field(entry, "stats", at);
  if (stats == nullptr) throw FieldError(at.child("stats"), "is missing");
  const JsonPath stats_at = at.child("stats");
  if (const json* data = input::array_field(*stats, "data", stats_at); data != nullptr && !data->empty()) {
    for (size_t i = 0; i < data->size(); ++i) {
      const JsonPath value_at = stats_at.child("data").child(i);
      if (!(*data)[i].is_number()) throw FieldError(value_at, "must be a number");
      series.samples.push_back(seconds_to_ns((*data)[i].get<double>(), value_at));
    }
    series.repetitions = series.samples.size();
    return series;
  }
  const std::optional<double> mean = input::number_field(*stats, "mean", stats_at);
  if (!mean) throw FieldError(stats_at.child("mean"), "is missing (and there is no data)");
  series.samples = {seconds_to_ns(*mean, stats_at.child("mean"))};
  series.aggregate_only = true;
  series.repetitions = input::count_field(*stats, "rounds", stats_at).value_or(0);
  return series;
}

}  // namespace

std::optional<BenchmarkFile> read_pytest_benchmark(const json& document, BenchmarkProblems& problems) {
  try {
    input::require_object(document, JsonPath());
    const json* entries = input::array_field(document, "benchmarks", JsonPath());
    if (entries == nullptr) throw FieldError(JsonPath().child("benchmarks"), "is missing");
    BenchmarkFile file;
    file.format = "pytest-benchmark";
    for (size_t i = 0; i < entries->size(); ++i) {
      try {
        file.series.push_back(read_entry((*entries)[i], JsonPath().child("benchmarks").child(i)));
      } catch (const FieldError& error) {
        problems.push_back({error.path(), error.problem() + "; the entry is left out"});
      }
    }
    return file;
  } catch (const FieldError& error) {
    problems.push_back({error.path(), error.problem(), true});
    return std::nullopt;
  }
}

}  // namespace assay::benchmarks
