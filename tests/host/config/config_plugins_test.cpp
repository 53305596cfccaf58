#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "config/host_schema.h"
#include "temp_config_file.h"

namespace assay::config {
namespace {

using nlohmann::json;
using testing::TempConfigFile;

const std::string kMarkersSchema = R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "tags": {"type": "array", "items": {"type": "string"}, "default": ["NOTE", "REVIEW"]},
    "max_length": {"type": "integer", "minimum": 1, "default": 200},
    "label": {"type": "string"}
  }
})";

const std::string kJsonSchema = R"({
  "type": "object",
  "properties": {
    "file": {"type": "string", "default": "backlog.json"},
    "pretty": {"type": "boolean", "default": true}
  }
})";

const std::string kSlackSchema = R"({
  "type": "object",
  "required": ["webhook"],
  "properties": {"webhook": {"type": "string"}, "channel": {"type": "string", "default": "#backlog"}}
})";

std::vector<PluginSchema> known_plugins() {
  return {{"tagger", kMarkersSchema}, {"notes", ""}, {"export", kJsonSchema}};
}

std::vector<std::string> plugin_errors(const Config& config, const std::vector<PluginSchema>& known) {
  std::vector<std::string> lines;
  for (const auto& diagnostic : config.check_plugins(known)) lines.push_back(diagnostic.to_string());
  return lines;
}

TEST(CheckPlugins, AcceptsTheDefaultsAndValidSections) {
  EXPECT_TRUE(plugin_errors(Config::defaults(), known_plugins()).empty());
  EXPECT_TRUE(plugin_errors(Config::defaults(), {{"markers", ""}, {"markdown", ""}, {"json", ""}}).empty());
  TempConfigFile file(
      "plugins:\n  tagger:\n    tags: [AUDIT]\n    enabled: yes\n  export:\n    file: out.json\n");
  EXPECT_TRUE(plugin_errors(Config::load(file.path(), base_host_schema()), known_plugins()).empty());
}

TEST(CheckPlugins, ReportsUnknownPluginsWithASuggestion) {
  TempConfigFile file("plugins:\n  tager:\n    enabled: false\n  sarif: {}\n");
  const Config config = Config::load(file.path(), base_host_schema());
  EXPECT_EQ(
      plugin_errors(config, known_plugins()),
      (std::vector<std::string>{file.at(2, 3) + "plugins: unknown plugin 'tager' (did you mean 'tagger'?)",
                                file.at(4, 3) + "plugins: unknown plugin 'sarif' (known plugins: tagger, "
                                                "notes, export)"}));
}

TEST(CheckPlugins, ValidatesEachSectionAgainstItsPluginsSchema) {
  TempConfigFile file(
      "plugins:\n"
      "  tagger:\n"
      "    tags: NOTE\n"
      "    max_length: 0\n"
      "    lable: x\n"
      "    enabled: sometimes\n"
      "  export:\n"
      "    pretty: 3\n");
  const Config config = Config::load(file.path(), base_host_schema());
  EXPECT_EQ(plugin_errors(config, known_plugins()),
            (std::vector<std::string>{
                file.at(3, 11) + "plugins.tagger.tags: expected a list, got string 'NOTE'",
                file.at(4, 17) + "plugins.tagger.max_length: 0 is below the minimum 1",
                file.at(5, 5) + "unknown key 'lable' in plugins.tagger (did you mean 'label'?)",
                file.at(6, 14) + "plugins.tagger.enabled: expected a boolean, got string 'sometimes'",
                file.at(8, 13) + "plugins.export.pretty: expected a boolean, got integer 3"}));
}

