// The report stage reuses breakdown texts of items with equal scoring inputs:
// every item's text must still be the one its own breakdown gives.
#include "scan/breakdown_texts.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <vector>

#include "scan/item_text.h"

namespace assay::scan {
namespace {

scoring::Model default_model() {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  return scoring::Model::from_yaml(config["scoring"], "developing");
}

BacklogItem item_scored(const scoring::Model& model, const std::string& category, const std::string& severity,
                        double effort_hours, const scoring::FileContext& context) {
  BacklogItem item;
  item.finding.source = "markers";
  item.finding.rule = "TODO";
  item.finding.title = "TODO: a title that scoring does not read";
  item.finding.category = category;
  item.finding.severity = severity;
  item.finding.effort_hours = effort_hours;
  item.context = context;
  set_scores(item, model.score(item.finding, context));
  return item;
}

std::string expected_text(const BacklogItem& kept) {
  std::string text;
  append_breakdown_json(text, *kept.breakdown);
  return text;
}

// Items that differ in one scoring input each, then the same items again:
// every text is its own item's, whether made or reused.
TEST(BreakdownTexts, EachDroppedItemGetsItsOwnBreakdownText) {
  const scoring::Model model = default_model();
  std::vector<BacklogItem> kept = {
      item_scored(model, "technical-debt", "low", 1.5, {}),
      item_scored(model, "technical-debt", "high", 1.5, {}),
      item_scored(model, "performance", "low", 1.5, {}),
      item_scored(model, "technical-debt", "low", 4.0, {}),
      item_scored(model, "technical-debt", "low", 1.5, {2.5, std::nullopt}),
      item_scored(model, "technical-debt", "low", 1.5, {1.0, 400.0}),
      item_scored(model, "technical-debt", "low", 1.5, {1.0, 401.0}),
  };
  std::vector<std::string> expected;
  for (const auto& item : kept) expected.push_back(expected_text(item));
  for (size_t i = 0; i < expected.size(); ++i)
    for (size_t j = i + 1; j < expected.size(); ++j) ASSERT_NE(expected[i], expected[j]) << i << " " << j;

  BreakdownTexts texts(&model);
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < kept.size(); ++i) {
      BacklogItem dropped = kept[i];
      dropped.finding.title = "another title " + std::to_string(round);
      drop_breakdown(dropped);
      EXPECT_EQ(texts.text_of(dropped), expected[i]) << "item " << i << " round " << round;
    }
  }
}

TEST(BreakdownTexts, AnItemThatKeptItsBreakdownIsWrittenFromIt) {
  const scoring::Model model = default_model();
  BacklogItem kept = item_scored(model, "technical-debt", "low", 1.5, {});
  scoring::Breakdown edited = *kept.breakdown;
  edited.wsjf.formula = "edited by hand";
  kept.breakdown = std::make_shared<const scoring::Breakdown>(std::move(edited));
  BreakdownTexts texts(&model);
  EXPECT_EQ(texts.text_of(kept), expected_text(kept));
  BreakdownTexts without_model(nullptr);
  EXPECT_EQ(without_model.text_of(kept), expected_text(kept));
}

// Texts made ahead fill the memo and no more: one more would push out the
// first. Every text is still its own item's.
TEST(BreakdownTexts, MakesTextsAheadUntilTheMemoIsFull) {
  const scoring::Model model = default_model();
  BreakdownTexts texts(&model);
  std::vector<BacklogItem> dropped;
  for (size_t age = 0; age <= BreakdownTexts::kMaxTexts; ++age) {
    dropped.push_back(item_scored(model, "technical-debt", "low", 1.5, {1.0, static_cast<double>(age)}));
    drop_breakdown(dropped.back());
  }
  for (size_t i = 0; i < BreakdownTexts::kMaxTexts; ++i) ASSERT_TRUE(texts.make_ahead(dropped[i])) << i;
  EXPECT_FALSE(texts.make_ahead(dropped.back()));
  BacklogItem kept = item_scored(model, "technical-debt", "low", 1.5, {1.0, 9999.0});
  EXPECT_TRUE(texts.make_ahead(kept));  // needs no text made ahead
  for (size_t i : {size_t{0}, size_t{1}, BreakdownTexts::kMaxTexts}) {
    const BacklogItem own = item_scored(model, "technical-debt", "low", 1.5, {1.0, static_cast<double>(i)});
    EXPECT_EQ(texts.text_of(dropped[i]), expected_text(own)) << i;
  }
}

TEST(BreakdownTexts, ADroppedBreakdownWithoutAModelIsAnError) {
  const scoring::Model model = default_model();
  BacklogItem dropped = item_scored(model, "technical-debt", "low", 1.5, {});
  drop_breakdown(dropped);
  BreakdownTexts texts(nullptr);
  EXPECT_THROW(texts.text_of(dropped), std::logic_error);
}

}  // namespace
}  // namespace assay::scan
