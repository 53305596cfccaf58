#include "config/yaml_json.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include "config/yaml_scalar.h"

namespace assay::config {
namespace {

using nlohmann::json;

TEST(ResolveScalar, FollowsTheYamlCoreSchema) {
  EXPECT_EQ(resolve_scalar(YAML::Load("10")).kind, ScalarKind::integer);
  EXPECT_EQ(resolve_scalar(YAML::Load("-0x1F")).integer, -31);
  EXPECT_EQ(resolve_scalar(YAML::Load("0o17")).integer, 15);
  EXPECT_EQ(resolve_scalar(YAML::Load("1.5e3")).number, 1500.0);
  EXPECT_EQ(resolve_scalar(YAML::Load("-.inf")).number, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(resolve_scalar(YAML::Load("True")).kind, ScalarKind::boolean);
  EXPECT_EQ(resolve_scalar(YAML::Load("yes")).kind, ScalarKind::string);
  EXPECT_EQ(resolve_scalar(YAML::Load("'10'")).kind, ScalarKind::string);
  EXPECT_EQ(resolve_scalar(YAML::Load("!!str 10")).kind, ScalarKind::string);
  EXPECT_EQ(resolve_scalar(YAML::Load("~")).kind, ScalarKind::null);
  EXPECT_EQ(resolve_scalar(YAML::Load("1.2.3")).kind, ScalarKind::string);
  EXPECT_EQ(resolve_scalar(YAML::Load("inf")).kind, ScalarKind::string);
  EXPECT_EQ(resolve_scalar(YAML::Load("99999999999999999999")).kind, ScalarKind::number);
}

TEST(ReadScalar, ReadsBooleansAndIntegersAsTheHostUsesThem) {
  EXPECT_EQ(read_boolean(YAML::Load("on")), true);
  EXPECT_EQ(read_boolean(YAML::Load("No")), false);
  EXPECT_FALSE(read_boolean(YAML::Load("'true'")).has_value());
  EXPECT_EQ(read_integer(YAML::Load("10.0")), 10);
  EXPECT_FALSE(read_integer(YAML::Load("10.5")).has_value());
  EXPECT_FALSE(read_integer(YAML::Load("1e300")).has_value());
  EXPECT_EQ(describe(YAML::Load("'x'")), "string 'x'");
  EXPECT_EQ(describe(YAML::Load("[1]")), "a list");
  EXPECT_EQ(describe(YAML::Load("{a: 1}")), "a mapping");
}

TEST(YamlToJson, TypesScalarsByTheSchema) {
  const json schema = {{"type", "object"},
                       {"properties",
                        {{"label", {{"type", "string"}}},
                         {"count", {{"type", "integer"}}},
                         {"ratio", {{"type", "number"}}},
                         {"flag", {{"type", "boolean"}}},
                         {"either", {{"type", {"integer", "string"}}}}}}};
  const json value =
      yaml_to_json(YAML::Load("label: 10\ncount: 10.0\nratio: 2\nflag: yes\neither: 7\nfree: 3\n"), schema);
  EXPECT_EQ(value,
            (json{{"label", "10"}, {"count", 10}, {"ratio", 2}, {"flag", true}, {"either", 7}, {"free", 3}}));
  EXPECT_TRUE(value["label"].is_string());
  EXPECT_TRUE(value["count"].is_number_integer());
}

TEST(YamlToJson, ResolvesUntypedValuesWithTheCoreSchema) {
  const json value =
      yaml_to_json(YAML::Load("a: 1\nb: 1.5\nc: true\nd: yes\ne: ~\nf: '2'\ng: [1, x]\n"), json::object());
  EXPECT_EQ(
      value,
      (json{{"a", 1}, {"b", 1.5}, {"c", true}, {"d", "yes"}, {"e", nullptr}, {"f", "2"}, {"g", {1, "x"}}}));
}

TEST(YamlToJson, FollowsItemsAndAdditionalProperties) {
  const json schema = {{"type", "object"},
                       {"properties", {{"ids", {{"type", "array"}, {"items", {{"type", "string"}}}}}}},
                       {"additionalProperties", {{"type", "string"}}}};
  EXPECT_EQ(yaml_to_json(YAML::Load("ids: [1, 2]\nother: 3\n"), schema),
            (json{{"ids", {"1", "2"}}, {"other", "3"}}));
}

TEST(YamlToJson, TurnsAnEmptySectionIntoAnEmptyObject) {
  EXPECT_EQ(yaml_to_json(YAML::Load("~"), json{{"type", "object"}}), json::object());
  EXPECT_TRUE(yaml_to_json(YAML::Load("~"), json::object()).is_null());
}

TEST(ApplyDefaults, FillsAbsentKeysRecursively) {
  const json schema = {
      {"type", "object"},
      {"properties",
       {{"tags", {{"type", "array"}, {"default", {"NOTE"}}}},
        {"limit", {{"type", "integer"}, {"default", 5}}},
        {"output",
         {{"type", "object"}, {"properties", {{"file", {{"type", "string"}, {"default", "out.md"}}}}}}},
        {"rules",
         {{"type", "array"},
          {"items",
           {{"type", "object"}, {"properties", {{"weight", {{"type", "number"}, {"default", 1}}}}}}}}}}}};
  json value = {{"limit", 9}, {"rules", {{{"name", "a"}}, {{"name", "b"}, {"weight", 3}}}}};
  apply_defaults(value, schema);
  EXPECT_EQ(value, (json{{"tags", {"NOTE"}},
                         {"limit", 9},
                         {"output", {{"file", "out.md"}}},
                         {"rules", {{{"name", "a"}, {"weight", 1}}, {{"name", "b"}, {"weight", 3}}}}}));
}

}  // namespace
}  // namespace assay::config