TEST(CheckPlugins, ReportsAnInvalidPluginSchemaWithoutFailing) {
  TempConfigFile file("plugins:\n  export:\n    file: a.json\n");
  const Config config = Config::load(file.path(), base_host_schema());
  const auto lines =
      plugin_errors(config, {{"export", "{\"type\": \"object\", "}, {"tagger", kMarkersSchema}});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(
      lines[0].rfind(
          file.at(2, 3) + "plugin 'export' declares an invalid configuration schema: not valid JSON", 0),
      0u)
      << lines[0];
  const auto typed = plugin_errors(config, {{"export", R"({"properties": {"file": {"type": "path"}}})"}});
  ASSERT_EQ(typed.size(), 1u);
  EXPECT_EQ(typed[0],
            file.at(2, 3) +
                "plugin 'export' declares an invalid configuration schema: /properties/file/type: unknown "
                "type \"path\"");
  EXPECT_THROW(config.plugin_config_json("export", "[1]"), std::invalid_argument);
}

TEST(CheckPlugins, ReportsRequiredKeysOfEnabledPluginsOnly) {
  TempConfigFile missing("plugins:\n  slack:\n    channel: '#ops'\n");
  EXPECT_EQ(plugin_errors(Config::load(missing.path(), base_host_schema()), {{"slack", kSlackSchema}}),
            std::vector<std::string>{missing.at(2, 3) + "plugins.slack: missing required key 'webhook'"});
  TempConfigFile disabled("plugins:\n  slack:\n    enabled: false\n");
  EXPECT_TRUE(
      plugin_errors(Config::load(disabled.path(), base_host_schema()), {{"slack", kSlackSchema}}).empty());
  EXPECT_EQ(
      plugin_errors(Config::defaults(), {{"slack", kSlackSchema}}),
      std::vector<std::string>{"built-in defaults (config/assay.yaml): plugins.slack: missing required key "
                               "'webhook'"});
}

TEST(CheckPlugins, ValidatesTheBuiltInSectionsOfKnownPluginsToo) {
  // The built-in markers section has settings besides `enabled`, which a
  // schema without properties rejects, located in the embedded file.
  const auto found = Config::defaults().check_plugins({{"markers", R"({"additionalProperties": false})"}});
  ASSERT_FALSE(found.empty());
  for (const auto& diagnostic : found) {
    EXPECT_EQ(diagnostic.file, "built-in defaults (config/assay.yaml)");
    EXPECT_GT(diagnostic.line, 0);
    EXPECT_NE(diagnostic.message.find("in plugins.markers"), std::string::npos) << diagnostic.message;
  }
}

TEST(PluginConfigJson, TypesValuesAppliesDefaultsAndDropsEnabled) {
  TempConfigFile file(
      "plugins:\n  tagger:\n    label: 10\n    max_length: 80\n  export:\n    enabled: true\n");
  const Config config = Config::load(file.path(), base_host_schema());
  EXPECT_EQ(json::parse(config.plugin_config_json("tagger", kMarkersSchema)),
            (json{{"label", "10"}, {"max_length", 80}, {"tags", {"NOTE", "REVIEW"}}}));
  EXPECT_EQ(json::parse(config.plugin_config_json("export", kJsonSchema)),
            (json{{"file", "backlog.json"}, {"pretty", true}}));
  EXPECT_EQ(config.plugin_config_json("notes", ""), "{}");
  EXPECT_EQ(json::parse(config.plugin_config_json("absent", kJsonSchema)),
            (json{{"file", "backlog.json"}, {"pretty", true}}));
}

TEST(PluginConfigJson, PassesUndeclaredKeysWithCoreSchemaTypes) {
  TempConfigFile file("plugins:\n  custom:\n    depth: 3\n    name: '3'\n    on: true\n");
  const Config config = Config::load(file.path(), base_host_schema());
  EXPECT_EQ(json::parse(config.plugin_config_json("custom", "")),
            (json{{"depth", 3}, {"name", "3"}, {"on", true}}));
}

TEST(PluginEnabled, RejectsANonBooleanWithItsLocation) {
  TempConfigFile file("plugins:\n  export:\n    enabled: perhaps\n");
  const Config config = Config::load(file.path(), base_host_schema());
  try {
    config.plugin_enabled("export");
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              file.at(3, 14) + "plugins.export.enabled: expected a boolean, got string 'perhaps'");
  }
}

}  // namespace
}  // namespace assay::config
