#include "config/config.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/default_config.h"
#include "config/host_schema.h"
#include "config/json_schema_validator.h"
#include "temp_config_file.h"

namespace assay::config {
namespace {

using testing::TempConfigFile;

// The messages of the ConfigError that loading `text` throws.
std::vector<std::string> load_errors(const TempConfigFile& file,
                                     const nlohmann::json& schema = base_host_schema()) {
  try {
    Config::load(file.path(), schema);
  } catch (const ConfigError& error) {
    std::vector<std::string> lines;
    for (const auto& diagnostic : error.diagnostics) lines.push_back(diagnostic.to_string());
    return lines;
  }
  ADD_FAILURE() << "expected a ConfigError for " << file.path();
  return {};
}

TEST(ConfigDefaults, EmbedsConfigAssayYamlVerbatim) {
  std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(default_config_text() == text.str()) << "the embedded text differs from config/assay.yaml";
}

TEST(ConfigDefaults, ValidateAgainstTheHostSchemaWithRequiredKeys) {
  const Config config = Config::defaults();
  ValidationOptions options;
  options.file = std::string(kDefaultConfigLabel);
  const auto diagnostics = validate_yaml(config.root(), base_host_schema(), options);
  for (const auto& diagnostic : diagnostics) ADD_FAILURE() << diagnostic.to_string();
}

TEST(ConfigDefaults, ProvideEveryHostSetting) {
  const Config config = Config::defaults();
  EXPECT_EQ(config.log_level(), "info");
  EXPECT_EQ(config.log_format(), "text");
  EXPECT_EQ(config.scan_threads(), 0);
  EXPECT_TRUE(config.scan_exclude().empty());
  EXPECT_EQ(config.report_formats(), (std::vector<std::string>{"md", "json"}));
  EXPECT_EQ(config.report_top(), 10);
  EXPECT_EQ(config.maturity_level(), "developing");
  EXPECT_TRUE(config.plugin_paths().empty());
  EXPECT_EQ(config.source_description(), "built-in defaults");
  EXPECT_TRUE(config.user_file().empty());
  EXPECT_TRUE(config.plugin_enabled("markers"));
  EXPECT_TRUE(config.plugin_enabled("a-plugin-without-section"));
}

TEST(ConfigLoad, MergesTheUserFileOverTheDefaults) {
  TempConfigFile file(
      "log:\n  level: debug\nscan:\n  exclude: ['vendor/**']\nreport:\n  formats: [json]\n"
      "plugins:\n  markdown:\n    enabled: false\n");
  const Config config = Config::load(file.path(), base_host_schema());
  EXPECT_EQ(config.log_level(), "debug");
  EXPECT_EQ(config.log_format(), "text");  // kept from the default log section
  EXPECT_EQ(config.scan_exclude(), std::vector<std::string>{"vendor/**"});
  EXPECT_EQ(config.scan_threads(), 0);
  EXPECT_EQ(config.report_formats(), std::vector<std::string>{"json"});  // lists replace
  EXPECT_EQ(config.report_top(), 10);
  EXPECT_FALSE(config.plugin_enabled("markdown"));
  EXPECT_TRUE(config.plugin_enabled("markers"));
  EXPECT_EQ(config.source_description(), "built-in defaults + " + file.path().string());
  EXPECT_EQ(config.user_file(), file.path().string());
  const YAML::Node& root = config.root();
  EXPECT_TRUE(root["scoring"].IsMap());
}

TEST(ConfigLoad, AcceptsAnEmptyFileAndAFileOfComments) {
  TempConfigFile empty("");
  EXPECT_EQ(Config::load(empty.path(), base_host_schema()).log_level(), "info");
  TempConfigFile comments("# nothing to change\n\n");
  EXPECT_EQ(Config::load(comments.path(), base_host_schema()).report_top(), 10);
}

TEST(ConfigLoad, ResolvesRelativePluginPathsAgainstTheFilesDirectory) {
  TempConfigFile file("plugin_paths: [plugins, /opt/assay/plugins]\n");
  const Config config = Config::load(file.path(), base_host_schema());
  EXPECT_EQ(config.plugin_paths(),
            (std::vector<std::string>{(file.dir() / "plugins").string(), "/opt/assay/plugins"}));
}

TEST(ConfigLoad, ReportsUnknownSectionsWithASuggestion) {
  TempConfigFile file("log:\n  level: info\nsacn:\n  threads: 2\n");
  EXPECT_EQ(load_errors(file),
            std::vector<std::string>{file.at(3, 1) + "unknown key 'sacn' (did you mean 'scan'?)"});
}

TEST(ConfigLoad, ReportsUnknownNestedKeysWithASuggestion) {
  TempConfigFile file("log:\n  lvel: debug\n");
  EXPECT_EQ(load_errors(file),
            std::vector<std::string>{file.at(2, 3) + "unknown key 'lvel' in log (did you mean 'level'?)"});
}

TEST(ConfigLoad, ReportsWrongTypes) {
  TempConfigFile file("scan:\n  threads: abc\n");
  EXPECT_EQ(load_errors(file),
            std::vector<std::string>{file.at(2, 12) + "scan.threads: expected an integer, got string 'abc'"});
}

TEST(ConfigLoad, ReportsValuesOutOfRange) {
  TempConfigFile file("scan:\n  threads: -1\nreport:\n  top: 20000\n");
  EXPECT_EQ(load_errors(file),
            (std::vector<std::string>{file.at(2, 12) + "scan.threads: -1 is below the minimum 0",
                                      file.at(4, 8) + "report.top: 20000 is above the maximum 10000"}));
}

TEST(ConfigLoad, ReportsEnumViolationsWithTheAllowedValues) {
  TempConfigFile file("log:\n  level: verbose\n  format: jsno\n");
  EXPECT_EQ(
      load_errors(file),
      (std::vector<std::string>{
          file.at(2, 10) +
              "log.level: invalid value 'verbose'; allowed values: trace, debug, info, warn, error, off",
          file.at(3, 11) +
              "log.format: invalid value 'jsno'; allowed values: text, json (did you mean 'json'?)"}));
}

TEST(ConfigLoad, CollectsEveryDiagnosticInFileOrder) {
  TempConfigFile file("maturity:\n  level: expert\nlog: {format: xml}\nrepot: {}\nscan: {threads: 1.5}\n");
  const auto lines = load_errors(file);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].rfind(file.at(2, 10) + "maturity.level: invalid value 'expert'", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind(file.at(3, 15) + "log.format: invalid value 'xml'", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2], file.at(4, 1) + "unknown key 'repot' (did you mean 'report'?)");
  EXPECT_EQ(lines[3], file.at(5, 17) + "scan.threads: expected an integer, got number 1.5");
}

TEST(ConfigLoad, ReportsYamlSyntaxErrorsAtTheirPosition) {
  TempConfigFile unclosed("scan:\n  exclude: [a, b\nreport: {}\n");
  const auto unclosed_errors = load_errors(unclosed);
  ASSERT_EQ(unclosed_errors.size(), 1u);
  EXPECT_EQ(unclosed_errors[0].rfind(unclosed.at(3, 7) + "YAML syntax error: ", 0), 0u) << unclosed_errors[0];

  TempConfigFile tab("log:\n\tlevel: debug\n");
  const auto tab_errors = load_errors(tab);
  ASSERT_EQ(tab_errors.size(), 1u);
  EXPECT_EQ(tab_errors[0].rfind(tab.at(2, 7) + "YAML syntax error: ", 0), 0u) << tab_errors[0];
}

TEST(ConfigLoad, ChecksTheHistorySection) {
  TempConfigFile file("history:\n  since: 10x\n  first_parent: maybe\n  hotspot:\n    max_multiplier: 0.5\n");
  EXPECT_EQ(
      load_errors(file),
      (std::vector<std::string>{
          file.at(2, 10) + "history.since: '10x' does not match the pattern '^(all|[1-9][0-9]{0,5}[dwy])$'",
          file.at(3, 17) + "history.first_parent: expected a boolean, got string 'maybe'",
          file.at(5, 21) + "history.hotspot.max_multiplier: 0.5 is below the minimum 1"}));
}

TEST(ConfigLoad, RequiresAMappingAtTheTopLevel) {
  TempConfigFile file("- log\n- scan\n");
  EXPECT_EQ(
      load_errors(file),
      std::vector<std::string>{
          file.at(1, 1) + "the top level must be a mapping of sections (delivery, history, log, maturity, "
                          "plugin_paths, plugins, report, scan, scoring, state), got a list"});
}

TEST(ConfigLoad, AllowsOneDocumentOnly) {
  TempConfigFile file("log: {level: info}\n---\nscan: {threads: 1}\n");
  EXPECT_EQ(load_errors(file),
            std::vector<std::string>{file.at(3, 1) +
                                     "only one YAML document is allowed; a second one starts here"});
}

// Found by fuzz_config: yaml-cpp 0.7's LoadAll never returns (and allocates
// without bound) on a stray top-level comma.
TEST(ConfigLoad, ReportsAStrayCommaInsteadOfHanging) {
  TempConfigFile alone(",");
  EXPECT_EQ(load_errors(alone),
            std::vector<std::string>{alone.at(1, 1) + "YAML syntax error: unexpected text here"});
  TempConfigFile after_value("report: {top: 3}\nscan: [a],\n");
  EXPECT_FALSE(load_errors(after_value).empty());
  TempConfigFile after_document("[a],\n");
  EXPECT_EQ(load_errors(after_document),
            std::vector<std::string>{after_document.at(1, 4) + "YAML syntax error: unexpected text here"});
}

TEST(ConfigLoad, RequiresPluginSectionsToBeMappings) {
  TempConfigFile file("plugins:\n  markers: off\n");
  EXPECT_EQ(load_errors(file), std::vector<std::string>{
                                   file.at(2, 12) + "plugins.markers: expected a mapping, got string 'off'"});
}

TEST(ConfigLoad, ValidatesScoringAgainstTheSchemaTheCallerSupplies) {
  nlohmann::json schema = base_host_schema();
  schema["properties"]["scoring"] = {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"next_best",
         {{"type", "object"}, {"properties", {{"max_risk", {{"type", "number"}, {"maximum", 1}}}}}}}}}};
  TempConfigFile file("scoring:\n  next_best:\n    max_risk: 2\n  wieghts: {}\n");
  EXPECT_EQ(load_errors(file, schema),
            (std::vector<std::string>{
                file.at(3, 15) + "scoring.next_best.max_risk: 2 is above the maximum 1",
                file.at(4, 3) + "unknown key 'wieghts' in scoring (expected one of: next_best)"}));
}

