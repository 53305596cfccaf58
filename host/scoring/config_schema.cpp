#include "scoring/config_schema.h"

#include <nlohmann/json.hpp>

#include "finding/finding.h"
#include "scoring/model_config.h"

namespace assay::scoring {
namespace {

using nlohmann::json;

json number(double minimum, double maximum, const char* description) {
  return {{"type", "number"}, {"minimum", minimum}, {"maximum", maximum}, {"description", description}};
}

// A mapping whose keys are all required and which accepts no other key.
json object(const char* description, std::vector<std::pair<std::string, json>> properties) {
  json props = json::object();
  json required = json::array();
  for (auto& [name, schema] : properties) {
    required.push_back(name);
    props[name] = std::move(schema);
  }
  return {{"type", "object"},
          {"description", description},
          {"properties", std::move(props)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

json per_severity(const char* description, double minimum, double maximum, const char* each) {
  std::vector<std::pair<std::string, json>> properties;
  for (const auto& severity : known_severities())
    properties.emplace_back(severity, number(minimum, maximum, each));
  return object(description, std::move(properties));
}

json severity_schema() {
  return object(
      "How a finding's severity raises its scores.",
      {{"bonus", per_severity("Points added to business value, risk reduction and ICE impact (capped at 10).",
                              0, 9, "bonus points")},
       {"cvss_bands",
        object(
            "Lower bound of each CVSS v3 band (greater than 0, rising); a CVSS below 'low' counts as info.",
            {{"low", number(0, 10, "lowest CVSS of a low finding")},
             {"medium", number(0, 10, "lowest CVSS of a medium finding")},
             {"high", number(0, 10, "lowest CVSS of a high finding")},
             {"critical", number(0, 10, "lowest CVSS of a critical finding")}})}});
}

json age_schema() {
  return object(
      "Debt interest: old lines raise time criticality and technical debt.",
      {{"days_per_point", number(0, 36500, "days of age per time criticality point (greater than 0)")},
       {"max_points", number(0, 9, "cap of the time criticality added by age")},
       {"monthly_interest_rate", number(0, 1, "debt interest rate, compounded every 30 days")},
       {"max_interest", number(0, 100, "cap of the debt interest, in debt points")}});
}

json hotspot_schema() {
  return object("Hotspot files (churn × complexity) make their items more urgent.",
                {{"points_per_unit", number(0, 9, "time criticality per unit of multiplier above 1")},
                 {"max_points", number(0, 9, "cap of the time criticality added by the hotspot")}});
}

json ice_schema() {
  json row = object("Efforts up to max_hours get this ease.",
                    {{"max_hours", number(0, 100000, "upper effort bound, hours (greater than 0, rising)")},
                     {"ease", number(1, 10, "ease 1..10")}});
  return object(
      "ICE = impact × confidence × ease.",
      {{"ease", {{"type", "array"}, {"description", "effort → ease table"}, {"items", std::move(row)}}},
       {"ease_beyond", number(1, 10, "ease of efforts beyond the last row")}});
}

json security_schema() {
  return object("Security score 0..100; zero for findings that are neither security nor carry a CVSS.",
                {{"cvss_multiplier", number(0, 10, "security score = CVSS × this (greater than 0)")},
                 {"by_severity",
                  per_severity("Security score of a finding without CVSS, by severity.", 0, 100, "score")},
                 {"unrated", number(0, 100, "score of a security finding with neither severity nor CVSS")}});
}

json weights_schema() {
  std::vector<std::pair<std::string, json>> levels;
  for (const auto& level : maturity_levels()) {
    levels.emplace_back(level, object("Weights of one maturity level; they sum to 1.",
                                      {{"wsjf", number(0, 1, "weight of WSJF / scale × 100")},
                                       {"ice", number(0, 1, "weight of ICE / 10")},
                                       {"technical_debt", number(0, 1, "weight of technical debt")},
                                       {"security", number(0, 1, "weight of security")}}));
  }
  return object("Composite weights per maturity level.", std::move(levels));
}

json category_schema() {
  return object("What findings of this category are worth before their own facts raise them.",
                {{"business_value", number(1, 10, "WSJF user/business value")},
                 {"time_criticality", number(1, 10, "WSJF time criticality")},
                 {"risk_reduction", number(1, 10, "WSJF risk reduction")},
                 {"opportunity", number(1, 10, "WSJF opportunity enablement")},
                 {"impact", number(1, 10, "ICE impact")},
                 {"debt_impact", number(0, 100, "technical debt base; 0 = the category carries no debt")},
                 {"boost", number(0, 10, "composite multiplier (greater than 0)")},
                 {"usd_per_point", number(0, 1000000, "dollars per cost-of-delay point")},
                 {"base_risk", number(0, 1, "risk of touching the code at all")},
                 {"effort_hours", number(0, 10000, "effort of findings that state none")}});
}

json categories_schema() {
  std::vector<std::pair<std::string, json>> categories;
  for (const auto& name : known_categories()) categories.emplace_back(name, category_schema());
  return object("One table per category.", std::move(categories));
}

}  // namespace

json config_schema() {
  return object(
      "The scoring model (docs/scoring.md).",
      {{"default_category",
        {{"type", "string"},
         {"enum", known_categories()},
         {"description", "category of findings without one"}}},
       {"default_confidence", number(0, 1, "confidence of findings whose scanner states none")},
       {"wsjf",
        object("WSJF = cost of delay / max(min_effort_hours, effort).",
               {{"min_effort_hours", number(0, 1000, "floor of the divisor (greater than 0)")},
                {"scale", number(0, 1000, "WSJF that counts as 100 in the composite (greater than 0)")}})},
       {"severity", severity_schema()},
       {"age", age_schema()},
       {"hotspot", hotspot_schema()},
       {"ice", ice_schema()},
       {"security", security_schema()},
       {"risk", object("Risk = base risk + per_effort_hour × effort + (1 - confidence) × uncertainty_weight.",
                       {{"per_effort_hour", number(0, 1, "risk per hour of effort")},
                        {"uncertainty_weight", number(0, 1, "weight of (1 - confidence)")}})},
       {"weights", weights_schema()},
       {"next_best", object("Which items may be proposed as the next best.",
                            {{"min_score", number(0, 1000, "lowest composite")},
                             {"max_risk", number(0, 1, "highest risk")}})},
       {"categories", categories_schema()}});
}

}  // namespace assay::scoring
