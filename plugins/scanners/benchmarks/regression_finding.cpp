#include "regression_finding.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace assay::benchmarks {
namespace {

using nlohmann::ordered_json;

constexpr double kMediumChange = 0.2;
constexpr double kHighChange = 0.5;

std::string severity_for(double change) {
  if (change >= kHighChange) return "high";
  if (change >= kMediumChange) return "medium";
  return "low";
}

ordered_json side(double center, size_t samples, const std::string& path) {
  return {{"file", path}, {"value_ns", center}, {"samples", samples}};
}

ordered_json test_details(const Comparison& c, const RegressionSettings& settings) {
  if (!c.test) return nullptr;
  return {{"name", "mann-whitney-u"},
          {"alternative", "two-sided"},
          {"method", c.test->exact ? "exact" : "normal approximation"},
          {"u", c.test->u},
          {"z", c.test->z},
          {"ties", c.test->ties},
          {"p_value", c.test->p_value},
          {"alpha", settings.alpha}};
}

}  // namespace

std::string format_duration(double nanoseconds) {
  const char* unit = "ns";
  double value = nanoseconds;
  if (nanoseconds >= 1e9) {
    unit = "s";
    value = nanoseconds / 1e9;
  } else if (nanoseconds >= 1e6) {
    unit = "ms";
    value = nanoseconds / 1e6;
  } else if (nanoseconds >= 1e3) {
    unit = "µs";
    value = nanoseconds / 1e3;
  }
  char text[64];
  std::snprintf(text, sizeof(text), "%.3g %s", value, unit);
  return text;
}

std::string format_percent(double fraction) {
  char text[64];
  std::snprintf(text, sizeof(text), "%.1f%%", fraction * 100);
  return text;
}

sdk::Finding regression_finding(const std::string& name, const Comparison& c,
                                const RegressionContext& context) {
  const bool low = c.verdict == Verdict::low_confidence;
  sdk::Finding f;
  f.rule = "benchmark-regression";
  f.title = name + " is " + format_percent(c.change) + " slower (" + c.statistic + " " +
            format_duration(c.baseline) + " -> " + format_duration(c.current) + ")" +
            (low ? ", low confidence: too few repetitions to test" : "");
  f.category = "performance";
  f.severity = severity_for(c.change);
  f.confidence = low ? kLowConfidence : std::clamp(1 - c.test->p_value, 0.0, 1.0);
  f.path = context.files.current;
  f.evidence =
      "benchmark " + name + " (" + metric_name(context.metric) + ") slower than in " + context.files.baseline;
  f.identity = "benchmark\n" + context.format + "\n" + name + "\n" + metric_name(context.metric);
  f.tags = {"benchmark", "regression", context.format};
  if (low) f.tags.push_back("low-confidence");
  ordered_json details;
  details["benchmark"] = name;
  details["format"] = context.format;
  details["metric"] = metric_name(context.metric);
  details["statistic"] = c.statistic;
  details["baseline"] = side(c.baseline, c.baseline_samples, context.files.baseline);
  details["current"] = side(c.current, c.current_samples, context.files.current);
  details["change"] = c.change;
  details["threshold"] = context.settings.threshold;
  details["confidence"] = low ? "low" : "tested";
  details["min_repetitions"] = context.settings.min_repetitions;
  details["test"] = test_details(c, context.settings);
  f.details_json = details.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  return f;
}

}  // namespace assay::benchmarks
