// Scores of representative findings under the shipped defaults
// (config/assay.yaml), each worked out by hand in the comments.
#include "scoring/model.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "default_config.h"
#include "finding/finding.h"

namespace assay::scoring {
namespace {

Model developing_model() { return Model::from_yaml(testing::default_scoring_section(), "developing"); }

Finding finding(const std::string& category, const std::string& severity = "") {
  Finding f;
  f.source = "test";
  f.rule = "RULE";
  f.title = "a finding";
  f.category = category;
  f.severity = severity;
  return f;
}

// A debt marker comment (the markers scanner reports such comments): category technical-debt, no severity, no
// effort, no confidence, ordinary file of unknown age.
Finding debt_marker_finding() { return finding("technical-debt"); }

TEST(ScoringModel, DebtMarkerWithoutSeverityUsesCategoryDefaults) {
  // technical-debt: bv 4, tc 2, rr 4, oe 5; default effort 2 h; default
  // confidence 0.8.
  // WSJF = (4 + 2 + 4 + 5) / max(0.5, 2) = 15 / 2 = 7.5
  // ICE  = impact 4 × confidence round(0.8 × 10) = 8 × ease(2 h <= 2 h) 9 = 288
  // debt = (40 + interest 0) × hotspot 1 = 40; security 0 (not security, no CVSS)
  // composite (developing .5/.2/.2/.1, boost 1)
  //      = .5 × (7.5 / 50 × 100 = 15) + .2 × (288 / 10 = 28.8) + .2 × 40 + .1 × 0
  //      = 7.5 + 5.76 + 8 + 0 = 21.26
  // value = 15 × $30 = $450; risk = 0.2 + 0.01 × 2 + (1 - 0.8) × 0.5 = 0.32
  const Scores s = developing_model().score(debt_marker_finding(), {});
  EXPECT_EQ(s.category, "technical-debt");
  EXPECT_EQ(s.severity, "");
  EXPECT_DOUBLE_EQ(s.effort_hours, 2);
  EXPECT_DOUBLE_EQ(s.confidence, 0.8);
  EXPECT_DOUBLE_EQ(s.wsjf, 7.5);
  EXPECT_DOUBLE_EQ(s.ice, 288);
  EXPECT_DOUBLE_EQ(s.technical_debt, 40);
  EXPECT_DOUBLE_EQ(s.security, 0);
  EXPECT_DOUBLE_EQ(s.composite, 21.26);
  EXPECT_DOUBLE_EQ(s.value_usd, 450);
  EXPECT_DOUBLE_EQ(s.risk, 0.32);
}

TEST(ScoringModel, SecurityFindingWithCvssIsCriticalAndBoosted) {
  // CVSS 9.8 >= 9.0: severity critical (bonus 4), although the scanner said high.
  // security: bv 8 + 4 = 12 -> 10, tc 8, rr 9 + 4 = 13 -> 10, oe 3; default effort 4 h
  // WSJF = (10 + 8 + 10 + 3) / max(0.5, 4) = 31 / 4 = 7.75
  // ICE  = impact 9 + 4 -> 10 × confidence round(0.9 × 10) = 9 × ease(4 h) 8 = 720
  // debt = 0 (security carries no debt impact); security = 9.8 × 10 = 98
  // composite = (.5 × 15.5 + .2 × 72 + .2 × 0 + .1 × 98) × boost 2
  //           = (7.75 + 14.4 + 0 + 9.8) × 2 = 31.95 × 2 = 63.9
  // value = 31 × $60 = $1,860; risk = 0.3 + 0.01 × 4 + (1 - 0.9) × 0.5 = 0.39
  Finding f = finding("security", "high");
  f.cvss = 9.8;
  f.confidence = 0.9;
  const Scores s = developing_model().score(f, {});
  EXPECT_EQ(s.severity, "critical");
  EXPECT_DOUBLE_EQ(s.wsjf, 7.75);
  EXPECT_DOUBLE_EQ(s.ice, 720);
  EXPECT_DOUBLE_EQ(s.technical_debt, 0);
  EXPECT_DOUBLE_EQ(s.security, 98);
  EXPECT_DOUBLE_EQ(s.composite, 63.9);
  EXPECT_DOUBLE_EQ(s.value_usd, 1860);
  EXPECT_DOUBLE_EQ(s.risk, 0.39);
  EXPECT_TRUE(developing_model().next_best_eligible(s));
}

TEST(ScoringModel, LargePerformanceEffortLowersScoreAndRaisesRisk) {
  // performance, severity medium (bonus 2), effort 50 h, default confidence 0.8
  // bv 6 + 2 = 8, tc 3, rr 3 + 2 = 5, oe 5: cost of delay 21
  // WSJF = 21 / max(0.5, 50) = 0.42
  // ICE  = impact 6 + 2 = 8 × confidence 8 × ease(50 h > 40 h) 1 = 64
  // debt = 25 × 1 = 25; security 0
  // composite = (.5 × (0.42 / 50 × 100 = 0.84) + .2 × 6.4 + .2 × 25 + 0) × boost 1.5
  //           = (0.42 + 1.28 + 5) × 1.5 = 6.7 × 1.5 = 10.05
  // value = 21 × $45 = $945; risk = 0.35 + 0.01 × 50 + 0.2 × 0.5 = 0.95
  Finding f = finding("performance", "medium");
  f.effort_hours = 50;
  const Model model = developing_model();
  const Scores s = model.score(f, {});
  EXPECT_DOUBLE_EQ(s.wsjf, 0.42);
  EXPECT_DOUBLE_EQ(s.ice, 64);
  EXPECT_DOUBLE_EQ(s.technical_debt, 25);
  EXPECT_DOUBLE_EQ(s.security, 0);
  EXPECT_DOUBLE_EQ(s.composite, 10.05);
  EXPECT_DOUBLE_EQ(s.value_usd, 945);
  EXPECT_DOUBLE_EQ(s.risk, 0.95);
  // Above min_score 10 but risk 0.95 > max_risk 0.8.
  EXPECT_FALSE(model.next_best_eligible(s));
}

TEST(ScoringModel, AgedLineInHotspotAccruesInterestAndUrgency) {
  // technical-debt, effort 1 h, confidence 0.6, line 60 days old, hotspot 2.0
  // tc = 2 + age min(3, 60 / 30 = 2) + hotspot min(3, (2 - 1) × 2 = 2) = 6
  // WSJF = (4 + 6 + 4 + 5) / max(0.5, 1) = 19
  // ICE  = 4 × round(0.6 × 10) = 6 × ease(1 h) 10 = 240
  // interest = 40 × (1.05^(60 / 30) - 1) = 40 × 0.1025 = 4.1
  // debt = (40 + 4.1) × 2 = 88.2
  // composite = .5 × (19 / 50 × 100 = 38) + .2 × 24 + .2 × 88.2 + 0
  //           = 19 + 4.8 + 17.64 = 41.44
  // value = 19 × $30 = $570; risk = 0.2 + 0.01 × 1 + 0.4 × 0.5 = 0.41
  Finding f = debt_marker_finding();
  f.effort_hours = 1;
  f.confidence = 0.6;
  const Scores s = developing_model().score(f, {2.0, 60.0});
  EXPECT_DOUBLE_EQ(s.wsjf, 19);
  EXPECT_DOUBLE_EQ(s.ice, 240);
  EXPECT_DOUBLE_EQ(s.technical_debt, 88.2);
  EXPECT_DOUBLE_EQ(s.composite, 41.44);
  EXPECT_DOUBLE_EQ(s.value_usd, 570);
  EXPECT_DOUBLE_EQ(s.risk, 0.41);
}

TEST(ScoringModel, FindingWithoutCategoryGetsTheDefaultCategory) {
  // default_category technical-debt; severity low (bonus 1); effort 3 h
  // bv 4 + 1 = 5, tc 2, rr 4 + 1 = 5, oe 5: cost of delay 17
  // WSJF = 17 / 3 = 5.666... -> 5.67
  // ICE  = (4 + 1 = 5) × 8 × ease(3 h <= 4 h) 8 = 320
  // debt 40; composite = .5 × (5.67 / 50 × 100 = 11.34) + .2 × 32 + .2 × 40
  //                    = 5.67 + 6.4 + 8 = 20.07
  // value = 17 × $30 = $510; risk = 0.2 + 0.03 + 0.1 = 0.33
  Finding f = finding("", "low");
  f.effort_hours = 3;
  const Scores s = developing_model().score(f, {});
  EXPECT_EQ(s.category, "technical-debt");
  EXPECT_DOUBLE_EQ(s.wsjf, 5.67);
  EXPECT_DOUBLE_EQ(s.ice, 320);
  EXPECT_DOUBLE_EQ(s.technical_debt, 40);
  EXPECT_DOUBLE_EQ(s.composite, 20.07);
  EXPECT_DOUBLE_EQ(s.value_usd, 510);
  EXPECT_DOUBLE_EQ(s.risk, 0.33);
}

TEST(ScoringModel, WeightsFollowTheMaturityLevel) {
  // The debt marker's normalised scores: WSJF 15, ICE 28.8, debt 40, security 0.
  // nascent    .4 × 15 + .3 × 28.8 + .2 × 40 = 6 + 8.64 + 8 = 22.64
  // developing .5 × 15 + .2 × 28.8 + .2 × 40 = 7.5 + 5.76 + 8 = 21.26
  // maturing   .6 × 15 + .1 × 28.8 + .2 × 40 = 9 + 2.88 + 8 = 19.88
  // advanced   .5 × 15 + .1 × 28.8 + .3 × 40 = 7.5 + 2.88 + 12 = 22.38
  const YAML::Node section = testing::default_scoring_section();
  const std::vector<std::pair<std::string, double>> expected = {
      {"nascent", 22.64}, {"developing", 21.26}, {"maturing", 19.88}, {"advanced", 22.38}};
  for (const auto& [level, composite] : expected) {
    const Model model = Model::from_yaml(section, level);
    EXPECT_EQ(model.maturity_level(), level);
    EXPECT_DOUBLE_EQ(model.score(debt_marker_finding(), {}).composite, composite) << level;
  }
  const Model advanced = developing_model().with_maturity_level("advanced");
  EXPECT_DOUBLE_EQ(advanced.weights().technical_debt, 0.3);
  EXPECT_DOUBLE_EQ(advanced.score(debt_marker_finding(), {}).composite, 22.38);
}

TEST(ScoringModel, UnknownMaturityLevelIsAnError) {
  try {
    Model::from_yaml(testing::default_scoring_section(), "expert");
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'expert'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nascent, developing, maturing, advanced"), std::string::npos);
  }
  EXPECT_THROW(developing_model().with_maturity_level(""), std::invalid_argument);
}

TEST(ScoringModel, NextBestGatesAtTheBoundaries) {
  // Defaults: min_score 10 (inclusive), max_risk 0.8 (inclusive).
  const Model model = developing_model();
  Scores s;
  s.composite = 10;
  s.risk = 0.8;
  EXPECT_TRUE(model.next_best_eligible(s));
  s.composite = 9.99;
  EXPECT_FALSE(model.next_best_eligible(s));
  s.composite = 10;
  s.risk = 0.81;
  EXPECT_FALSE(model.next_best_eligible(s));
  s.risk = 0;
  s.composite = 250;
  EXPECT_TRUE(model.next_best_eligible(s));
}

TEST(ScoringModel, NextBestThresholdsComeFromConfiguration) {
  YAML::Node section = testing::default_scoring_section();
  section["next_best"]["min_score"] = 30;
  section["next_best"]["max_risk"] = 0.3;
  const Model model = Model::from_yaml(section, "developing");
  Scores s;
  s.composite = 29.99;
  s.risk = 0.3;
  EXPECT_FALSE(model.next_best_eligible(s));
  s.composite = 30;
  EXPECT_TRUE(model.next_best_eligible(s));
  s.risk = 0.31;
  EXPECT_FALSE(model.next_best_eligible(s));
}

TEST(ScoringModel, KeyPrefixesPerCategory) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"security", "SEC"},    {"dependency", "DEP"},    {"technical-debt", "TD"},    {"performance", "PERF"},
      {"testing", "TEST"},    {"documentation", "DOC"}, {"infrastructure", "INFRA"}, {"code-quality", "CQ"},
      {"compliance", "COMP"}, {"feature", "FEAT"}};
  ASSERT_EQ(expected.size(), known_categories().size());
  for (const auto& [category, prefix] : expected) EXPECT_EQ(Model::key_prefix(category), prefix);
  EXPECT_THROW(Model::key_prefix("quality"), std::invalid_argument);
  EXPECT_THROW(Model::key_prefix(""), std::invalid_argument);
}

