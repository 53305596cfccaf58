// The report stage's item texts come from a second thread in batches: each
// must be the text append_item_json gives its item, in order, across batch
// boundaries, and the feed must stop cleanly when not every text is taken.
#include "scan/item_text_feed.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "scan/item_text.h"

namespace assay::scan {
namespace {

scoring::Model default_model() {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  return scoring::Model::from_yaml(config["scoring"], "developing");
}

// `count` items with distinct titles and alternating efforts; breakdowns
// kept or dropped as asked.
std::vector<BacklogItem> items_of(const scoring::Model& model, size_t count, bool drop) {
  std::vector<BacklogItem> items(count);
  for (size_t i = 0; i < count; ++i) {
    BacklogItem& item = items[i];
    item.key = "TD-" + std::to_string(i + 1);
    item.rank = static_cast<uint32_t>(i + 1);
    item.finding.source = "markers";
    item.finding.rule = "TODO";
    item.finding.title = "TODO: item \"" + std::to_string(i) + "\"";
    item.finding.path = "src/file" + std::to_string(i % 7) + ".c";
    item.finding.category = "technical-debt";
    item.finding.effort_hours = i % 2 ? 1.5 : 4.0;
    set_scores(item, model.score(item.finding, {}));
    if (drop) drop_breakdown(item);
  }
  return items;
}

std::string own_text(const BacklogItem& item, const scoring::Model& model) {
  std::string text;
  append_item_json(text, item, breakdown_of(item, &model));
  return text;
}

TEST(ItemTextFeed, GivesEveryItemsTextInOrderAcrossBatches) {
  const scoring::Model model = default_model();
  // More batches than are written ahead, and a last batch that is not full.
  const size_t count = ItemTextFeed::kBatchItems * (ItemTextFeed::kBatchesAhead + 3) + 5;
  for (bool drop : {false, true}) {
    const std::vector<BacklogItem> items = items_of(model, count, drop);
    ItemTextFeed feed(items, &model);
    for (size_t i = 0; i < count; ++i) {
      const std::string_view text = feed.next();
      ASSERT_EQ(text, own_text(items[i], model)) << i;
      ASSERT_EQ(text.data()[text.size()], '\0') << i;
    }
    EXPECT_THROW(feed.next(), std::logic_error);
  }
}

TEST(ItemTextFeed, StopsWhenNotEveryTextIsTaken) {
  const scoring::Model model = default_model();
  const std::vector<BacklogItem> items = items_of(model, ItemTextFeed::kBatchItems * 20, true);
  {
    ItemTextFeed feed(items, &model);
    EXPECT_EQ(feed.next(), own_text(items[0], model));
  }  // the writer is waiting for room; the destructor must end it
  ItemTextFeed untouched(items, &model);
}

TEST(ItemTextFeed, NoItemsNeedNoWriter) {
  const std::vector<BacklogItem> none;
  ItemTextFeed feed(none, nullptr);
  EXPECT_THROW(feed.next(), std::logic_error);
}

TEST(ItemTextFeed, ATextThatCannotBeWrittenFailsWhenItsTurnComes) {
  const scoring::Model model = default_model();
  // Dropped breakdowns and no model to recompute them: the first text fails.
  std::vector<BacklogItem> items = items_of(model, 3, true);
  ItemTextFeed feed(items, nullptr);
  EXPECT_THROW(feed.next(), std::logic_error);
}

TEST(ItemTextFeed, TextsBeforeAFailureAreStillGiven) {
  const scoring::Model model = default_model();
  // The first batch keeps its breakdowns, one item of the second does not.
  std::vector<BacklogItem> items = items_of(model, ItemTextFeed::kBatchItems + 3, false);
  drop_breakdown(items[ItemTextFeed::kBatchItems + 1]);
  ItemTextFeed feed(items, nullptr);
  for (size_t i = 0; i <= ItemTextFeed::kBatchItems; ++i) ASSERT_EQ(feed.next(), own_text(items[i], model)) << i;
  EXPECT_THROW(feed.next(), std::logic_error);
}

}  // namespace
}  // namespace assay::scan
