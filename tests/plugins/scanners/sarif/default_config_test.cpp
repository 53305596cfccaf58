// config/assay.yaml documents the defaults of plugins.sarif and
// plugins.benchmarks: the sections must be accepted and equal what the
// plugins assume without them.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "benchmarks_config.h"
#include "sarif_config.h"

namespace assay::sarif {
namespace {

// YAML scalars carry no type: read booleans and numbers back as such.
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
    case YAML::NodeType::Scalar: {
      const std::string text = node.Scalar();
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
    default:
      return nullptr;
  }
}

const YAML::Node kPlugins = YAML::LoadFile(ASSAY_SOURCE_DIR "/config/assay.yaml")["plugins"];

TEST(SarifDefaultConfig, AssayYamlSectionEqualsBuiltInDefaults) {
  ASSERT_TRUE(kPlugins["sarif"].IsMap());
  const SarifConfig from_file = SarifConfig::parse(to_json(kPlugins["sarif"]).dump());
  const SarifConfig built_in = SarifConfig::parse("{}");
  EXPECT_TRUE(from_file.paths.empty());
  EXPECT_EQ(from_file.max_file_size, built_in.max_file_size);
  EXPECT_EQ(from_file.options.source_roots, built_in.options.source_roots);
  EXPECT_EQ(from_file.options.uri_base_ids, built_in.options.uri_base_ids);
  EXPECT_EQ(from_file.options.security_tools, built_in.options.security_tools);
  EXPECT_EQ(from_file.options.tag_categories, built_in.options.tag_categories);
  EXPECT_EQ(from_file.options.non_security_cwes, built_in.options.non_security_cwes);
  EXPECT_EQ(from_file.options.baseline_states, built_in.options.baseline_states);
}

TEST(BenchmarksDefaultConfig, AssayYamlSectionEqualsBuiltInDefaults) {
  using benchmarks::BenchmarksConfig;
  ASSERT_TRUE(kPlugins["benchmarks"].IsMap());
  const BenchmarksConfig from_file = BenchmarksConfig::parse(to_json(kPlugins["benchmarks"]).dump());
  const BenchmarksConfig built_in = BenchmarksConfig::parse("{}");
  EXPECT_TRUE(from_file.comparisons.empty());
  EXPECT_EQ(from_file.metric, built_in.metric);
  EXPECT_DOUBLE_EQ(from_file.settings.threshold, built_in.settings.threshold);
  EXPECT_DOUBLE_EQ(from_file.settings.alpha, built_in.settings.alpha);
  EXPECT_EQ(from_file.settings.min_repetitions, built_in.settings.min_repetitions);
  EXPECT_EQ(from_file.max_file_size, built_in.max_file_size);
}

TEST(SarifReportDefaultConfig, AssayYamlNamesTheDefaultFile) {
  EXPECT_EQ(kPlugins["sarif-report"]["file"].as<std::string>(), "backlog.sarif");
}

}  // namespace
}  // namespace assay::sarif
