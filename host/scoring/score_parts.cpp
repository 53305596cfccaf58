#include "scoring/score_parts.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "finding/finding.h"
#include "scoring/numbers.h"

namespace assay::scoring {
namespace {

constexpr double kComponentMax = 10;  // WSJF and ICE components are 1..10
constexpr double kScoreMax = 100;     // debt, security and normalised scores
constexpr double kDaysPerMonth = 30;  // debt interest compounds monthly

std::string severity_name(const ResolvedFinding& f) { return known_severities()[*f.severity]; }

double severity_bonus(const ModelConfig& config, const ResolvedFinding& f) {
  return f.severity ? config.severity_bonus[*f.severity] : 0.0;
}

// A 1..10 component: a category's base value raised by the finding's facts,
// capped at 10. The text shows where the value came from when raised.
struct Raise {
  std::string label;
  double points = 0;
};

struct Component {
  double value = 0;
  std::string text;
};

Component raised(const std::string& name, double base, const std::vector<Raise>& raises, bool explain) {
  double sum = base;
  std::string detail = explain ? format_number(base) : std::string();
  for (const auto& raise : raises) {
    if (raise.points == 0) continue;
    sum += raise.points;
    if (explain) detail += " + " + raise.label + " " + format_number(raise.points);
  }
  const double value = round2(std::min(kComponentMax, sum));
  if (!explain) return {value, {}};
  std::string text = name + " " + format_number(value);
  if (value != base) text += " (" + detail + (sum > kComponentMax ? ", capped at 10" : "") + ")";
  return {value, text};
}

std::vector<Raise> severity_raise(const ModelConfig& config, const ResolvedFinding& f) {
  if (!f.severity) return {};
  return {{f.explain ? "severity " + severity_name(f) : std::string(), severity_bonus(config, f)}};
}

double age_points(const ModelConfig& config, const ResolvedFinding& f) {
  if (!f.age_days) return 0;
  return round2(std::min(config.age.max_points, *f.age_days / config.age.days_per_point));
}

double hotspot_points(const ModelConfig& config, const ResolvedFinding& f) {
  const double above_ordinary = std::max(0.0, f.hotspot_multiplier - 1.0);
  return round2(std::min(config.hotspot.max_points, above_ordinary * config.hotspot.points_per_unit));
}

// The ease of the first row whose max_hours covers the effort.
Component ease_of(const ModelConfig& config, double effort_hours, bool explain) {
  for (const auto& step : config.ease) {
    if (effort_hours <= step.max_hours) {
      if (!explain) return {step.ease, {}};
      return {step.ease, "ease " + format_number(step.ease) + " (effort " + format_number(effort_hours) +
                             " h <= " + format_number(step.max_hours) + " h)"};
    }
  }
  if (!explain) return {config.ease_beyond, {}};
  return {config.ease_beyond, "ease " + format_number(config.ease_beyond) + " (effort " +
                                  format_number(effort_hours) + " h > " +
                                  format_number(config.ease.back().max_hours) + " h)"};
}

std::string cvss_text(const ResolvedFinding& f) {
  return "CVSS " + format_number(*f.cvss) + " (severity " + severity_name(f) + ")";
}

}  // namespace

WsjfResult wsjf_score(const ModelConfig& config, const ResolvedFinding& f) {
  const CategoryTable& t = *f.table;
  const auto severity = severity_raise(config, f);
  const double age = age_points(config, f);
  const double hotspot = hotspot_points(config, f);
  const Component bv = raised("business value", t.business_value, severity, f.explain);
  const Component tc =
      raised("time criticality", t.time_criticality, {{"age", age}, {"hotspot", hotspot}}, f.explain);
  const Component rr = raised("risk reduction", t.risk_reduction, severity, f.explain);
  const Component oe = raised("opportunity", t.opportunity, {}, f.explain);
  const double cost_of_delay = round2(bv.value + tc.value + rr.value + oe.value);
  const double divisor = std::max(config.min_effort_hours, f.effort_hours);
  WsjfResult result;
  result.cost_of_delay = cost_of_delay;
  ScoreBreakdown& s = result.score;
  s.value = round2(cost_of_delay / divisor);
  if (!f.explain) return result;
  s.formula = "(" + bv.text + " + " + tc.text + " + " + rr.text + " + " + oe.text + ") / max(" +
              format_number(config.min_effort_hours) + ", effort " + format_number(f.effort_hours) +
              " h) = " + format_number(s.value);
  s.components = {{"business_value", bv.value},
                  {"time_criticality", tc.value},
                  {"risk_reduction", rr.value},
                  {"opportunity", oe.value},
                  {"effort_hours", f.effort_hours},
                  {"cost_of_delay", cost_of_delay},
                  {"severity_bonus", severity_bonus(config, f)},
                  {"age_points", age},
                  {"hotspot_points", hotspot}};
  return result;
}

ScoreBreakdown ice_score(const ModelConfig& config, const ResolvedFinding& f) {
  const Component impact = raised("impact", f.table->impact, severity_raise(config, f), f.explain);
  const double unclamped = std::round(f.confidence * 10);
  const double confidence = std::clamp(unclamped, 1.0, kComponentMax);
  const Component ease = ease_of(config, f.effort_hours, f.explain);
  ScoreBreakdown s;
  s.value = round2(impact.value * confidence * ease.value);
  if (!f.explain) return s;
  s.formula = impact.text + " × confidence " + format_number(confidence) + " (" +
              format_number(f.confidence) + " × 10" + (unclamped < 1 ? ", at least 1" : "") + ") × " +
              ease.text + " = " + format_number(s.value);
  s.components = {{"impact", impact.value},
                  {"confidence", confidence},
                  {"ease", ease.value},
                  {"effort_hours", f.effort_hours},
                  {"severity_bonus", severity_bonus(config, f)}};
  return s;
}

ScoreBreakdown technical_debt_score(const ModelConfig& config, const ResolvedFinding& f) {
  const double impact = f.table->debt_impact;
  ScoreBreakdown s;
  if (impact == 0) {
    if (!f.explain) return s;
    s.formula = "category " + f.category + " carries no debt impact = 0";
    s.components = {{"debt_impact", 0}};
    return s;
  }
  double interest = 0;
  std::string interest_text = f.explain ? "debt interest 0 (age unknown)" : "";
  const double rate = config.age.monthly_interest_rate;
  if (f.age_days) {
    const double raw = impact * (std::pow(1 + rate, *f.age_days / kDaysPerMonth) - 1);
    interest = round2(std::min(config.age.max_interest, raw));
    if (f.explain)
      interest_text =
          "debt interest " + format_number(interest) + " (" + format_number(impact) + " × ((1 + " +
          format_number(rate) + ")^(" + format_number(*f.age_days) + " d / 30) - 1)" +
          (raw > config.age.max_interest ? ", capped at " + format_number(config.age.max_interest) : "") + ")";
  }
  s.value = round2(std::clamp((impact + interest) * f.hotspot_multiplier, 0.0, kScoreMax));
  if (!f.explain) return s;
  s.formula = "min(100, (debt impact " + format_number(impact) + " + " + interest_text + ") × hotspot " +
              format_number(f.hotspot_multiplier) + ") = " + format_number(s.value);
  s.components = {{"debt_impact", impact},
                  {"debt_interest", interest},
                  {"hotspot_multiplier", f.hotspot_multiplier},
                  {"monthly_interest_rate", rate}};
  if (f.age_days) s.components.emplace_back("age_days", *f.age_days);
  return s;
}

ScoreBreakdown security_score(const ModelConfig& config, const ResolvedFinding& f) {
  ScoreBreakdown s;
  if (f.cvss) {
    s.value = round2(std::min(kScoreMax, *f.cvss * config.security.cvss_multiplier));
    if (!f.explain) return s;
    s.formula = cvss_text(f) + " × " + format_number(config.security.cvss_multiplier) + " = " +
                format_number(s.value);
    s.components = {{"cvss", *f.cvss}, {"cvss_multiplier", config.security.cvss_multiplier}};
  } else if (f.category != "security") {
    if (!f.explain) return s;
    s.formula = "category " + f.category + " without CVSS = 0";
  } else if (f.severity) {
    s.value = round2(config.security.by_severity[*f.severity]);
    if (!f.explain) return s;
    s.formula = "severity " + severity_name(f) + " = " + format_number(s.value);
    s.components = {{"severity_points", s.value}};
  } else {
    s.value = round2(config.security.unrated);
    if (!f.explain) return s;
    s.formula = "security finding without severity or CVSS = " + format_number(s.value);
    s.components = {{"severity_points", s.value}};
  }
  return s;
}

namespace {

double wsjf_normalised_of(const ModelConfig& config, double wsjf) {
  return round2(std::min(kScoreMax, wsjf / config.wsjf_scale * 100));
}

double ice_normalised_of(double ice) { return round2(ice / 10); }

}  // namespace

double composite_value(const ModelConfig& config, const Weights& w, const CategoryTable& table, double wsjf,
                       double ice, double debt, double security) {
  return round2((w.wsjf * wsjf_normalised_of(config, wsjf) + w.ice * ice_normalised_of(ice) +
                 w.technical_debt * debt + w.security * security) *
                table.boost);
}

ScoreBreakdown composite_score(const ModelConfig& config, const Weights& w, const ResolvedFinding& f,
                               const Breakdown& scores) {
  const double wsjf = scores.wsjf.value;
  const double ice = scores.ice.value;
  const double debt = scores.technical_debt.value;
  const double security = scores.security.value;
  const double wsjf_normalised = wsjf_normalised_of(config, wsjf);
  const double ice_normalised = ice_normalised_of(ice);
  const double boost = f.table->boost;
  ScoreBreakdown s;
  s.value = composite_value(config, w, *f.table, wsjf, ice, debt, security);
  if (!f.explain) return s;
  auto term = [](double weight, double value, const std::string& why) {
    return format_number(weight) + " × " + format_number(value) + " [" + why + "]";
  };
  s.formula =
      "(" +
      term(w.wsjf, wsjf_normalised,
           "WSJF " + format_number(wsjf) + " / " + format_number(config.wsjf_scale) + " × 100, max 100") +
      " + " + term(w.ice, ice_normalised, "ICE " + format_number(ice) + " / 10") + " + " +
      term(w.technical_debt, debt, "technical debt") + " + " + term(w.security, security, "security") +
      ") × boost " + format_number(boost) + " (" + f.category + ") = " + format_number(s.value);
  s.components = {{"weight_wsjf", w.wsjf},
                  {"wsjf_normalised", wsjf_normalised},
                  {"weight_ice", w.ice},
                  {"ice_normalised", ice_normalised},
                  {"weight_technical_debt", w.technical_debt},
                  {"technical_debt", debt},
                  {"weight_security", w.security},
                  {"security", security},
                  {"boost", boost}};
  return s;
}

ScoreBreakdown value_score(const ResolvedFinding& f, double cost_of_delay) {
  const double per_point = f.table->usd_per_point;
  ScoreBreakdown s;
  s.value = round2(cost_of_delay * per_point);
  if (!f.explain) return s;
  s.formula = "cost of delay " + format_number(cost_of_delay) + " × " + format_usd(per_point) + " (" +
              f.category + ") = " + format_usd(s.value);
  s.components = {{"cost_of_delay", cost_of_delay}, {"usd_per_point", per_point}};
  return s;
}

ScoreBreakdown risk_score(const ModelConfig& config, const ResolvedFinding& f) {
  const RiskRules& r = config.risk;
  const double base = f.table->base_risk;
  ScoreBreakdown s;
  s.value = round2(std::clamp(
      base + r.per_effort_hour * f.effort_hours + (1 - f.confidence) * r.uncertainty_weight, 0.0, 1.0));
  if (!f.explain) return s;
  s.formula = "clamp(base risk " + format_number(base) + " + " + format_number(r.per_effort_hour) +
              " × effort " + format_number(f.effort_hours) + " h + (1 - confidence " +
              format_number(f.confidence) + ") × " + format_number(r.uncertainty_weight) +
              ", 0, 1) = " + format_number(s.value);
  s.components = {{"base_risk", base},
                  {"per_effort_hour", r.per_effort_hour},
                  {"effort_hours", f.effort_hours},
                  {"confidence", f.confidence},
                  {"uncertainty_weight", r.uncertainty_weight}};
  return s;
}

}  // namespace assay::scoring