TEST(ScoringModel, CvssBandsSetTheSeverity) {
  const Model model = developing_model();
  const std::vector<std::pair<double, std::string>> bands = {
      {0.0, "info"}, {0.1, "low"},  {3.9, "low"},      {4.0, "medium"},   {6.9, "medium"},
      {7.0, "high"}, {8.9, "high"}, {9.0, "critical"}, {10.0, "critical"}};
  for (const auto& [cvss, severity] : bands) {
    Finding f = finding("security", "info");
    f.cvss = cvss;
    const Scores s = model.score(f, {});
    EXPECT_EQ(s.severity, severity) << cvss;
    EXPECT_DOUBLE_EQ(s.security, cvss * 10) << cvss;
  }
}

TEST(ScoringModel, SecurityScoreOnlyForSecurityFindingsOrCvss) {
  const Model model = developing_model();
  // A dependency with a CVSS is scored for security: 7.5 × 10 = 75.
  Finding dependency = finding("dependency");
  dependency.cvss = 7.5;
  EXPECT_DOUBLE_EQ(model.score(dependency, {}).security, 75);
  // Severity without CVSS: from the severity table, only for security findings.
  EXPECT_DOUBLE_EQ(model.score(finding("security", "low"), {}).security, 25);
  EXPECT_DOUBLE_EQ(model.score(finding("security", "critical"), {}).security, 95);
  EXPECT_DOUBLE_EQ(model.score(finding("code-quality", "critical"), {}).security, 0);
  // Neither severity nor CVSS: the unrated score 50.
  EXPECT_DOUBLE_EQ(model.score(finding("security"), {}).security, 50);
}

