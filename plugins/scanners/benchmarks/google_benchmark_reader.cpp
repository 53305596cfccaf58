// Google Benchmark JSON (see benchmark_readers.h).
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "benchmark_readers.h"
#include "json_fields.h"

namespace assay::benchmarks {
namespace {

using input::FieldError;
using input::JsonPath;
using nlohmann::json;

// Nanoseconds per time_unit.
std::optional<double> unit_factor(const std::string& unit) {
  if (unit == "ns") return 1.0;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  return std::nullopt;
}

// A benchmark's samples while the entries are read.
struct Collecting {
  size_t order = 0;
  std::vector<double> samples;
  std::optional<double> mean;
  size_t repetitions = 0;
};

bool check_schema_version(const json& document, BenchmarkProblems& problems) {
  const JsonPath context_at = JsonPath().child("context");
  const json* context = input::object_field(document, "context", JsonPath());
  if (context == nullptr) return true;
  const std::optional<uint64_t> version = input::count_field(*context, "json_schema_version", context_at);
  if (!version || *version == 1) return true;
  problems.push_back({context_at.child("json_schema_version").str(),
                      "is " + std::to_string(*version) + "; this reader knows version 1", true});
  return false;
}

// Reads entry `index`; returns false when it is left out (reported).
void read_entry(const json& entry, const JsonPath& at, Metric metric,
                std::map<std::string, Collecting>& series, size_t& order, BenchmarkProblems& problems) {
  input::require_object(entry, at);
  const std::string name = input::string_field(entry, "name", at).value_or("");
  if (name.empty()) throw FieldError(at.child("name"), "is missing");
  // An empty run_name (seen by the fuzzer) would make a nameless series.
  std::string run_name = input::string_field(entry, "run_name", at).value_or("");
  if (run_name.empty()) run_name = name;
  if (input::bool_field(entry, "error_occurred", at).value_or(false)) {
    problems.push_back({at.str(), "'" + name + "' reported an error (" +
                                      input::string_field(entry, "error_message", at).value_or("no message") +
                                      "); left out"});
    return;
  }
  const json* skipped = input::find_field(entry, "skipped");
  if (skipped != nullptr && ((skipped->is_boolean() && skipped->get<bool>()) ||
                             (skipped->is_number_unsigned() && skipped->get<uint64_t>() > 0)))
    return;
  const std::string aggregate = input::string_field(entry, "aggregate_name", at).value_or("");
  const std::string run_type =
      input::string_field(entry, "run_type", at).value_or(aggregate.empty() ? "iteration" : "aggregate");
  if (run_type == "aggregate") {
    const std::string unit = input::string_field(entry, "aggregate_unit", at).value_or("time");
    if (aggregate != "mean" || unit != "time") return;
  } else if (run_type != "iteration") {
    throw FieldError(at.child("run_type"), "'" + run_type + "' is neither iteration nor aggregate");
  }
  const char* field = metric == Metric::cpu_time ? "cpu_time" : "real_time";
  const std::optional<double> value = input::number_field(entry, field, at);
  if (!value) throw FieldError(at.child(field), "is missing");
  if (!std::isfinite(*value) || *value < 0) throw FieldError(at.child(field), "must be a time >= 0");
  const std::string unit = input::string_field(entry, "time_unit", at).value_or("ns");
  const std::optional<double> factor = unit_factor(unit);
  if (!factor) throw FieldError(at.child("time_unit"), "'" + unit + "' is not ns, us, ms or s");
  Collecting& collecting = series[run_name];
  if (collecting.order == 0) collecting.order = ++order;
  if (run_type == "aggregate") {
    collecting.mean = *value * *factor;
    collecting.repetitions = input::count_field(entry, "repetitions", at).value_or(0);
  } else {
    collecting.samples.push_back(*value * *factor);
  }
}

}  // namespace

std::optional<BenchmarkFile> read_google_benchmark(const json& document, Metric metric,
                                                   BenchmarkProblems& problems) {
  try {
    input::require_object(document, JsonPath());
    if (!check_schema_version(document, problems)) return std::nullopt;
    const json* entries = input::array_field(document, "benchmarks", JsonPath());
    if (entries == nullptr) throw FieldError(JsonPath().child("benchmarks"), "is missing");
    std::map<std::string, Collecting> series;
    size_t order = 0;
    for (size_t i = 0; i < entries->size(); ++i) {
      const JsonPath at = JsonPath().child("benchmarks").child(i);
      try {
        read_entry((*entries)[i], at, metric, series, order, problems);
      } catch (const FieldError& error) {
        problems.push_back({error.path(), error.problem() + "; the entry is left out"});
      }
    }
    BenchmarkFile file;
    file.format = "google-benchmark";
    file.series.resize(series.size());
    for (auto& [name, collecting] : series) {
      BenchmarkSeries& out = file.series[collecting.order - 1];
      out.name = name;
      if (!collecting.samples.empty()) {
        out.samples = std::move(collecting.samples);
        out.repetitions = out.samples.size();
      } else {
        out.samples = {*collecting.mean};
        out.aggregate_only = true;
        out.repetitions = collecting.repetitions;
      }
    }
    return file;
  } catch (const FieldError& error) {
    problems.push_back({error.path(), error.problem(), true});
    return std::nullopt;
  }
}

}  // namespace assay::benchmarks
