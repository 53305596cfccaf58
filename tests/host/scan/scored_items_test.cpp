// The scoring stage's item blocks: arrival order kept across blocks, and
// everything moved out once into an exact vector.
#include "scan/scored_items.h"

#include <gtest/gtest.h>

#include <string>

namespace assay::scan {
namespace {

BacklogItem item_at(size_t n) {
  BacklogItem item;
  item.finding.path = "src/file" + std::to_string(n) + ".c";
  item.finding.line_start = static_cast<uint32_t>(n + 1);
  item.arrival = static_cast<uint32_t>(n);
  return item;
}

TEST(ScoredItems, StartsEmpty) {
  ScoredItems items;
  EXPECT_EQ(items.size(), 0u);
  EXPECT_TRUE(items.take_all().empty());
}

TEST(ScoredItems, KeepsArrivalOrderAcrossBlocks) {
  // Two full blocks and three items of a third.
  const size_t count = 2 * ScoredItems::kBlockItems + 3;
  ScoredItems items;
  for (size_t n = 0; n < count; ++n) items.push_back(item_at(n));
  EXPECT_EQ(items.size(), count);

  std::vector<BacklogItem> all = items.take_all();
  ASSERT_EQ(all.size(), count);
  EXPECT_EQ(all.capacity(), count);
  for (size_t n = 0; n < count; ++n) {
    EXPECT_EQ(all[n].arrival, n);
    EXPECT_EQ(all[n].finding.path, "src/file" + std::to_string(n) + ".c");
    EXPECT_EQ(all[n].finding.line_start, n + 1);
  }
  EXPECT_EQ(items.size(), 0u);
}

TEST(ScoredItems, TakesOnlyWhatCameAfterTheLastTake) {
  ScoredItems items;
  items.push_back(item_at(0));
  ASSERT_EQ(items.take_all().size(), 1u);
  items.push_back(item_at(7));
  items.push_back(item_at(8));
  std::vector<BacklogItem> second = items.take_all();
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].finding.path, "src/file7.c");
  EXPECT_EQ(second[1].finding.path, "src/file8.c");
}

}  // namespace
}  // namespace assay::scan
