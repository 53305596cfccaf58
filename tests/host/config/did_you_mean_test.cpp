#include "config/did_you_mean.h"

#include <gtest/gtest.h>

namespace assay::config {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  EXPECT_EQ(edit_distance("level", "level"), 0u);
  EXPECT_EQ(edit_distance("lvel", "level"), 1u);
  EXPECT_EQ(edit_distance("levels", "level"), 1u);
  EXPECT_EQ(edit_distance("lebel", "level"), 1u);
  EXPECT_EQ(edit_distance("lveel", "level"), 1u);  // adjacent transposition
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("LEVEL", "level"), 0u);
}

TEST(ClosestMatch, SuggestsWithinTwoEditsOrByPrefix) {
  const std::vector<std::string> keys = {"log", "plugin_paths", "scan", "report", "maturity", "plugins"};
  EXPECT_EQ(closest_match("sacn", keys), "scan");
  EXPECT_EQ(closest_match("reprot", keys), "report");
  EXPECT_EQ(closest_match("plugin", keys), "plugins");
  EXPECT_EQ(closest_match("matur", keys), "maturity");
  EXPECT_EQ(closest_match("plugin_path", keys), "plugin_paths");
}

TEST(ClosestMatch, RejectsUnrelatedAndTooShortWords) {
  const std::vector<std::string> keys = {"log", "scan", "report"};
  EXPECT_FALSE(closest_match("database", keys).has_value());
  EXPECT_FALSE(closest_match("xy", keys).has_value());
  EXPECT_FALSE(closest_match("x", keys).has_value());
}

TEST(ClosestMatch, PrefersTheSmallestDistanceThenTheEarlierCandidate) {
  EXPECT_EQ(closest_match("jsno", {"json", "js"}), "json");
  EXPECT_EQ(closest_match("tap", {"top", "tip"}), "top");
}

TEST(SuggestionSuffix, ListsTheCandidatesWhenNothingIsClose) {
  EXPECT_EQ(suggestion_suffix("lvel", {"level", "format"}), " (did you mean 'level'?)");
  EXPECT_EQ(suggestion_suffix("colour", {"level", "format"}), " (expected one of: level, format)");
  EXPECT_EQ(suggestion_suffix("colour", {}), "");
}

}  // namespace
}  // namespace assay::config
