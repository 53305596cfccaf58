#include "scoring/model.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "finding/finding.h"
#include "scoring/numbers.h"
#include "scoring/score_parts.h"

namespace assay::scoring {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::optional<size_t> index_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<size_t>(it - names.begin());
}

const Weights& weights_of(const ModelConfig& config, const std::string& level) {
  const auto it = config.weights.find(level);
  if (it == config.weights.end()) {
    throw std::invalid_argument("maturity level '" + level + "' is not one of " + joined(maturity_levels()));
  }
  return it->second;
}

double checked(std::optional<double> value, double fallback, double lo, double hi, const std::string& field) {
  const double v = value.value_or(fallback);
  if (!(v >= lo && v <= hi)) {
    throw std::invalid_argument(field + " " + format_number(v) + " is outside [" + format_number(lo) + ", " +
                                format_number(hi) + "]");
  }
  return v;
}

// The CVSS v3 band a base score falls in; below the low band is "info".
size_t severity_of_cvss(double cvss, const CvssBands& bands) {
  const auto& names = known_severities();
  if (cvss >= bands.critical) return *index_of(names, "critical");
  if (cvss >= bands.high) return *index_of(names, "high");
  if (cvss >= bands.medium) return *index_of(names, "medium");
  if (cvss >= bands.low) return *index_of(names, "low");
  return *index_of(names, "info");
}

std::optional<size_t> effective_severity(const Finding& f, const CvssBands& bands) {
  if (f.cvss) return severity_of_cvss(*f.cvss, bands);
  if (f.severity.empty()) return std::nullopt;
  const auto index = index_of(known_severities(), f.severity);
  if (!index) {
    throw std::invalid_argument("finding severity '" + f.severity + "' is not one of " +
                                joined(known_severities()));
  }
  return index;
}

// Reads the finding's category, cvss, severity, effort_hours and confidence
// and the context's fields; Model::score_key must name the same.
ResolvedFinding resolve(const ModelConfig& config, const Finding& f, const FileContext& context) {
  ResolvedFinding r;
  r.category = f.category.empty() ? config.default_category : f.category;
  const auto table = config.categories.find(r.category);
  if (table == config.categories.end()) {
    throw std::invalid_argument("finding category '" + r.category + "' is not one of " +
                                joined(known_categories()));
  }
  r.table = &table->second;
  if (f.cvss) r.cvss = checked(f.cvss, 0, 0, 10, "finding cvss");
  r.severity = effective_severity(f, config.cvss_bands);
  r.effort_hours = checked(f.effort_hours, r.table->effort_hours, 0, 1e9, "finding effort_hours");
  r.confidence = checked(f.confidence, config.default_confidence, 0, 1, "finding confidence");
  r.hotspot_multiplier = checked(context.hotspot_multiplier, 1, 0, 1e9, "file hotspot multiplier");
  if (context.age_days) r.age_days = checked(context.age_days, 0, 0, 1e9, "line age_days");
  return r;
}

// Appends an optional number's presence and exact bits.
void append_key_part(std::string& key, std::optional<double> value) {
  key += value ? '\1' : '\0';
  const double v = value.value_or(0);
  key.append(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace

// Must name every field resolve() reads: a field left out would let two
// findings that score differently share a key.
std::string Model::score_key(const Finding& f, const FileContext& context) {
  std::string key = f.category;
  key += '\0';
  key += f.severity;
  key += '\0';
  append_key_part(key, f.cvss);
  append_key_part(key, f.effort_hours);
  append_key_part(key, f.confidence);
  append_key_part(key, context.hotspot_multiplier);
  append_key_part(key, context.age_days);
  return key;
}

Model::Model(ModelConfig config, const std::string& maturity_level)
    : config_(std::move(config)),
      maturity_level_(maturity_level),
      weights_(weights_of(config_, maturity_level)) {}

Model Model::from_yaml(const YAML::Node& scoring_section, const std::string& maturity_level) {
  return Model(parse_model_config(scoring_section), maturity_level);
}

Model Model::with_maturity_level(const std::string& maturity_level) const {
  return Model(config_, maturity_level);
}

Scores Model::score(const Finding& finding, const FileContext& context) const {
  return compute(finding, context, true);
}

ScoreValues Model::values(const Finding& finding, const FileContext& context) const {
  return compute(finding, context, false);
}

Scores Model::compute(const Finding& finding, const FileContext& context, bool explain) const {
  ResolvedFinding f = resolve(config_, finding, context);
  f.explain = explain;
  Scores s;
  s.category = f.category;
  s.severity = f.severity ? known_severities()[*f.severity] : "";
  s.effort_hours = f.effort_hours;
  s.confidence = f.confidence;
  const WsjfResult wsjf = wsjf_score(config_, f);
  Breakdown& b = s.breakdown;
  b.wsjf = wsjf.score;
  b.ice = ice_score(config_, f);
  b.technical_debt = technical_debt_score(config_, f);
  b.security = security_score(config_, f);
  b.composite = composite_score(config_, weights_, f, b);
  b.value_usd = value_score(f, wsjf.cost_of_delay);
  b.risk = risk_score(config_, f);
  s.wsjf = b.wsjf.value;
  s.ice = b.ice.value;
  s.technical_debt = b.technical_debt.value;
  s.security = b.security.value;
  s.composite = b.composite.value;
  s.value_usd = b.value_usd.value;
  s.risk = b.risk.value;
  return s;
}

bool Model::next_best_eligible(const ScoreValues& scores) const {
  return scores.composite >= config_.next_best.min_score && scores.risk <= config_.next_best.max_risk;
}

std::string Model::key_prefix(const std::string& category) {
  // Searched in a flat table: the merge asks for every item's prefix, and
  // ten short names compare faster than a map's string nodes are walked.
  static constexpr std::pair<std::string_view, const char*> kPrefixes[] = {
      {"security", "SEC"},    {"dependency", "DEP"},    {"technical-debt", "TD"},    {"performance", "PERF"},
      {"testing", "TEST"},    {"documentation", "DOC"}, {"infrastructure", "INFRA"}, {"code-quality", "CQ"},
      {"compliance", "COMP"}, {"feature", "FEAT"}};
  for (const auto& [name, prefix] : kPrefixes)
    if (name == category) return prefix;
  throw std::invalid_argument("category '" + category + "' has no key prefix: not one of " +
                              joined(known_categories()));
}

}  // namespace assay::scoring
