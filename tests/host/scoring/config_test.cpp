// Errors of the scoring section name the field that is wrong.
#include <gtest/gtest.h>

#include <functional>

#include "default_config.h"
#include "scoring/model.h"

namespace assay::scoring {
namespace {

// The message from_yaml throws for the default section after `edit`, or ""
// when it is accepted.
std::string error_after(const std::function<void(YAML::Node&)>& edit) {
  YAML::Node section = testing::default_scoring_section();
  edit(section);
  try {
    Model::from_yaml(section, "developing");
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ScoringConfig, DefaultSectionIsComplete) {
  const ModelConfig config = parse_model_config(testing::default_scoring_section());
  EXPECT_EQ(config.default_category, "technical-debt");
  EXPECT_EQ(config.categories.size(), 10u);
  EXPECT_EQ(config.weights.size(), 4u);
  EXPECT_EQ(config.ease.size(), 6u);
  EXPECT_DOUBLE_EQ(config.categories.at("security").boost, 2.0);
  EXPECT_DOUBLE_EQ(config.categories.at("compliance").boost, 1.8);
  EXPECT_DOUBLE_EQ(config.categories.at("performance").boost, 1.5);
  EXPECT_DOUBLE_EQ(config.categories.at("dependency").boost, 1.4);
  EXPECT_DOUBLE_EQ(config.weights.at("nascent").ice, 0.3);
  EXPECT_DOUBLE_EQ(config.next_best.min_score, 10);
  EXPECT_DOUBLE_EQ(config.next_best.max_risk, 0.8);
}

TEST(ScoringConfig, NumberOutOfRangeNamesTheField) {
  EXPECT_EQ(error_after([](YAML::Node& s) { s["weights"]["developing"]["wsjf"] = 1.5; }),
            "scoring.weights.developing.wsjf: must be a number in [0, 1]");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["categories"]["testing"]["business_value"] = 11; }),
            "scoring.categories.testing.business_value: must be a number in [1, 10]");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["age"]["days_per_point"] = 0; }),
            "scoring.age.days_per_point: must be a number greater than 0 and at most 36500");
}

TEST(ScoringConfig, WrongTypeNamesTheField) {
  EXPECT_EQ(error_after([](YAML::Node& s) { s["default_confidence"] = "high"; }),
            "scoring.default_confidence: must be a number");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["risk"] = 3; }),
            "scoring.risk: must be a mapping with keys per_effort_hour, uncertainty_weight");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["ice"]["ease"] = YAML::Node(YAML::NodeType::Map); }),
            "scoring.ice.ease: must be a non-empty list of {max_hours, ease}");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["default_category"] = YAML::Load("[a]"); }),
            "scoring.default_category: must be a string");
}

TEST(ScoringConfig, MissingKeyNamesTheField) {
  EXPECT_EQ(error_after([](YAML::Node& s) { s["categories"].remove("testing"); }),
            "scoring.categories.testing: missing");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["weights"]["advanced"].remove("ice"); }),
            "scoring.weights.advanced.ice: missing");
  EXPECT_EQ(error_after([](YAML::Node& s) { s.remove("next_best"); }), "scoring.next_best: missing");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["security"]["by_severity"]["critical"] = YAML::Node(); }),
            "scoring.security.by_severity.critical: missing");
}

TEST(ScoringConfig, UnknownKeyNamesTheField) {
  const std::string message =
      error_after([](YAML::Node& s) { s["categories"]["quality"] = s["categories"]["testing"]; });
  EXPECT_EQ(message.rfind("scoring.categories.quality: unknown key (expected one of security, dependency", 0),
            0u)
      << message;
  EXPECT_EQ(error_after([](YAML::Node& s) { s["wsjf"]["scael"] = 50; }),
            "scoring.wsjf.scael: unknown key (expected one of min_effort_hours, scale)");
}

TEST(ScoringConfig, ConsistencyRulesNameTheField) {
  EXPECT_EQ(error_after([](YAML::Node& s) { s["weights"]["nascent"]["wsjf"] = 0.3; }),
            "scoring.weights.nascent: weights must sum to 1 (they sum to 0.9)");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["ice"]["ease"][2]["max_hours"] = 2; }),
            "scoring.ice.ease[2].max_hours: must be greater than the previous row's 2");
  EXPECT_EQ(error_after([](YAML::Node& s) { s["severity"]["cvss_bands"]["high"] = 3; }),
            "scoring.severity.cvss_bands: bounds must rise strictly: low < medium < high < critical");
  EXPECT_EQ(
      error_after([](YAML::Node& s) { s["default_category"] = "debt"; }),
      "scoring.default_category: 'debt' is not one of security, dependency, technical-debt, performance, "
      "testing, documentation, infrastructure, code-quality, compliance, feature");
}

TEST(ScoringConfig, SectionMustBeAMapping) {
  EXPECT_THROW(Model::from_yaml(YAML::Load("{}"), "developing"), std::invalid_argument);
  EXPECT_THROW(Model::from_yaml(YAML::Load("[1, 2]"), "developing"), std::invalid_argument);
  EXPECT_THROW(Model::from_yaml(YAML::Node(), "developing"), std::invalid_argument);
}

}  // namespace
}  // namespace assay::scoring
