// config/assay.yaml documents the plugin's defaults: its markers section
// must be accepted and equal what the plugin assumes without it. README.md's
// examples of the section must be accepted too.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "markers_config.h"

namespace assay::markers {
namespace {

// YAML scalars carry no type: read booleans and numbers back as such.
nlohmann::json scalar_to_json(const YAML::Node& node) {
  const std::string text = node.Scalar();
  if (node.Tag() == "!") return text;  // quoted in the file
  if (text == "true" || text == "false") return text == "true";
  try {
    size_t used = 0;
    const long long integer = std::stoll(text, &used);
    if (used == text.size()) return integer;
    const double number = std::stod(text, &used);
    if (used == text.size()) return number;
  } catch (const std::exception&) {
  }
  return text;
}

nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json j = nlohmann::json::object();
      for (const auto& kv : node) j[kv.first.as<std::string>()] = to_json(kv.second);
      return j;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& item : node) j.push_back(to_json(item));
      return j;
    }
    case YAML::NodeType::Scalar:
      return scalar_to_json(node);
    default:
      return nullptr;
  }
}

TEST(MarkersDefaultConfig, AssayYamlSectionEqualsBuiltInDefaults) {
  const YAML::Node root = YAML::LoadFile(ASSAY_SOURCE_DIR "/config/assay.yaml");
  const YAML::Node section = root["plugins"]["markers"];
  ASSERT_TRUE(section.IsMap());
  const MarkersConfig from_file = MarkersConfig::parse(to_json(section).dump());
  const MarkersConfig built_in = MarkersConfig::defaults();
  EXPECT_EQ(from_file.max_file_size, built_in.max_file_size);
  EXPECT_EQ(from_file.languages, built_in.languages);
  ASSERT_EQ(from_file.tags.size(), built_in.tags.size());
  for (size_t i = 0; i < built_in.tags.size(); ++i) {
    EXPECT_EQ(from_file.tags[i].tag, built_in.tags[i].tag);
    EXPECT_EQ(from_file.tags[i].category, built_in.tags[i].category) << built_in.tags[i].tag;
    EXPECT_EQ(from_file.tags[i].severity, built_in.tags[i].severity) << built_in.tags[i].tag;
    EXPECT_DOUBLE_EQ(from_file.tags[i].effort_hours, built_in.tags[i].effort_hours) << built_in.tags[i].tag;
  }
  ASSERT_EQ(from_file.keywords.size(), built_in.keywords.size());
  for (size_t i = 0; i < built_in.keywords.size(); ++i) {
    EXPECT_EQ(from_file.keywords[i].name, built_in.keywords[i].name);
    EXPECT_EQ(from_file.keywords[i].words, built_in.keywords[i].words) << built_in.keywords[i].name;
    EXPECT_EQ(from_file.keywords[i].category, built_in.keywords[i].category) << built_in.keywords[i].name;
    EXPECT_EQ(from_file.keywords[i].severity, built_in.keywords[i].severity) << built_in.keywords[i].name;
    EXPECT_DOUBLE_EQ(from_file.keywords[i].effort_multiplier, built_in.keywords[i].effort_multiplier);
  }
}

// The fenced YAML blocks of README.md that configure this plugin.
std::vector<std::string> readme_markers_examples() {
  std::ifstream file(ASSAY_SOURCE_DIR "/README.md");
  std::stringstream text;
  text << file.rdbuf();
  std::vector<std::string> blocks;
  const std::string content = text.str();
  const std::string open = "```yaml\n";
  for (size_t begin = content.find(open); begin != std::string::npos; begin = content.find(open, begin)) {
    begin += open.size();
    const size_t end = content.find("```", begin);
    if (end == std::string::npos) break;
    std::string block = content.substr(begin, end - begin);
    if (block.find("  markers:") != std::string::npos) blocks.push_back(std::move(block));
    begin = end + 3;
  }
  return blocks;
}

TEST(MarkersDefaultConfig, ReadmeExamplesAreAccepted) {
  const auto blocks = readme_markers_examples();
  ASSERT_FALSE(blocks.empty()) << "README.md shows no plugins.markers example";
  for (const auto& block : blocks) {
    const YAML::Node section = YAML::Load(block)["plugins"]["markers"];
    ASSERT_TRUE(section.IsMap()) << block;
    EXPECT_NO_THROW(MarkersConfig::parse(to_json(section).dump())) << block;
  }
}

}  // namespace
}  // namespace assay::markers
