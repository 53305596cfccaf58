// Breakdown texts made ahead beside the state merge: the item texts written
// with them must be the ones written without them, also when the merge
// changes the items' keys meanwhile and when the making is cut short.
#include "scan/breakdown_texts_ahead.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "scan/item_text.h"
#include "scan/item_text_feed.h"

namespace assay::scan {
namespace {

scoring::Model default_model() {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  return scoring::Model::from_yaml(config["scoring"], "developing");
}

// `count` debt markers of distinct line ages (so distinct breakdowns), with
// their breakdowns dropped as a scan holds them.
std::vector<BacklogItem> held_items(const scoring::Model& model, size_t count) {
  std::vector<BacklogItem> items(count);
  for (size_t i = 0; i < count; ++i) {
    BacklogItem& item = items[i];
    item.rank = static_cast<uint32_t>(i + 1);
    item.finding.source = "markers";
    item.finding.rule = "TODO";
    item.finding.title = "TODO: item " + std::to_string(i);
    item.finding.category = "technical-debt";
    item.context = {1.0, static_cast<double>(i % 500)};
    set_scores(item, model.score(item.finding, item.context));
    drop_breakdown(item);
  }
  return items;
}

std::string own_text(const BacklogItem& item, const scoring::Model& model) {
  std::string text;
  append_item_json(text, item, breakdown_of(item, &model));
  return text;
}

TEST(BreakdownTextsAhead, TheItemTextsAreTheSameWithTextsMadeAhead) {
  const scoring::Model model = default_model();
  std::vector<BacklogItem> items = held_items(model, 1200);
  BreakdownTextsAhead ahead(items, &model);
  // What the merge does meanwhile: keys and statuses, nothing a breakdown reads.
  for (size_t i = 0; i < items.size(); ++i) {
    items[i].key = "TD-" + std::to_string(i + 1);
    items[i].status = "open";
  }
  ItemTextFeed feed(items, ahead.take());
  for (const BacklogItem& item : items) ASSERT_EQ(feed.next(), own_text(item, model)) << item.key;
}

TEST(BreakdownTextsAhead, ATakeRightAwayLeavesTheRestToTheWriter) {
  const scoring::Model model = default_model();
  const std::vector<BacklogItem> items = held_items(model, 300);
  BreakdownTextsAhead ahead(items, &model);
  BreakdownTexts made = ahead.take();
  for (const BacklogItem& item : items) {
    std::string text;
    append_breakdown_json(text, breakdown_of(item, &model));
    ASSERT_EQ(made.text_of(item), text) << item.finding.title;
  }
}

TEST(BreakdownTextsAhead, StopsWhenNothingIsTaken) {
  const scoring::Model model = default_model();
  const std::vector<BacklogItem> items = held_items(model, 2000);
  { BreakdownTextsAhead ahead(items, &model); }  // the destructor ends the thread
  const std::vector<BacklogItem> none;
  BreakdownTextsAhead idle(none, &model);
  EXPECT_THROW(ItemTextFeed(none, idle.take()).next(), std::logic_error);  // no text to take
}

// Without a model a dropped breakdown cannot be made ahead; the writer
// fails on it in the item's turn, as without texts made ahead.
TEST(BreakdownTextsAhead, ATextThatCannotBeMadeFailsWhenItsItemIsWritten) {
  const scoring::Model model = default_model();
  const std::vector<BacklogItem> items = held_items(model, 3);
  BreakdownTextsAhead ahead(items, nullptr);
  ItemTextFeed feed(items, ahead.take());
  EXPECT_THROW(feed.next(), std::logic_error);
}

// A breakdown the model refuses stops the making; the items before it are
// written and the writer reports the failure in that item's turn.
TEST(BreakdownTextsAhead, AFailureStopsTheMakingAndIsReportedInItsTurn) {
  const scoring::Model model = default_model();
  std::vector<BacklogItem> items = held_items(model, 8);
  items[5].finding.category = "astrology";
  BreakdownTextsAhead ahead(items, &model);
  ItemTextFeed feed(items, ahead.take());
  for (size_t i = 0; i < 5; ++i) ASSERT_EQ(feed.next(), own_text(items[i], model)) << i;
  EXPECT_THROW(feed.next(), std::invalid_argument);
}

}  // namespace
}  // namespace assay::scan
