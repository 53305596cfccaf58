#include "sarif_config.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace assay::sarif {
namespace {

std::string error_of(const std::string& config) {
  try {
    SarifConfig::parse(config);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

TEST(SarifConfig, DefaultsReadNothing) {
  const SarifConfig c = SarifConfig::parse("{}");
  EXPECT_TRUE(c.paths.empty());
  EXPECT_EQ(c.max_file_size, 256u * 1024 * 1024);
  EXPECT_EQ(c.options.baseline_states, (std::vector<std::string>{"new", "unchanged", "updated"}));
  EXPECT_EQ(c.options.tag_categories.at("maintainability"), "technical-debt");
  EXPECT_EQ(c.options.non_security_cwes.front(), "CWE-398");
}

TEST(SarifConfig, ReadsEverySetting) {
  const SarifConfig c = SarifConfig::parse(R"({
    "enabled": true, "paths": ["reports/**/*.sarif", "codeql.sarif"], "max_file_size": 1000,
    "source_roots": ["/home/runner/work/app/app", "file:///builds/app"],
    "uri_base_ids": {"SRCROOT": "", "PWD": "build"},
    "security_tools": ["MyScanner"], "tag_categories": {"Hot-Path": "performance"},
    "non_security_cwes": ["398", "CWE-1164"], "baseline_states": ["new"]})");
  ASSERT_EQ(c.paths.size(), 2u);
  EXPECT_TRUE(c.paths[0].matches("reports/a/b.sarif"));
  EXPECT_EQ(c.max_file_size, 1000u);
  EXPECT_EQ(c.options.source_roots.size(), 2u);
  EXPECT_EQ(c.options.uri_base_ids.at("PWD"), "build");
  EXPECT_EQ(c.options.security_tools, std::vector<std::string>{"MyScanner"});
  EXPECT_EQ(c.options.tag_categories.at("hot-path"), "performance");
  EXPECT_EQ(c.options.tag_categories.count("security"), 0u);
  EXPECT_EQ(c.options.non_security_cwes, (std::vector<std::string>{"CWE-398", "CWE-1164"}));
  EXPECT_EQ(c.options.baseline_states, std::vector<std::string>{"new"});
}

TEST(SarifConfig, ErrorsNameTheField) {
  EXPECT_EQ(error_of(R"({"paths": ["ok.sarif", "../out.sarif"]})"),
            "plugins.sarif.paths[1]: '../out.sarif' leaves the repository ('..')");
  EXPECT_EQ(error_of(R"({"paths": "a.sarif"})"), "plugins.sarif.paths: must be a list, got \"a.sarif\"");
  EXPECT_EQ(error_of(R"({"max_file_size": 0})"),
            "plugins.sarif.max_file_size: must be a positive whole number of bytes, got 0");
  EXPECT_EQ(
      error_of(R"({"source_roots": ["relative/dir"]})"),
      "plugins.sarif.source_roots[0]: 'relative/dir' must be an absolute directory or a file: URI (where the "
      "tool ran)");
  EXPECT_EQ(error_of(R"({"uri_base_ids": {"PWD": "../x"}})"),
            "plugins.sarif.uri_base_ids.PWD: '../x' must be a directory inside the repository, relative to "
            "its root");
  EXPECT_EQ(error_of(R"({"tag_categories": {"x": "urgent"}})"),
            "plugins.sarif.tag_categories.x: 'urgent' is not one of security, dependency, technical-debt, "
            "performance, testing, documentation, infrastructure, code-quality, compliance, feature");
  EXPECT_EQ(error_of(R"({"non_security_cwes": ["style"]})"),
            "plugins.sarif.non_security_cwes[0]: 'style' is not a CWE id like CWE-398");
  EXPECT_EQ(error_of(R"({"baseline_states": ["gone"]})"),
            "plugins.sarif.baseline_states[0]: 'gone' is not one of new, unchanged, updated, absent");
  EXPECT_EQ(error_of(R"({"path": []})"), "plugins.sarif: unknown key 'path'");
}

TEST(SarifConfig, SchemaIsJsonWithTheSameDefaults) {
  const auto schema = nlohmann::json::parse(sarif_config_schema());
  EXPECT_EQ(schema["properties"]["max_file_size"]["default"], 256 * 1024 * 1024);
  EXPECT_EQ(schema["properties"]["baseline_states"]["default"],
            nlohmann::json::parse(R"(["new", "unchanged", "updated"])"));
  EXPECT_FALSE(schema["additionalProperties"].get<bool>());
}

}  // namespace
}  // namespace assay::sarif
