#include "config/yaml_lookup.h"

#include <gtest/gtest.h>

#include "config/yaml_merge.h"

namespace assay::config {
namespace {

TEST(FindEntry, ReturnsTheFirstOfRepeatedKeysWithTheKeysPosition) {
  const YAML::Node node = YAML::Load("a: 1\nb: 2\nb: 3\n");
  const Entry entry = find_entry(node, "b");
  ASSERT_TRUE(entry.found());
  EXPECT_EQ(entry.value.Scalar(), "2");
  EXPECT_EQ(entry.key.Mark().line, 1);
  EXPECT_FALSE(find_entry(node, "c").found());
  EXPECT_FALSE(find_entry(YAML::Load("[b]"), "b").found());
  EXPECT_FALSE(find_entry(YAML::Node(YAML::NodeType::Undefined), "b").found());
}

TEST(FindPath, FollowsMappingsWithoutInsertingKeys) {
  const YAML::Node node = YAML::Load("log: {level: info}\n");
  EXPECT_EQ(find_path(node, {"log", "level"}).Scalar(), "info");
  EXPECT_FALSE(find_path(node, {"log", "format"}).IsDefined());
  EXPECT_FALSE(find_path(node, {"scan", "threads"}).IsDefined());
  EXPECT_EQ(node.size(), 1u);
  EXPECT_EQ(node["log"].size(), 1u);
}

TEST(MergeYaml, UsesTheFirstOfRepeatedOverlayKeysLikeFindEntry) {
  const YAML::Node merged =
      merge_yaml(YAML::Load("level: info\n"), YAML::Load("level: debug\nlevel: warn\n"));
  EXPECT_EQ(find_entry(merged, "level").value.Scalar(), "debug");
}

}  // namespace
}  // namespace assay::config
