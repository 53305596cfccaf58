#include "config/yaml_merge.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace assay::config {
namespace {

std::string merged(const std::string& base, const std::string& overlay) {
  YAML::Emitter out;
  out << YAML::Flow << merge_yaml(YAML::Load(base), YAML::Load(overlay));
  return out.c_str();
}

TEST(MergeYaml, MergesMappingsKeyByKeyRecursively) {
  EXPECT_EQ(merged("{log: {level: info, format: text}, top: 10}", "{log: {level: debug}}"),
            "{log: {level: debug, format: text}, top: 10}");
}

TEST(MergeYaml, AppendsNewKeysAfterTheBaseKeys) {
  EXPECT_EQ(merged("{a: 1, b: 2}", "{c: 3, a: 4}"), "{a: 4, b: 2, c: 3}");
}

TEST(MergeYaml, ReplacesSequencesAndScalarsWhole) {
  EXPECT_EQ(merged("{formats: [md, json], top: 10}", "{formats: [json]}"), "{formats: [json], top: 10}");
  EXPECT_EQ(merged("{a: {b: 1}}", "{a: [1]}"), "{a: [1]}");
  EXPECT_EQ(merged("{a: 1}", "{a: {b: 1}}"), "{a: {b: 1}}");
}

TEST(MergeYaml, KeepsABaseMappingUnderAnEmptyOverlay) {
  EXPECT_EQ(merged("{log: {level: info}}", "{log: ~}"), "{log: {level: info}}");
  EXPECT_EQ(merged("{a: 1}", ""), "{a: 1}");
}

TEST(MergeYaml, KeepsSourcePositionsAndLeavesInputsUntouched) {
  const YAML::Node base = YAML::Load("a: 1\nb:\n  c: 2\n");
  const YAML::Node overlay = YAML::Load("\n\nb:\n  d: 3\n");
  const YAML::Node result = merge_yaml(base, overlay);
  EXPECT_EQ(result["a"].Mark().line, 0);
  EXPECT_EQ(result["b"]["c"].Mark().line, 2);
  EXPECT_EQ(result["b"]["d"].Mark().line, 3);
  EXPECT_FALSE(base["b"]["d"].IsDefined());
  EXPECT_FALSE(overlay["b"]["c"].IsDefined());
}

}  // namespace
}  // namespace assay::config
