// Format detection and reading of a whole benchmark results file.
#include <nlohmann/json.hpp>

#include "benchmark_readers.h"
#include "json_fields.h"
#include "selective_json_reader.h"

namespace assay::benchmarks {

Format detect_format(const nlohmann::json& document) {
  if (!document.is_object()) return Format::automatic;
  if (document.contains("machine_info")) return Format::pytest_benchmark;
  if (document.contains("context")) return Format::google_benchmark;
  const nlohmann::json* entries = input::find_field(document, "benchmarks");
  if (entries == nullptr || !entries->is_array() || entries->empty() || !(*entries)[0].is_object())
    return Format::automatic;
  if ((*entries)[0].contains("stats")) return Format::pytest_benchmark;
  if ((*entries)[0].contains("real_time")) return Format::google_benchmark;
  return Format::automatic;
}

std::optional<BenchmarkFile> read_benchmark_file(std::string_view text, Format format, Metric metric,
                                                 BenchmarkProblems& problems) {
  input::JsonReadError error;
  const std::optional<nlohmann::json> document = input::read_json_document(text, error);
  if (!document) {
    problems.push_back({error.path,
                        "line " + std::to_string(error.line) + ", column " + std::to_string(error.column) +
                            ": " + error.message,
                        true});
    return std::nullopt;
  }
  if (format == Format::automatic) format = detect_format(*document);
  switch (format) {
    case Format::google_benchmark:
      return read_google_benchmark(*document, metric, problems);
    case Format::pytest_benchmark:
      return read_pytest_benchmark(*document, problems);
    case Format::automatic:
      break;
  }
  problems.push_back(
      {"(top level)",
       "is neither Google Benchmark JSON (context, benchmarks[].real_time) nor pytest-benchmark "
       "JSON (machine_info, benchmarks[].stats)",
       true});
  return std::nullopt;
}

}  // namespace assay::benchmarks
