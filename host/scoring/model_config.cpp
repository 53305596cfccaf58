#include "scoring/model_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "finding/finding.h"
#include "scoring/numbers.h"

namespace assay::scoring {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
  throw std::invalid_argument(path + ": " + problem);
}

// A mapping of the configuration with its dotted path, so every error names
// the field. Construction refuses keys outside `keys`; reading refuses
// missing ones.
class Section {
 public:
  Section(const YAML::Node& node, std::string path, const std::vector<std::string>& keys)
      : node_(node), path_(std::move(path)) {
    if (!node_.IsDefined() || node_.IsNull()) fail(path_, "missing");
    if (!node_.IsMap()) fail(path_, "must be a mapping with keys " + joined(keys));
    for (const auto& entry : node_) {
      if (!entry.first.IsScalar()) fail(path_, "keys must be plain names");
      const auto key = entry.first.as<std::string>();
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        fail(path_ + "." + key, "unknown key (expected one of " + joined(keys) + ")");
      }
    }
  }

  std::string path(const std::string& key) const { return path_ + "." + key; }

  YAML::Node at(const std::string& key) const {
    const YAML::Node child = node_[key];
    if (!child.IsDefined() || child.IsNull()) fail(path(key), "missing");
    return child;
  }

  double number(const std::string& key, double lo, double hi) const {
    const double value = parse_number(key);
    if (!(value >= lo && value <= hi)) {
      fail(path(key), "must be a number in [" + format_number(lo) + ", " + format_number(hi) + "]");
    }
    return value;
  }

  // Numbers that divide or scale something: zero would be meaningless.
  double positive(const std::string& key, double hi) const {
    const double value = parse_number(key);
    if (!(value > 0 && value <= hi))
      fail(path(key), "must be a number greater than 0 and at most " + format_number(hi));
    return value;
  }

  std::string text(const std::string& key) const {
    const YAML::Node child = at(key);
    if (!child.IsScalar()) fail(path(key), "must be a string");
    return child.as<std::string>();
  }

  Section section(const std::string& key, const std::vector<std::string>& keys) const {
    return Section(at(key), path(key), keys);
  }

 private:
  double parse_number(const std::string& key) const {
    const YAML::Node child = at(key);
    double value = 0;
    if (!child.IsScalar() || !YAML::convert<double>::decode(child, value) || !std::isfinite(value)) {
      fail(path(key), "must be a number");
    }
    return value;
  }

  YAML::Node node_;
  std::string path_;
};

PerSeverity per_severity(const Section& parent, const std::string& key, double lo, double hi) {
  const auto& names = known_severities();
  const Section table = parent.section(key, names);
  PerSeverity values{};
  for (size_t i = 0; i < names.size(); ++i) values[i] = table.number(names[i], lo, hi);
  return values;
}

CvssBands parse_cvss_bands(const Section& severity) {
  const Section bands = severity.section("cvss_bands", {"low", "medium", "high", "critical"});
  CvssBands out;
  out.low = bands.positive("low", 10);
  out.medium = bands.positive("medium", 10);
  out.high = bands.positive("high", 10);
  out.critical = bands.positive("critical", 10);
  if (!(out.low < out.medium && out.medium < out.high && out.high < out.critical)) {
    fail(severity.path("cvss_bands"), "bounds must rise strictly: low < medium < high < critical");
  }
  return out;
}

AgeRules parse_age(const Section& scoring) {
  const Section age =
      scoring.section("age", {"days_per_point", "max_points", "monthly_interest_rate", "max_interest"});
  AgeRules out;
  out.days_per_point = age.positive("days_per_point", 36500);
  out.max_points = age.number("max_points", 0, 9);
  out.monthly_interest_rate = age.number("monthly_interest_rate", 0, 1);
  out.max_interest = age.number("max_interest", 0, 100);
  return out;
}

HotspotRules parse_hotspot(const Section& scoring) {
  const Section hotspot = scoring.section("hotspot", {"points_per_unit", "max_points"});
  return {hotspot.number("points_per_unit", 0, 9), hotspot.number("max_points", 0, 9)};
}

std::vector<EaseStep> parse_ease_table(const Section& ice) {
  const YAML::Node rows = ice.at("ease");
  const std::string path = ice.path("ease");
  if (!rows.IsSequence() || rows.size() == 0) fail(path, "must be a non-empty list of {max_hours, ease}");
  std::vector<EaseStep> steps;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Section row(rows[i], path + "[" + std::to_string(i) + "]", {"max_hours", "ease"});
    EaseStep step{row.positive("max_hours", 100000), row.number("ease", 1, 10)};
    if (!steps.empty() && step.max_hours <= steps.back().max_hours) {
      fail(row.path("max_hours"),
           "must be greater than the previous row's " + format_number(steps.back().max_hours));
    }
    steps.push_back(step);
  }
  return steps;
}

