#include "config/json_schema_validator.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "config/schema_keywords.h"

namespace assay::config {
namespace {

using nlohmann::json;

std::vector<std::string> check(const std::string& yaml, const json& schema, bool check_required = true) {
  ValidationOptions options;
  options.file = "t.yaml";
  options.check_required = check_required;
  std::vector<std::string> lines;
  for (const auto& diagnostic : validate_yaml(YAML::Load(yaml), schema, options)) {
    lines.push_back(diagnostic.to_string());
  }
  return lines;
}

const json kServerSchema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"port"}},
    {"properties",
     {{"port", {{"type", "integer"}, {"minimum", 1}, {"maximum", 65535}}},
      {"ratio", {{"type", "number"}, {"exclusiveMaximum", 1}}},
      {"name", {{"type", "string"}, {"minLength", 2}, {"maxLength", 8}, {"pattern", "^[a-z]+$"}}},
      {"mode", {{"type", "string"}, {"enum", {"fast", "safe", "slow"}}}},
      {"verbose", {{"type", "boolean"}}},
      {"tags", {{"type", "array"}, {"items", {{"type", "string"}}}, {"maxItems", 2}}},
      {"nested",
       {{"type", "object"},
        {"additionalProperties", false},
        {"properties", {{"depth", {{"type", "integer"}}}}}}}}}};

TEST(ValidateYaml, AcceptsAValidDocument) {
  EXPECT_TRUE(
      check(
          "port: 8080\nratio: 0.5\nname: web\nmode: fast\nverbose: yes\ntags: [a, b]\nnested:\n  depth: 2\n",
          kServerSchema)
          .empty());
}

TEST(ValidateYaml, ReportsUnknownKeysWithASuggestionAtTheKey) {
  EXPECT_EQ(check("port: 1\nprot: 2\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:1: unknown key 'prot' (did you mean 'port'?)"});
  EXPECT_EQ(check("port: 1\nnested:\n  dpeth: 2\n", kServerSchema),
            std::vector<std::string>{"t.yaml:3:3: unknown key 'dpeth' in nested (did you mean 'depth'?)"});
}

TEST(ValidateYaml, ListsTheAllowedKeysWhenNothingIsClose) {
  EXPECT_EQ(check("port: 1\nnested: {colour: red}\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:10: unknown key 'colour' in nested (expected one of: depth)"});
}

TEST(ValidateYaml, ReportsWrongTypesWithWhatWasFound) {
  EXPECT_EQ(check("port: abc\n", kServerSchema),
            std::vector<std::string>{"t.yaml:1:7: port: expected an integer, got string 'abc'"});
  EXPECT_EQ(check("port: 1\nratio: abc\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:8: ratio: expected a number, got string 'abc'"});
  EXPECT_EQ(check("port: \"80\"\n", kServerSchema),
            std::vector<std::string>{"t.yaml:1:7: port: expected an integer, got string '80'"});
  EXPECT_EQ(check("port: 1.5\n", kServerSchema),
            std::vector<std::string>{"t.yaml:1:7: port: expected an integer, got number 1.5"});
  EXPECT_EQ(check("port: 1\nverbose: maybe\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:10: verbose: expected a boolean, got string 'maybe'"});
  EXPECT_EQ(check("port: 1\ntags: a\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:7: tags: expected a list, got string 'a'"});
  EXPECT_EQ(check("port: 1\nname: [a]\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:7: name: expected a string, got a list"});
  EXPECT_EQ(check("port: 1\nnested: 3\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:9: nested: expected a mapping, got integer 3"});
}

TEST(ValidateYaml, LocatesAnEmptyValueAtItsKey) {
  EXPECT_EQ(check("port:\nname: web\n", kServerSchema),
            std::vector<std::string>{"t.yaml:1:1: port: expected an integer, got null"});
}

TEST(ValidateYaml, AcceptsAnEmptySectionWhereAMappingIsExpected) {
  EXPECT_TRUE(check("port: 1\nnested:\n", kServerSchema).empty());
}

