// Every score explains itself: formulas with the actual numbers, named
// components, and the JSON shape reporters and `assay explain` read.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "default_config.h"
#include "finding/finding.h"
#include "scoring/model.h"
#include "scoring/numbers.h"

namespace assay::scoring {
namespace {

Model developing_model() { return Model::from_yaml(testing::default_scoring_section(), "developing"); }

Finding finding(const std::string& category, const std::string& severity = "") {
  Finding f;
  f.rule = "RULE";
  f.title = "a finding";
  f.category = category;
  f.severity = severity;
  return f;
}

double component(const ScoreBreakdown& s, const std::string& name) {
  for (const auto& [key, value] : s.components) {
    if (key == name) return value;
  }
  ADD_FAILURE() << "no component " << name << " in " << s.formula;
  return NAN;
}

TEST(ScoringBreakdown, DebtMarkerFormulasShowTheNumbers) {
  const Breakdown b = developing_model().score(finding("technical-debt"), {}).breakdown;
  EXPECT_EQ(b.wsjf.formula,
            "(business value 4 + time criticality 2 + risk reduction 4 + opportunity 5) / max(0.5, effort 2 "
            "h) = 7.5");
  EXPECT_EQ(b.ice.formula, "impact 4 × confidence 8 (0.8 × 10) × ease 9 (effort 2 h <= 2 h) = 288");
  EXPECT_EQ(b.technical_debt.formula,
            "min(100, (debt impact 40 + debt interest 0 (age unknown)) × hotspot 1) = 40");
  EXPECT_EQ(b.security.formula, "category technical-debt without CVSS = 0");
  EXPECT_EQ(
      b.composite.formula,
      "(0.5 × 15 [WSJF 7.5 / 50 × 100, max 100] + 0.2 × 28.8 [ICE 288 / 10] + 0.2 × 40 [technical debt] + "
      "0.1 × 0 [security]) × boost 1 (technical-debt) = 21.26");
  EXPECT_EQ(b.value_usd.formula, "cost of delay 15 × $30 (technical-debt) = $450");
  EXPECT_EQ(b.risk.formula,
            "clamp(base risk 0.2 + 0.01 × effort 2 h + (1 - confidence 0.8) × 0.5, 0, 1) = 0.32");
}

TEST(ScoringBreakdown, RaisedComponentsShowWhereTheyCameFrom) {
  Finding f = finding("security", "high");
  f.cvss = 9.8;
  const Breakdown b = developing_model().score(f, {}).breakdown;
  EXPECT_NE(b.wsjf.formula.find("business value 10 (8 + severity critical 4, capped at 10)"),
            std::string::npos)
      << b.wsjf.formula;
  EXPECT_NE(b.wsjf.formula.find("risk reduction 10 (9 + severity critical 4, capped at 10)"),
            std::string::npos);
  EXPECT_EQ(b.security.formula, "CVSS 9.8 (severity critical) × 10 = 98");
  EXPECT_EQ(b.technical_debt.formula, "category security carries no debt impact = 0");
  EXPECT_EQ(b.value_usd.formula, "cost of delay 31 × $60 (security) = $1,860");

  Finding aged = finding("technical-debt");
  const Breakdown a = developing_model().score(aged, {2.0, 60.0}).breakdown;
  EXPECT_NE(a.wsjf.formula.find("time criticality 6 (2 + age 2 + hotspot 2)"), std::string::npos)
      << a.wsjf.formula;
  EXPECT_EQ(a.technical_debt.formula,
            "min(100, (debt impact 40 + debt interest 4.1 (40 × ((1 + 0.05)^(60 d / 30) - 1))) × hotspot 2) "
            "= 88.2");
  EXPECT_DOUBLE_EQ(component(a.technical_debt, "age_days"), 60);
}

// The displayed components recompute the displayed value: no hidden
// precision between a formula and its result.
TEST(ScoringBreakdown, ComponentsReproduceTheValues) {
  const Model model = developing_model();
  std::vector<std::pair<Finding, FileContext>> cases;
  cases.push_back({finding("technical-debt"), {}});
  cases.push_back({finding("performance", "medium"), {1.7, 45.0}});
  cases.push_back({finding("testing", "low"), {3.0, 1000.0}});
  Finding cvss = finding("dependency");
  cvss.cvss = 6.3;
  cvss.effort_hours = 7;
  cvss.confidence = 0.55;
  cases.push_back({cvss, {}});
  for (const auto& [f, ctx] : cases) {
    const Scores s = model.score(f, ctx);
    const Breakdown& b = s.breakdown;
    const double cod = component(b.wsjf, "business_value") + component(b.wsjf, "time_criticality") +
                       component(b.wsjf, "risk_reduction") + component(b.wsjf, "opportunity");
    EXPECT_DOUBLE_EQ(component(b.wsjf, "cost_of_delay"), round2(cod));
    EXPECT_DOUBLE_EQ(s.wsjf, round2(cod / std::max(0.5, component(b.wsjf, "effort_hours"))));
    EXPECT_DOUBLE_EQ(s.ice, round2(component(b.ice, "impact") * component(b.ice, "confidence") *
                                   component(b.ice, "ease")));
    const ScoreBreakdown& c = b.composite;
    EXPECT_DOUBLE_EQ(component(c, "wsjf_normalised"), round2(std::min(100.0, s.wsjf / 50 * 100)));
    EXPECT_DOUBLE_EQ(component(c, "ice_normalised"), round2(s.ice / 10));
    const double blended = component(c, "weight_wsjf") * component(c, "wsjf_normalised") +
                           component(c, "weight_ice") * component(c, "ice_normalised") +
                           component(c, "weight_technical_debt") * s.technical_debt +
                           component(c, "weight_security") * s.security;
    EXPECT_DOUBLE_EQ(s.composite, round2(blended * component(c, "boost")));
    EXPECT_DOUBLE_EQ(s.value_usd, round2(cod * component(b.value_usd, "usd_per_point")));
    EXPECT_NE(b.composite.formula.find("= " + format_number(s.composite)), std::string::npos)
        << b.composite.formula;
  }
}

TEST(ScoringBreakdown, JsonHasValueFormulaAndComponentsForEveryScore) {
  Finding f = finding("security", "medium");
  f.effort_hours = 2;
  const Scores s = developing_model().score(f, {});
  const nlohmann::json j = to_json(s.breakdown);
  for (const char* name : {"wsjf", "ice", "technical_debt", "security", "composite", "value_usd", "risk"}) {
    ASSERT_TRUE(j.contains(name)) << name;
    EXPECT_TRUE(j[name]["value"].is_number()) << name;
    EXPECT_TRUE(j[name]["formula"].is_string()) << name;
    EXPECT_TRUE(j[name]["components"].is_object()) << name;
  }
  EXPECT_EQ(j.size(), 7u);
  // security, medium: bv 8 + 2 = 10, tc 8, rr 9 + 2 = 11 -> 10, oe 3; 31 / 2 = 15.5
  EXPECT_DOUBLE_EQ(j["wsjf"]["value"].get<double>(), 15.5);
  EXPECT_DOUBLE_EQ(j["wsjf"]["components"]["business_value"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(j["wsjf"]["components"]["time_criticality"].get<double>(), 8);
  EXPECT_DOUBLE_EQ(j["wsjf"]["components"]["risk_reduction"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(j["wsjf"]["components"]["opportunity"].get<double>(), 3);
  EXPECT_DOUBLE_EQ(j["wsjf"]["components"]["effort_hours"].get<double>(), 2);
  EXPECT_DOUBLE_EQ(j["wsjf"]["components"]["severity_bonus"].get<double>(), 2);
  // security by severity medium: 50.
  EXPECT_DOUBLE_EQ(j["security"]["value"].get<double>(), 50);
  EXPECT_EQ(j["security"]["formula"].get<std::string>(), "severity medium = 50");
  EXPECT_DOUBLE_EQ(j["value_usd"]["components"]["usd_per_point"].get<double>(), 60);
}

TEST(ScoringNumbers, RoundingAndFormatting) {
  EXPECT_DOUBLE_EQ(round2(5.666666), 5.67);
  EXPECT_DOUBLE_EQ(round2(-0.001), 0);
  EXPECT_EQ(format_number(7.5), "7.5");
  EXPECT_EQ(format_number(288), "288");
  EXPECT_EQ(format_number(0.0125), "0.0125");
  EXPECT_EQ(format_number(-0.00001), "0");
  EXPECT_EQ(format_usd(1860), "$1,860");
  EXPECT_EQ(format_usd(1234567.5), "$1,234,567.5");
  EXPECT_EQ(format_usd(450), "$450");
  EXPECT_EQ(format_usd(0), "$0");
}

// format_number prints what printf's "%.4f" prints, trailing zeros removed.
TEST(ScoringNumbers, FormattingMatchesPrintf) {
  auto printf_text = [](double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    std::string text(buffer);
    if (text.find('.') != std::string::npos) {
      while (text.back() == '0') text.pop_back();
      if (text.back() == '.') text.pop_back();
    }
    return text == "-0" ? std::string("0") : text;
  };
  std::vector<double> values = {0.00005, 0.00015, 0.00025, 1.00005, 2.5e-5,  -0.00005, 0.1 + 0.2, 1.0 / 3,
                                123456.78905, 1e15,   1e20,    -42.42,  9.99995, 1e-300,   5e-324,    0.5};
  for (int i = -2000; i <= 2000; ++i) values.push_back(i / 7.0 + i * 0.00001);
  for (double v : values) EXPECT_EQ(format_number(v), printf_text(v)) << v;
  EXPECT_EQ(format_number(1e300), printf_text(1e300)) << "longer than the buffer";
}

}  // namespace
}  // namespace assay::scoring
