#include <gtest/gtest.h>

#include "result_classification.h"

namespace assay::sarif {
namespace {

TEST(SecuritySeverity, FollowsGitHubsBands) {
  EXPECT_EQ(severity_for_security_score(0.0), "info");
  EXPECT_EQ(severity_for_security_score(0.1), "low");
  EXPECT_EQ(severity_for_security_score(3.9), "low");
  EXPECT_EQ(severity_for_security_score(4.0), "medium");
  EXPECT_EQ(severity_for_security_score(6.9), "medium");
  EXPECT_EQ(severity_for_security_score(7.0), "high");
  EXPECT_EQ(severity_for_security_score(8.9), "high");
  EXPECT_EQ(severity_for_security_score(9.0), "critical");
  EXPECT_EQ(severity_for_security_score(10.0), "critical");
}

TEST(Level, MapsToSeverity) {
  EXPECT_EQ(severity_for_level("error"), "high");
  EXPECT_EQ(severity_for_level("warning"), "medium");
  EXPECT_EQ(severity_for_level("note"), "low");
  EXPECT_EQ(severity_for_level("none"), "info");
}

TEST(Precision, MapsToConfidence) {
  EXPECT_DOUBLE_EQ(confidence_for_precision("very-high"), 0.95);
  EXPECT_DOUBLE_EQ(confidence_for_precision("HIGH"), 0.9);
  EXPECT_DOUBLE_EQ(confidence_for_precision("Medium"), 0.7);
  EXPECT_DOUBLE_EQ(confidence_for_precision("low"), 0.5);
  EXPECT_LT(confidence_for_precision("unknown"), 0);
}

TEST(Category, ResultTagsComeFirst) {
  const SarifOptions options = SarifOptions::defaults();
  CategoryEvidence e;
  e.result_tags = {"documentation"};
  e.has_cwe = true;
  EXPECT_EQ(category_for(e, options), "documentation");
}

TEST(Category, SecurityEvidenceBeatsRuleTags) {
  const SarifOptions options = SarifOptions::defaults();
  CategoryEvidence e;
  e.rule_tags = {"maintainability"};
  EXPECT_EQ(category_for(e, options), "technical-debt");
  e.has_cwe = true;
  EXPECT_EQ(category_for(e, options), "security");
  e.has_cwe = false;
  e.has_security_severity = true;
  EXPECT_EQ(category_for(e, options), "security");
  e.has_security_severity = false;
  e.security_tool = true;
  EXPECT_EQ(category_for(e, options), "security");
  e.security_tool = false;
  e.rule_tags = {"maintainability", "Security"};
  EXPECT_EQ(category_for(e, options), "security");
}

TEST(Category, CodeQualityOtherwise) {
  const SarifOptions options = SarifOptions::defaults();
  CategoryEvidence e;
  EXPECT_EQ(category_for(e, options), "code-quality");
  e.rule_tags = {"useless-code", "PERFORMANCE"};
  EXPECT_EQ(category_for(e, options), "performance");
}

TEST(SecurityTools, CompareNamesIgnoringCase) {
  const SarifOptions options = SarifOptions::defaults();
  EXPECT_TRUE(is_security_tool("Bandit", options.security_tools));
  EXPECT_TRUE(is_security_tool("Trivy", options.security_tools));
  EXPECT_FALSE(is_security_tool("CodeQL", options.security_tools));
  EXPECT_FALSE(is_security_tool("ruff", options.security_tools));
}

}  // namespace
}  // namespace assay::sarif