TEST(ValidateYaml, ReportsValuesOutOfRange) {
  EXPECT_EQ(check("port: 0\n", kServerSchema),
            std::vector<std::string>{"t.yaml:1:7: port: 0 is below the minimum 1"});
  EXPECT_EQ(check("port: 70000\n", kServerSchema),
            std::vector<std::string>{"t.yaml:1:7: port: 70000 is above the maximum 65535"});
  EXPECT_EQ(check("port: 1\nratio: 1\n", kServerSchema),
            std::vector<std::string>{"t.yaml:2:8: ratio: 1 is not below the exclusive maximum 1"});
}

TEST(ValidateYaml, ReportsEnumViolationsListingTheAllowedValues) {
  EXPECT_EQ(
      check("port: 1\nmode: fsat\n", kServerSchema),
      std::vector<std::string>{
          "t.yaml:2:7: mode: invalid value 'fsat'; allowed values: fast, safe, slow (did you mean 'fast'?)"});
  EXPECT_EQ(
      check("port: 1\nmode: turbo\n", kServerSchema),
      std::vector<std::string>{"t.yaml:2:7: mode: invalid value 'turbo'; allowed values: fast, safe, slow"});
}

TEST(ValidateYaml, ComparesEnumValuesByType) {
  const json schema = {
      {"type", "object"},
      {"properties", {{"n", {{"type", "integer"}, {"enum", {1, 2}}}}, {"s", {{"enum", {"1"}}}}}}};
  EXPECT_TRUE(check("n: 2\n", schema).empty());
  EXPECT_TRUE(check("s: '1'\n", schema).empty());
  EXPECT_EQ(check("s: 1\n", schema),
            std::vector<std::string>{
                "t.yaml:1:4: s: invalid value '1'; allowed values: 1 (the text matches, the type does "
                "not: add or remove quotes)"});
}

TEST(ValidateYaml, ReportsStringLengthAndPattern) {
  EXPECT_EQ(check("port: 1\nname: a\n", kServerSchema),
            (std::vector<std::string>{"t.yaml:2:7: name: 'a' is shorter than the minimum length 2"}));
  EXPECT_EQ(check("port: 1\nname: abcdefghij\n", kServerSchema),
            (std::vector<std::string>{"t.yaml:2:7: name: 'abcdefghij' is longer than the maximum length 8"}));
  EXPECT_EQ(check("port: 1\nname: Web1\n", kServerSchema),
            (std::vector<std::string>{"t.yaml:2:7: name: 'Web1' does not match the pattern '^[a-z]+$'"}));
}

TEST(ValidateYaml, ChecksListItemsAndLength) {
  EXPECT_EQ(check("port: 1\ntags: [a, [b], c]\n", kServerSchema),
            (std::vector<std::string>{"t.yaml:2:7: tags: has 3 item(s), more than the maximum 2",
                                      "t.yaml:2:11: tags[1]: expected a string, got a list"}));
}

TEST(ValidateYaml, ReportsMissingRequiredKeysOnlyWhenAsked) {
  EXPECT_EQ(check("name: web\n", kServerSchema),
            std::vector<std::string>{"t.yaml:1:1: missing required key 'port'"});
  EXPECT_TRUE(check("name: web\n", kServerSchema, false).empty());
}

TEST(ValidateYaml, ChecksRequiredKeysOfListItemsAlways) {
  const json schema = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"required", {"tag", "weight"}},
        {"properties", {{"tag", {{"type", "string"}}}, {"weight", {{"type", "number"}, {"default", 1}}}}}}}};
  EXPECT_EQ(check("- {tag: NOTE}\n- {weight: 2}\n", schema, false),
            std::vector<std::string>{"t.yaml:2:3: [1]: missing required key 'tag'"});
}

TEST(ValidateYaml, ReportsDuplicateKeys) {
  EXPECT_EQ(check("port: 1\nname: ab\nport: 2\n", kServerSchema),
            std::vector<std::string>{"t.yaml:3:1: duplicate key 'port' (first at line 1)"});
}