TEST(ScoringModel, AgeAndHotspotRaisesAreCapped) {
  // 400 days: age points min(3, 13.33) = 3, so tc = 2 + 3 + hotspot min(3, 4 × 2) 3 = 8.
  // interest = 40 × (1.05^(400 / 30) - 1) = 40 × 0.917 = 36.7 -> capped at 30.
  // debt = min(100, (40 + 30) × 5) = 100.
  const Scores s = developing_model().score(debt_marker_finding(), {5.0, 400.0});
  const auto& c = s.breakdown.wsjf.components;
  EXPECT_EQ(c[1].first, "time_criticality");
  EXPECT_DOUBLE_EQ(c[1].second, 8);
  EXPECT_DOUBLE_EQ(s.technical_debt, 100);
  const auto& d = s.breakdown.technical_debt.components;
  EXPECT_EQ(d[1].first, "debt_interest");
  EXPECT_DOUBLE_EQ(d[1].second, 30);
}

TEST(ScoringModel, ColdFileLowersDebtButNotUrgency) {
  // hotspot 0.5: debt = 40 × 0.5 = 20; tc stays 2 (no negative raise), WSJF 7.5.
  const Scores s = developing_model().score(debt_marker_finding(), {0.5, std::nullopt});
  EXPECT_DOUBLE_EQ(s.technical_debt, 20);
  EXPECT_DOUBLE_EQ(s.wsjf, 7.5);
}