SecurityRules parse_security(const Section& scoring) {
  const Section security = scoring.section("security", {"cvss_multiplier", "by_severity", "unrated"});
  SecurityRules out;
  out.cvss_multiplier = security.positive("cvss_multiplier", 10);
  out.by_severity = per_severity(security, "by_severity", 0, 100);
  out.unrated = security.number("unrated", 0, 100);
  return out;
}

Weights parse_weights(const Section& levels, const std::string& level) {
  const Section row = levels.section(level, {"wsjf", "ice", "technical_debt", "security"});
  Weights w{row.number("wsjf", 0, 1), row.number("ice", 0, 1), row.number("technical_debt", 0, 1),
            row.number("security", 0, 1)};
  const double sum = w.wsjf + w.ice + w.technical_debt + w.security;
  if (std::fabs(sum - 1.0) > 1e-6) {
    fail(levels.path(level), "weights must sum to 1 (they sum to " + format_number(sum) + ")");
  }
  return w;
}

CategoryTable parse_category(const Section& categories, const std::string& name) {
  const Section row = categories.section(
      name, {"business_value", "time_criticality", "risk_reduction", "opportunity", "impact", "debt_impact",
             "boost", "usd_per_point", "base_risk", "effort_hours"});
  CategoryTable t;
  t.business_value = row.number("business_value", 1, 10);
  t.time_criticality = row.number("time_criticality", 1, 10);
  t.risk_reduction = row.number("risk_reduction", 1, 10);
  t.opportunity = row.number("opportunity", 1, 10);
  t.impact = row.number("impact", 1, 10);
  t.debt_impact = row.number("debt_impact", 0, 100);
  t.boost = row.positive("boost", 10);
  t.usd_per_point = row.number("usd_per_point", 0, 1000000);
  t.base_risk = row.number("base_risk", 0, 1);
  t.effort_hours = row.number("effort_hours", 0, 10000);
  return t;
}

void parse_tables(const Section& scoring, ModelConfig& config) {
  const Section levels = scoring.section("weights", maturity_levels());
  for (const auto& level : maturity_levels()) config.weights[level] = parse_weights(levels, level);
  const Section categories = scoring.section("categories", known_categories());
  for (const auto& name : known_categories()) config.categories[name] = parse_category(categories, name);
  config.default_category = scoring.text("default_category");
  if (!config.categories.count(config.default_category)) {
    fail(scoring.path("default_category"),
         "'" + config.default_category + "' is not one of " + joined(known_categories()));
  }
}

}  // namespace

const std::vector<std::string>& maturity_levels() {
  static const std::vector<std::string> levels = {"nascent", "developing", "maturing", "advanced"};
  return levels;
}

ModelConfig parse_model_config(const YAML::Node& scoring_section) {
  const Section scoring(scoring_section, "scoring",
                        {"default_category", "default_confidence", "wsjf", "severity", "age", "hotspot",
                         "ice", "security", "risk", "weights", "next_best", "categories"});
  ModelConfig config;
  config.default_confidence = scoring.number("default_confidence", 0, 1);
  const Section wsjf = scoring.section("wsjf", {"min_effort_hours", "scale"});
  config.min_effort_hours = wsjf.positive("min_effort_hours", 1000);
  config.wsjf_scale = wsjf.positive("scale", 1000);
  const Section severity = scoring.section("severity", {"bonus", "cvss_bands"});
  config.severity_bonus = per_severity(severity, "bonus", 0, 9);
  config.cvss_bands = parse_cvss_bands(severity);
  config.age = parse_age(scoring);
  config.hotspot = parse_hotspot(scoring);
  const Section ice = scoring.section("ice", {"ease", "ease_beyond"});
  config.ease = parse_ease_table(ice);
  config.ease_beyond = ice.number("ease_beyond", 1, 10);
  config.security = parse_security(scoring);
  const Section risk = scoring.section("risk", {"per_effort_hour", "uncertainty_weight"});
  config.risk = {risk.number("per_effort_hour", 0, 1), risk.number("uncertainty_weight", 0, 1)};
  const Section next_best = scoring.section("next_best", {"min_score", "max_risk"});
  config.next_best = {next_best.number("min_score", 0, 1000), next_best.number("max_risk", 0, 1)};
  parse_tables(scoring, config);
  return config;
}

}  // namespace assay::scoring