// Found by fuzz_config: each key was held by reference to a member of the
// temporary that yaml-cpp's iterator operator-> returns, a use after scope
// that AddressSanitizer (clang) reports; keys must still be located exactly.
TEST(ValidateYaml, LocatesEveryKindOfKey) {
  const auto lines = check("port: 1\n[a, b]: 2\nport: 3\n", kServerSchema);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("t.yaml:2:1: ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("key must be plain text"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1], "t.yaml:3:1: duplicate key 'port' (first at line 1)");
}

TEST(ValidateYaml, CollectsEveryProblem) {
  const auto lines = check("prot: 1\nport: x\nmode: no\nname: a\n", kServerSchema);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "t.yaml:1:1: unknown key 'prot' (did you mean 'port'?)");
  EXPECT_EQ(lines[1], "t.yaml:2:7: port: expected an integer, got string 'x'");
  EXPECT_EQ(lines[2], "t.yaml:3:7: mode: invalid value 'no'; allowed values: fast, safe, slow");
  EXPECT_EQ(lines[3], "t.yaml:4:7: name: 'a' is shorter than the minimum length 2");
}

TEST(ValidateYaml, AcceptsAnyOfSeveralTypes) {
  const json schema = {{"type", "object"}, {"properties", {{"limit", {{"type", {"integer", "string"}}}}}}};
  EXPECT_TRUE(check("limit: 5\n", schema).empty());
  EXPECT_TRUE(check("limit: none\n", schema).empty());
  EXPECT_EQ(check("limit: [1]\n", schema),
            std::vector<std::string>{"t.yaml:1:8: limit: expected a string or an integer, got a list"});
}

TEST(ValidateYaml, NamesThePathGivenInTheOptions) {
  ValidationOptions options;
  options.file = "u.yaml";
  options.path = "plugins.x";
  const auto found = validate_yaml(YAML::Load("depth: false\n"),
                                   {{"properties", {{"depth", {{"type", "integer"}}}}}}, options);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].to_string(), "u.yaml:1:8: plugins.x.depth: expected an integer, got boolean false");
}

TEST(MissingRequired, FindsAbsentKeysInNestedObjectsButNotInArrays) {
  const json list = {{"type", "array"}, {"items", {{"required", {"x"}}}}};
  const json schema = {{"type", "object"},
                       {"required", {"a"}},
                       {"properties", {{"b", {{"type", "object"}, {"required", {"c"}}}}, {"list", list}}}};
  EXPECT_EQ(missing_required(json{{"b", json::object()}, {"list", {json::object()}}}, schema, "plugins.p"),
            (std::vector<std::string>{"plugins.p: missing required key 'a'",
                                      "plugins.p.b: missing required key 'c'"}));
  EXPECT_TRUE(missing_required(json{{"a", 1}, {"b", {{"c", 2}}}}, schema, "plugins.p").empty());
}

TEST(SchemaProblems, FindsMalformedKeywords) {
  EXPECT_TRUE(schema_problems(kServerSchema).empty());
  const json bad = {{"type", "object"},
                    {"properties",
                     {{"a", {{"type", "text"}}},
                      {"b", {{"minimum", "1"}}},
                      {"c", {{"pattern", "("}}},
                      {"d", {{"required", "x"}}}}}};
  const auto problems = schema_problems(bad);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0], "/properties/a/type: unknown type \"text\"");
  EXPECT_EQ(problems[1], "/properties/b/minimum: must be a number");
  EXPECT_NE(problems[2].find("/properties/c/pattern: invalid regular expression"), std::string::npos);
  EXPECT_EQ(problems[3], "/properties/d/required: must be an array of strings");
  EXPECT_EQ(schema_problems(json::array()),
            std::vector<std::string>{"/: a schema must be an object or a boolean, got array"});
}

}  // namespace
}  // namespace assay::config
