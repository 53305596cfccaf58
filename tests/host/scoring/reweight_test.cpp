// Re-weighting scored items with the assessed maturity level: only the
// composite changes, and it equals scoring under that level from the start.
#include "scoring/reweight.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "default_config.h"
#include "finding/finding.h"

namespace assay::scoring {
namespace {

Finding finding(const std::string& category, const std::string& severity = "") {
  Finding f;
  f.source = "test";
  f.rule = "RULE";
  f.title = "a finding";
  f.category = category;
  f.severity = severity;
  return f;
}

TEST(Reweight, ADebtMarkerUnderAdvancedWeights) {
  const Model developing = Model::from_yaml(testing::default_scoring_section(), "developing");
  const Model advanced = developing.with_maturity_level("advanced");
  const Scores before = developing.score(finding("technical-debt"), FileContext{});
  ASSERT_DOUBLE_EQ(before.composite, 21.26);  // docs/scoring.md's worked example
  const Scores after = reweighted(advanced, before);
  // advanced .5/.1/.3/.1: .5 × 15 + .1 × 28.8 + .3 × 40 + .1 × 0 = 7.5 + 2.88 + 12 = 22.38
  EXPECT_DOUBLE_EQ(after.composite, 22.38);
  EXPECT_DOUBLE_EQ(after.breakdown.composite.value, 22.38);
  EXPECT_NE(after.breakdown.composite.formula.find("0.3 × 40 [technical debt]"), std::string::npos)
      << after.breakdown.composite.formula;
  EXPECT_DOUBLE_EQ(after.wsjf, before.wsjf);
  EXPECT_DOUBLE_EQ(after.ice, before.ice);
  EXPECT_DOUBLE_EQ(after.technical_debt, before.technical_debt);
  EXPECT_DOUBLE_EQ(after.value_usd, before.value_usd);
  EXPECT_DOUBLE_EQ(after.risk, before.risk);
}

TEST(Reweight, EqualsScoringUnderTheLevelFromTheStart) {
  const Model nascent = Model::from_yaml(testing::default_scoring_section(), "nascent");
  for (const char* level : {"nascent", "developing", "maturing", "advanced"}) {
    const Model target = nascent.with_maturity_level(level);
    for (const Finding& f :
         {finding("security", "high"), finding("performance"), finding("documentation", "low")}) {
      const Scores direct = target.score(f, FileContext{});
      const Scores moved = reweighted(target, nascent.score(f, FileContext{}));
      EXPECT_DOUBLE_EQ(moved.composite, direct.composite) << level << " " << f.category;
      EXPECT_EQ(moved.breakdown.composite.formula, direct.breakdown.composite.formula);
    }
  }
}

// A held item keeps its score numbers but not its breakdown (scan/backlog.h
// drops it to save memory): re-weighting must come out the same.
TEST(Reweight, NeedsOnlyTheScoreNumbersNotTheBreakdown) {
  const Model developing = Model::from_yaml(testing::default_scoring_section(), "developing");
  const Model advanced = developing.with_maturity_level("advanced");
  const Scores full = developing.score(finding("technical-debt"), FileContext{});
  Scores without_breakdown = full;
  without_breakdown.breakdown = Breakdown{};
  const Scores after = reweighted(advanced, without_breakdown);
  EXPECT_DOUBLE_EQ(after.composite, 22.38);  // as in ADebtMarkerUnderAdvancedWeights
  EXPECT_EQ(after.breakdown.composite.formula, reweighted(advanced, full).breakdown.composite.formula);
}

// What a scan re-weights its held items with: the number alone.
TEST(Reweight, TheCompositeAloneIsTheBreakdownsNumber) {
  const Model developing = Model::from_yaml(testing::default_scoring_section(), "developing");
  EXPECT_DOUBLE_EQ(reweighted_composite(developing.with_maturity_level("advanced"),
                                        developing.score(finding("technical-debt"), FileContext{})),
                   22.38);  // as in ADebtMarkerUnderAdvancedWeights
  for (const char* level : {"nascent", "developing", "maturing", "advanced"}) {
    const Model target = developing.with_maturity_level(level);
    for (const Finding& f : {finding("security", "critical"), finding("testing"), finding("compliance", "info")}) {
      const Scores before = developing.score(f, FileContext{2.5, 400.0});
      EXPECT_DOUBLE_EQ(reweighted_composite(target, before), reweighted(target, before).composite)
          << level << " " << f.category;
    }
  }
}

TEST(Reweight, RefusesAnUnknownCategory) {
  const Model model = Model::from_yaml(testing::default_scoring_section(), "developing");
  Scores scores;
  scores.category = "astrology";
  EXPECT_THROW(reweighted(model, scores), std::invalid_argument);
  EXPECT_THROW(reweighted_composite(model, scores), std::invalid_argument);
}

}  // namespace
}  // namespace assay::scoring
