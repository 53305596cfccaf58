// The scoring stage's memo gives exactly the model's numbers, from memory
// only when every input the model reads is the same.
#include "scan/score_memo.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "finding/finding.h"

namespace assay::scan {
namespace {

scoring::Model default_model() {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  return scoring::Model::from_yaml(config["scoring"], "developing");
}

Finding marker(const std::string& path, uint32_t line) {
  Finding f;
  f.source = "markers";
  f.rule = "TODO";
  f.title = "TODO: retry";
  f.category = "technical-debt";
  f.path = path;
  f.line_start = line;
  f.line_end = line;
  f.effort_hours = 2;
  f.confidence = 0.9;
  return f;
}

void expect_same_numbers(const scoring::ScoreValues& memo, const scoring::ScoreValues& model) {
  EXPECT_EQ(memo.wsjf, model.wsjf);
  EXPECT_EQ(memo.ice, model.ice);
  EXPECT_EQ(memo.technical_debt, model.technical_debt);
  EXPECT_EQ(memo.security, model.security);
  EXPECT_EQ(memo.composite, model.composite);
  EXPECT_EQ(memo.value_usd, model.value_usd);
  EXPECT_EQ(memo.risk, model.risk);
  EXPECT_EQ(memo.category, model.category);
  EXPECT_EQ(memo.severity, model.severity);
  EXPECT_EQ(memo.effort_hours, model.effort_hours);
  EXPECT_EQ(memo.confidence, model.confidence);
}

TEST(ScoreMemo, RepeatedInputsAreAnsweredFromMemoryWithTheModelsNumbers) {
  const scoring::Model model = default_model();
  ScoreMemo memo(model);
  const scoring::FileContext context{1.5, 40.0};
  // Path, line and text are not inputs of the model: the second is a hit.
  const scoring::ScoreValues first = memo.score(marker("a.c", 1), context);
  const scoring::ScoreValues second = memo.score(marker("b/c.py", 99), context);
  EXPECT_EQ(memo.misses(), 1u);
  EXPECT_EQ(memo.hits(), 1u);
  const scoring::Scores direct = model.score(marker("b/c.py", 99), context);
  expect_same_numbers(first, direct);
  expect_same_numbers(second, direct);
}

TEST(ScoreMemo, EveryInputOfTheModelSeparatesEntries) {
  const scoring::Model model = default_model();
  ScoreMemo memo(model);
  const Finding base = marker("a.c", 1);
  const scoring::FileContext context{1.0, 10.0};
  std::vector<std::pair<Finding, scoring::FileContext>> cases;
  cases.emplace_back(base, context);
  Finding f = base;
  f.category = "security";
  cases.emplace_back(f, context);
  f = base;
  f.severity = "high";
  cases.emplace_back(f, context);
  f = base;
  f.cvss = 7.5;
  cases.emplace_back(f, context);
  f = base;
  f.effort_hours = 8;
  cases.emplace_back(f, context);
  f = base;
  f.effort_hours.reset();
  cases.emplace_back(f, context);
  f = base;
  f.confidence = 0.4;
  cases.emplace_back(f, context);
  cases.emplace_back(base, scoring::FileContext{3.0, 10.0});
  cases.emplace_back(base, scoring::FileContext{1.0, 400.0});
  cases.emplace_back(base, scoring::FileContext{1.0, std::nullopt});
  for (const auto& [finding, file] : cases) {
    expect_same_numbers(memo.score(finding, file), model.score(finding, file));
  }
  EXPECT_EQ(memo.misses(), cases.size());
  EXPECT_EQ(memo.hits(), 0u);
}

TEST(ScoreMemo, InputsTheModelRefusesAreRefusedEveryTime) {
  const scoring::Model model = default_model();
  ScoreMemo memo(model);
  Finding f = marker("a.c", 1);
  f.confidence = 2;
  EXPECT_THROW(memo.score(f, {}), std::invalid_argument);
  EXPECT_THROW(memo.score(f, {}), std::invalid_argument);
  EXPECT_EQ(memo.hits(), 0u);
  EXPECT_EQ(memo.misses(), 0u);
}

}  // namespace
}  // namespace assay::scan