TEST(ConfigLoad, NamesAFileThatCannotBeRead) {
  TempConfigFile file("");
  const auto missing = file.dir() / "absent.yaml";
  try {
    Config::load(missing, base_host_schema());
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& error) {
    ASSERT_EQ(error.diagnostics.size(), 1u);
    EXPECT_EQ(error.diagnostics[0].to_string(),
              missing.string() + ": cannot read the configuration file: No such file or directory");
    EXPECT_EQ(std::string(error.what()), error.diagnostics[0].to_string());
  }
  EXPECT_THROW(Config::load(file.dir(), base_host_schema()), ConfigError);
}

TEST(ConfigParse, NamesTheLabelInDiagnostics) {
  try {
    Config::parse("report:\n  formats: [MD]\n", "inline.yaml", base_host_schema());
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              "inline.yaml:2:13: report.formats[0]: 'MD' does not match the pattern '^[a-z0-9_-]+$'");
  }
}

TEST(Diagnostic, FormatsWithAndWithoutAPosition) {
  EXPECT_EQ((Diagnostic{"a.yaml", 3, 7, "bad"}).to_string(), "a.yaml:3:7: bad");
  EXPECT_EQ((Diagnostic{"a.yaml", 3, 0, "bad"}).to_string(), "a.yaml:3: bad");
  EXPECT_EQ((Diagnostic{"a.yaml", 0, 0, "bad"}).to_string(), "a.yaml: bad");
}

}  // namespace
}  // namespace assay::config
