#include "benchmarks_config.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace assay::benchmarks {
namespace {

using nlohmann::json;

constexpr std::string_view kSection = "plugins.benchmarks";

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error(std::string(kSection) + field + ": " + problem);
}

void reject_unknown_keys(const json& object, const std::string& field,
                         std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) fail(field, "unknown key '" + key + "'");
  }
}

std::string read_path(const json& j, const std::string& field) {
  if (!j.is_string()) fail(field, "must be a repository path (a string), got " + j.dump());
  std::string path = j.get<std::string>();
  const bool climbs = path == ".." || path.starts_with("../") || path.find("/../") != std::string::npos ||
                      path.ends_with("/..");
  if (path.empty() || path.starts_with('/') || climbs)
    fail(field, "'" + path + "' must be a file inside the repository, relative to its root");
  while (path.starts_with("./")) path.erase(0, 2);
  return path;
}

Format read_format(const json& j, const std::string& field) {
  const std::string name = j.is_string() ? j.get<std::string>() : "";
  if (name == "auto") return Format::automatic;
  if (name == "google-benchmark") return Format::google_benchmark;
  if (name == "pytest-benchmark") return Format::pytest_benchmark;
  fail(field, j.dump() + " is not one of auto, google-benchmark, pytest-benchmark");
}

ComparisonFiles read_comparison(const json& j, const std::string& field) {
  if (!j.is_object()) fail(field, "must be a mapping with current and baseline, got " + j.dump());
  reject_unknown_keys(j, field, {"current", "baseline", "format"});
  if (!j.contains("current")) fail(field, "missing required key 'current'");
  if (!j.contains("baseline")) fail(field, "missing required key 'baseline'");
  ComparisonFiles files;
  files.current = read_path(j["current"], field + ".current");
  files.baseline = read_path(j["baseline"], field + ".baseline");
  if (files.current == files.baseline)
    fail(field, "current and baseline are the same file '" + files.current + "'");
  if (j.contains("format")) files.format = read_format(j["format"], field + ".format");
  return files;
}

// The shortest text that reads back as `value`: 0, 0.5, 100.
std::string format_number(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

double read_number(const json& j, const std::string& field, double above, double at_most) {
  if (!j.is_number()) fail(field, "must be a number, got " + j.dump());
  const double value = j.get<double>();
  if (!(value > above) || value > at_most)
    fail(field, "must be greater than " + format_number(above) + " and at most " + format_number(at_most) +
                    ", got " + j.dump());
  return value;
}

}  // namespace

std::string format_name(Format format) {
  switch (format) {
    case Format::google_benchmark:
      return "google-benchmark";
    case Format::pytest_benchmark:
      return "pytest-benchmark";
    case Format::automatic:
      break;
  }
  return "auto";
}

std::string metric_name(Metric metric) { return metric == Metric::cpu_time ? "cpu_time" : "real_time"; }

BenchmarksConfig BenchmarksConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string(kSection) + ": configuration is not valid JSON: " + e.what());
  }
  if (!j.is_object()) fail("", "must be a mapping, got " + j.dump());
  reject_unknown_keys(
      j, "", {"enabled", "comparisons", "metric", "threshold", "alpha", "min_repetitions", "max_file_size"});
  if (j.contains("enabled") && !j["enabled"].is_boolean())
    fail(".enabled", "must be true or false, got " + j["enabled"].dump());
  BenchmarksConfig c;
  if (j.contains("comparisons")) {
    const json& list = j["comparisons"];
    if (!list.is_array()) fail(".comparisons", "must be a list, got " + list.dump());
    for (size_t i = 0; i < list.size(); ++i)
      c.comparisons.push_back(read_comparison(list[i], ".comparisons[" + std::to_string(i) + "]"));
  }
  if (j.contains("metric")) {
    const json& metric = j["metric"];
    if (metric == "real_time")
      c.metric = Metric::real_time;
    else if (metric == "cpu_time")
      c.metric = Metric::cpu_time;
    else
      fail(".metric", metric.dump() + " is not one of real_time, cpu_time");
  }
  if (j.contains("threshold")) c.settings.threshold = read_number(j["threshold"], ".threshold", 0, 100);
  if (j.contains("alpha")) c.settings.alpha = read_number(j["alpha"], ".alpha", 0, 0.5);
  if (j.contains("min_repetitions")) {
    const json& v = j["min_repetitions"];
    if (!v.is_number_integer() || v.get<int64_t>() < 3 || v.get<int64_t>() > 100000)
      fail(".min_repetitions", "must be a whole number from 3 to 100000, got " + v.dump());
    c.settings.min_repetitions = v.get<size_t>();
  }
  if (j.contains("max_file_size")) {
    const json& v = j["max_file_size"];
    if (!v.is_number_integer() || v.get<int64_t>() < 1)
      fail(".max_file_size", "must be a positive whole number of bytes, got " + v.dump());
    c.max_file_size = v.get<uint64_t>();
  }
  return c;
}

const char* benchmarks_config_schema() {
  return R"json({
  "type": "object",
  "description": "Benchmarks scanner: performance regressions between Google Benchmark or pytest-benchmark results and a baseline.",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "comparisons": {
      "type": "array", "default": [],
      "description": "Result files to compare, each current against its baseline (repository paths).",
      "items": {
        "type": "object", "additionalProperties": false, "required": ["current", "baseline"],
        "properties": {
          "current": {"type": "string", "description": "The results of this revision."},
          "baseline": {"type": "string", "description": "The results to compare with."},
          "format": {"type": "string", "enum": ["auto", "google-benchmark", "pytest-benchmark"], "default": "auto"}
        }
      }
    },
    "metric": {"type": "string", "enum": ["real_time", "cpu_time"], "default": "real_time",
               "description": "Which Google Benchmark time to compare (pytest-benchmark has wall time only)."},
    "threshold": {"type": "number", "exclusiveMinimum": 0, "maximum": 100, "default": 0.05,
                  "description": "Relative slowdown of the median that counts as a regression (0.05 = 5 %)."},
    "alpha": {"type": "number", "exclusiveMinimum": 0, "maximum": 0.5, "default": 0.05,
              "description": "Significance level of the Mann-Whitney U test."},
    "min_repetitions": {"type": "integer", "minimum": 3, "maximum": 100000, "default": 9,
                        "description": "Samples needed on both sides for the test; fewer give a low-confidence finding."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 67108864,
                      "description": "Result files larger than this many bytes are skipped with an error."}
  }
})json";
}

}  // namespace assay::benchmarks