TEST(ScoringModel, ConfidenceAndEaseStayWithinOneToTen) {
  // confidence 0.04 -> round(0.4) = 0 -> at least 1; effort 0 -> ease 10.
  // ICE = 4 × 1 × 10 = 40; WSJF = 15 / max(0.5, 0) = 30.
  Finding f = debt_marker_finding();
  f.confidence = 0.04;
  f.effort_hours = 0;
  const Scores s = developing_model().score(f, {});
  EXPECT_DOUBLE_EQ(s.ice, 40);
  EXPECT_DOUBLE_EQ(s.wsjf, 30);
}

TEST(ScoringModel, ConfigurationChangesTheResult) {
  // technical-debt boost 2 doubles the debt marker's composite: 21.26 × 2 = 42.52.
  YAML::Node section = testing::default_scoring_section();
  section["categories"]["technical-debt"]["boost"] = 2;
  const Model model = Model::from_yaml(section, "developing");
  EXPECT_DOUBLE_EQ(model.score(debt_marker_finding(), {}).composite, 42.52);
}

// values() skips the breakdown's texts, never the numbers: every branch of
// every score (severity and CVSS raises, capped components, ages with and
// without capped interest, hotspots, efforts beyond the ease table, every
// category) gives the same bits as score().
TEST(ScoringModel, ValuesAreTheNumbersOfScore) {
  const Model model = developing_model();
  std::vector<Finding> findings;
  for (const char* category : {"security", "dependency", "technical-debt", "performance", "testing",
                               "documentation", "infrastructure", "code-quality", "compliance", "feature", ""}) {
    for (const char* severity : {"", "info", "low", "medium", "high", "critical"}) {
      findings.push_back(finding(category, severity));
    }
  }
  Finding with_cvss = finding("security");
  with_cvss.cvss = 9.8;
  findings.push_back(with_cvss);
  Finding large = finding("performance", "low");
  large.effort_hours = 500;
  large.confidence = 0.05;
  findings.push_back(large);
  size_t compared = 0;
  for (const Finding& f : findings) {
    for (const FileContext& context :
         {FileContext{}, FileContext{0.5, 0.0}, FileContext{3.0, 400.0}, FileContext{12.0, 5000.0}}) {
      const Scores full = model.score(f, context);
      const ScoreValues numbers = model.values(f, context);
      const ScoreValues& expected = full;
      EXPECT_EQ(numbers.wsjf, expected.wsjf);
      EXPECT_EQ(numbers.ice, expected.ice);
      EXPECT_EQ(numbers.technical_debt, expected.technical_debt);
      EXPECT_EQ(numbers.security, expected.security);
      EXPECT_EQ(numbers.composite, expected.composite);
      EXPECT_EQ(numbers.value_usd, expected.value_usd);
      EXPECT_EQ(numbers.risk, expected.risk);
      EXPECT_EQ(numbers.category, expected.category);
      EXPECT_EQ(numbers.severity, expected.severity);
      EXPECT_EQ(numbers.effort_hours, expected.effort_hours);
      EXPECT_EQ(numbers.confidence, expected.confidence);
      ++compared;
    }
  }
  EXPECT_EQ(compared, 4u * (11 * 6 + 2));
  EXPECT_THROW(model.values(finding("astrology"), FileContext{}), std::invalid_argument);
}

TEST(ScoringModel, OutOfRangeInputsAreRefused) {
  const Model model = developing_model();
  EXPECT_THROW(model.score(finding("quality"), {}), std::invalid_argument);
  EXPECT_THROW(model.score(finding("security", "urgent"), {}), std::invalid_argument);
  Finding f = debt_marker_finding();
  f.cvss = 10.5;
  EXPECT_THROW(model.score(f, {}), std::invalid_argument);
  f = debt_marker_finding();
  f.confidence = 1.5;
  EXPECT_THROW(model.score(f, {}), std::invalid_argument);
  f = debt_marker_finding();
  f.effort_hours = -1;
  EXPECT_THROW(model.score(f, {}), std::invalid_argument);
  EXPECT_THROW(model.score(debt_marker_finding(), {-1.0, std::nullopt}), std::invalid_argument);
  EXPECT_THROW(model.score(debt_marker_finding(), {1.0, -3.0}), std::invalid_argument);
  try {
    model.score(finding("quality"), {});
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("category 'quality'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace assay::scoring
