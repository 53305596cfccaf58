#include "cvss.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>

namespace assay::osv {
namespace {

struct MetricValue {
  char letter;
  double weight;
};

struct BaseMetric {
  std::string_view name;
  std::array<MetricValue, 4> values;  // letter '\0' ends a shorter list
};

// Weights of the specification's tables. PR is adjusted for a changed scope
// below.
constexpr std::array<BaseMetric, 8> kBaseMetrics = {{
    {"AV", {{{'N', 0.85}, {'A', 0.62}, {'L', 0.55}, {'P', 0.2}}}},
    {"AC", {{{'L', 0.77}, {'H', 0.44}, {'\0', 0}, {'\0', 0}}}},
    {"PR", {{{'N', 0.85}, {'L', 0.62}, {'H', 0.27}, {'\0', 0}}}},
    {"UI", {{{'N', 0.85}, {'R', 0.62}, {'\0', 0}, {'\0', 0}}}},
    {"S", {{{'U', 0}, {'C', 0}, {'\0', 0}, {'\0', 0}}}},
    {"C", {{{'H', 0.56}, {'L', 0.22}, {'N', 0}, {'\0', 0}}}},
    {"I", {{{'H', 0.56}, {'L', 0.22}, {'N', 0}, {'\0', 0}}}},
    {"A", {{{'H', 0.56}, {'L', 0.22}, {'N', 0}, {'\0', 0}}}},
}};

// Temporal and environmental metrics, accepted and not scored.
constexpr std::array<std::string_view, 14> kOtherMetrics = {"E",   "RL",  "RC",  "CR", "IR", "AR", "MAV",
                                                            "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA"};

// CVSS v3.1 Roundup: the smallest one-decimal number >= x, computed on
// integers so that 4.000000001 style float noise does not round up.
double roundup_31(double x) {
  const auto scaled = static_cast<int64_t>(std::llround(x * 100000.0));
  if (scaled % 10000 == 0) return static_cast<double>(scaled) / 100000.0;
  return (std::floor(static_cast<double>(scaled) / 10000.0) + 1.0) / 10.0;
}

// CVSS v3.0 Roundup as that specification defines it.
double roundup_30(double x) { return std::ceil(x * 10.0) / 10.0; }

std::optional<double> failed(std::string* problem, std::string message) {
  if (problem != nullptr) *problem = std::move(message);
  return std::nullopt;
}

}  // namespace

std::optional<double> cvss3_base_score(std::string_view vector, std::string* problem) {
  bool v31 = false;
  if (vector.substr(0, 9) == "CVSS:3.1/") {
    v31 = true;
  } else if (vector.substr(0, 9) != "CVSS:3.0/") {
    return failed(problem, "not a CVSS v3.0 or v3.1 vector (it must start with CVSS:3.0/ or CVSS:3.1/)");
  }
  std::map<std::string_view, MetricValue> base;
  std::map<std::string_view, bool> others;
  std::string_view rest = vector.substr(9);
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    const size_t colon = part.find(':');
    if (colon == std::string_view::npos || colon + 2 != part.size())
      return failed(problem, "metric '" + std::string(part) + "' is not NAME:VALUE");
    const std::string_view name = part.substr(0, colon);
    const char value = part[colon + 1];
    const auto metric = std::find_if(kBaseMetrics.begin(), kBaseMetrics.end(),
                                     [&](const BaseMetric& m) { return m.name == name; });
    if (metric == kBaseMetrics.end()) {
      if (std::find(kOtherMetrics.begin(), kOtherMetrics.end(), name) == kOtherMetrics.end())
        return failed(problem, "unknown metric '" + std::string(name) + "'");
      if (others[name]) return failed(problem, "metric '" + std::string(name) + "' given twice");
      others[name] = true;
      continue;
    }
    if (base.count(name) != 0) return failed(problem, "metric '" + std::string(name) + "' given twice");
    const auto found = std::find_if(metric->values.begin(), metric->values.end(), [&](const MetricValue& v) {
      return v.letter != '\0' && v.letter == value;
    });
    if (found == metric->values.end())
      return failed(problem, "invalid value '" + std::string(1, value) + "' for metric " + std::string(name));
    base[name] = *found;
  }
  for (const BaseMetric& m : kBaseMetrics) {
    if (base.count(m.name) == 0) return failed(problem, "missing base metric " + std::string(m.name));
  }
  const bool changed = base["S"].letter == 'C';
  double privileges = base["PR"].weight;
  if (changed && base["PR"].letter == 'L') privileges = 0.68;
  if (changed && base["PR"].letter == 'H') privileges = 0.5;
  const double iss = 1.0 - (1.0 - base["C"].weight) * (1.0 - base["I"].weight) * (1.0 - base["A"].weight);
  const double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  const double exploitability = 8.22 * base["AV"].weight * base["AC"].weight * privileges * base["UI"].weight;
  if (impact <= 0) return 0.0;
  const double raw =
      changed ? std::min(1.08 * (impact + exploitability), 10.0) : std::min(impact + exploitability, 10.0);
  return v31 ? roundup_31(raw) : roundup_30(raw);
}

const char* cvss3_severity(double score) {
  if (score >= 9.0) return "critical";
  if (score >= 7.0) return "high";
  if (score >= 4.0) return "medium";
  if (score >= 0.1) return "low";
  return "info";
}

}  // namespace assay::osv
