#include "json_path.h"

#include <gtest/gtest.h>

namespace assay::input {
namespace {

TEST(JsonPath, WritesKeysAndIndicesTheWayPeopleReadThem) {
  JsonPath path;
  EXPECT_EQ(path.str(), "(top level)");
  path.push_key("runs");
  path.push_index(0);
  path.push_key("results");
  path.push_index(3);
  path.push_key("locations");
  EXPECT_EQ(path.str(), "runs[0].results[3].locations");
  EXPECT_EQ(JsonPath().child("properties").child("security-severity").str(), "properties.security-severity");
  EXPECT_EQ(JsonPath().child("uri_base_ids").child("a b.c").str(), "uri_base_ids[\"a b.c\"]");
  EXPECT_EQ(JsonPath().child(2).child("x").str(), "[2].x");
}

TEST(JsonPath, MatchesPatternsWithAnyIndex) {
  const JsonPath path = JsonPath().child("runs").child(4).child("results");
  EXPECT_TRUE(path.matches({"runs", JsonPath::kAnyIndex, "results"}));
  EXPECT_TRUE(path.matches({"runs", size_t{4}, "results"}));
  EXPECT_FALSE(path.matches({"runs", size_t{3}, "results"}));
  EXPECT_FALSE(path.matches({"runs", JsonPath::kAnyIndex}));
  EXPECT_FALSE(path.matches({"runs", "results", JsonPath::kAnyIndex}));
  EXPECT_EQ(path.key(0), "runs");
  EXPECT_EQ(path.index(1), 4u);
  EXPECT_EQ(path.key(1), "");
}

}  // namespace
}  // namespace assay::input
