// Loading a configuration that has problems: invalid UTF-8 is rejected with
// its position, and the non-throwing load reports host problems while still
// returning a configuration whose plugin sections can be checked.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "config/host_schema.h"
#include "temp_config_file.h"

namespace assay::config {
namespace {

using testing::TempConfigFile;

const std::string kWordsSchema = R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {"words": {"type": "array", "items": {"type": "string"}}}
})";

std::vector<std::string> lines_of(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& diagnostic : diagnostics) lines.push_back(diagnostic.to_string());
  return lines;
}

TEST(ConfigEncoding, RejectsInvalidUtf8AtLoadWithThePositionOfTheByte) {
  TempConfigFile file("plugins:\n  markers:\n    words: [\"caf\xE9\"]\n");
  try {
    Config::load(file.path(), base_host_schema());
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(lines_of(error.diagnostics),
              std::vector<std::string>{file.at(3, 17) +
                                       "invalid UTF-8 (byte 0xE9); the configuration must be UTF-8 text"});
  }
}

TEST(ConfigEncoding, ReportsInvalidUtf8WithOtherProblemsInFileOrder) {
  std::vector<Diagnostic> diagnostics;
  Config::parse("log:\n  level: loud\nscan:\n  exclude: [\"\xC0\xAF\"]\n", "inline.yaml", base_host_schema(),
                diagnostics);
  const auto lines = lines_of(diagnostics);
  ASSERT_EQ(lines.size(), 2u) << ::testing::PrintToString(lines);
  EXPECT_EQ(lines[0].rfind("inline.yaml:2:10: log.level: invalid value 'loud'", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1], "inline.yaml:4:14: invalid UTF-8 (byte 0xC0); the configuration must be UTF-8 text");
}

TEST(ConfigEncoding, PluginConfigJsonReplacesInvalidUtf8InsteadOfThrowing) {
  std::vector<Diagnostic> diagnostics;
  const Config config = Config::parse("plugins:\n  tagger:\n    words: [\"caf\xE9\"]\n", "inline.yaml",
                                      base_host_schema(), diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  std::string json_text;
  ASSERT_NO_THROW(json_text = config.plugin_config_json("tagger", kWordsSchema));
  EXPECT_EQ(nlohmann::json::parse(json_text), nlohmann::json::parse(R"({"words": ["caf\ufffd"]})"));
}

TEST(ConfigLoadCollecting, ReturnsHostProblemsAndAConfigWhosePluginSectionsCanBeChecked) {
  TempConfigFile file(
      "log:\n  level: loud\nscan:\n  threads: 3\nplugins:\n  tagger:\n    wrods: [HACK]\n  markdwn: {}\n");
  std::vector<Diagnostic> diagnostics;
  const Config config = Config::load(file.path(), base_host_schema(), diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].to_string().rfind(file.at(2, 10) + "log.level: invalid value 'loud'", 0), 0u)
      << diagnostics[0].to_string();

  const auto plugin_problems = config.check_plugins({{"tagger", kWordsSchema}, {"markdown", ""}});
  diagnostics.insert(diagnostics.end(), plugin_problems.begin(), plugin_problems.end());
  sort_by_position(diagnostics);
  const auto lines = lines_of(diagnostics);
  ASSERT_EQ(lines.size(), 3u) << ::testing::PrintToString(lines);
  EXPECT_EQ(lines[0].rfind(file.at(2, 10), 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind(file.at(7, 5) + "unknown key 'wrods' in plugins.tagger", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2], file.at(8, 3) + "plugins: unknown plugin 'markdwn' (did you mean 'markdown'?)");
}

TEST(ConfigLoadCollecting, LeavesInvalidEntriesToTheDefaultsAndKeepsTheValidOnes) {
  TempConfigFile file(
      "log:\n  level: loud\n  format: json\nscan:\n  threads: 3\nreport: 7\n"
      "plugins:\n  markers: off\n  markdown:\n    enabled: false\n");
  std::vector<Diagnostic> diagnostics;
  const Config config = Config::load(file.path(), base_host_schema(), diagnostics);
  EXPECT_EQ(diagnostics.size(), 3u) << ::testing::PrintToString(lines_of(diagnostics));
  EXPECT_EQ(config.log_level(), "info");   // the default replaces the invalid value
  EXPECT_EQ(config.log_format(), "json");  // its valid sibling is kept
  EXPECT_EQ(config.scan_threads(), 3);
  EXPECT_EQ(config.report_formats(), (std::vector<std::string>{"md", "json"}));
  EXPECT_TRUE(config.plugin_enabled("markers"));
  EXPECT_FALSE(config.plugin_enabled("markdown"));
  EXPECT_TRUE(config.check_plugins({{"markers", ""}, {"markdown", ""}}).empty());
}

TEST(ConfigLoadCollecting, FallsBackToTheDefaultsWhenTheTopLevelIsNoMapping) {
  std::vector<Diagnostic> diagnostics;
  const Config config = Config::parse("- log\n", "inline.yaml", base_host_schema(), diagnostics);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].line, 1);
  EXPECT_EQ(config.log_level(), "info");
  EXPECT_EQ(config.report_top(), 10);
}

TEST(ConfigLoadCollecting, AppendsToTheCallersDiagnosticsAndKeepsGoingAfterASecondDocument) {
  std::vector<Diagnostic> diagnostics{Diagnostic{"earlier.yaml", 1, 1, "kept"}};
  const Config config = Config::parse("log: {level: debug}\n---\nscan: {threads: 1}\n", "inline.yaml",
                                      base_host_schema(), diagnostics);
  EXPECT_EQ(lines_of(diagnostics),
            (std::vector<std::string>{
                "earlier.yaml:1:1: kept",
                "inline.yaml:3:1: only one YAML document is allowed; a second one starts here"}));
  EXPECT_EQ(config.log_level(), "debug");
}

TEST(ConfigLoadCollecting, StillThrowsForASyntaxErrorAndAnUnreadableFile) {
  TempConfigFile file("scan:\n  exclude: [a, b\n");
  std::vector<Diagnostic> diagnostics;
  EXPECT_THROW(Config::load(file.path(), base_host_schema(), diagnostics), ConfigError);
  EXPECT_THROW(Config::load(file.dir() / "absent.yaml", base_host_schema(), diagnostics), ConfigError);
}

TEST(ConfigLoadCollecting, ResolvesRelativePluginPathsLikeTheThrowingLoad) {
  TempConfigFile file("plugin_paths: [plugins]\nlog: {level: loud}\n");
  std::vector<Diagnostic> diagnostics;
  const Config config = Config::load(file.path(), base_host_schema(), diagnostics);
  EXPECT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(config.plugin_paths(), std::vector<std::string>{(file.dir() / "plugins").string()});
}

}  // namespace
}  // namespace assay::config
