// config_schema() describes exactly what from_yaml reads: the default section
// satisfies it, and every bound and required key it states is enforced by
// from_yaml with an error naming the same field.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "default_config.h"
#include "scoring/config_schema.h"
#include "scoring/model.h"

namespace assay::scoring {
namespace {

using nlohmann::json;

// Checks `node` against the schema subset the configuration validator uses;
// returns one message per violation.
void validate(const json& schema, const YAML::Node& node, const std::string& path,
              std::vector<std::string>& errors) {
  const std::string type = schema.at("type");
  if (type == "object") {
    if (!node.IsMap()) return errors.push_back(path + ": not a mapping");
    for (const auto& key : schema.value("required", json::array())) {
      if (!node[key.get<std::string>()]) errors.push_back(path + "." + key.get<std::string>() + ": missing");
    }
    for (const auto& entry : node) {
      const auto key = entry.first.as<std::string>();
      if (schema["properties"].contains(key)) {
        validate(schema["properties"][key], entry.second, path + "." + key, errors);
      } else if (schema.value("additionalProperties", true) == false) {
        errors.push_back(path + "." + key + ": not allowed");
      }
    }
  } else if (type == "array") {
    if (!node.IsSequence()) return errors.push_back(path + ": not a list");
    for (size_t i = 0; i < node.size(); ++i) {
      validate(schema["items"], node[i], path + "[" + std::to_string(i) + "]", errors);
    }
  } else if (type == "number") {
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value))
      return errors.push_back(path + ": not a number");
    if (schema.contains("minimum") && value < schema["minimum"].get<double>())
      errors.push_back(path + ": below minimum");
    if (schema.contains("maximum") && value > schema["maximum"].get<double>())
      errors.push_back(path + ": above maximum");
  } else if (type == "string") {
    if (!node.IsScalar()) return errors.push_back(path + ": not a string");
    if (schema.contains("enum")) {
      const auto& options = schema["enum"];
      if (std::find(options.begin(), options.end(), json(node.as<std::string>())) == options.end()) {
        errors.push_back(path + ": not in enum");
      }
    }
  } else {
    errors.push_back(path + ": schema uses unknown type " + type);
  }
}

std::vector<std::string> validate(const YAML::Node& section) {
  std::vector<std::string> errors;
  validate(config_schema(), section, "scoring", errors);
  return errors;
}

// Every number field of the schema, with its dotted path and the YAML node
// reached by walking the default section along it.
struct NumberField {
  std::string path;
  std::vector<std::string> keys;  // for objects; "#i" selects list row i
  double minimum;
  double maximum;
};

void collect(const json& schema, const YAML::Node& node, const std::string& path,
             std::vector<std::string> keys, std::vector<NumberField>& out) {
  const std::string type = schema.at("type");
  if (type == "object") {
    for (const auto& [key, child] : schema["properties"].items()) {
      auto next = keys;
      next.push_back(key);
      collect(child, node[key], path + "." + key, next, out);
    }
  } else if (type == "array") {
    for (size_t i = 0; i < node.size(); ++i) {
      auto next = keys;
      next.push_back("#" + std::to_string(i));
      collect(schema["items"], node[i], path + "[" + std::to_string(i) + "]", next, out);
    }
  } else if (type == "number") {
    out.push_back({path, keys, schema["minimum"].get<double>(), schema["maximum"].get<double>()});
  }
}

YAML::Node at(YAML::Node root, const std::vector<std::string>& keys, size_t count) {
  YAML::Node node = root;
  for (size_t i = 0; i < count; ++i) {
    node.reset(keys[i][0] == '#' ? node[std::stoul(keys[i].substr(1))] : node[keys[i]]);
  }
  return node;
}

std::string error_of(const YAML::Node& section) {
  try {
    Model::from_yaml(section, "developing");
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ScoringSchema, UsesOnlyTheSupportedSubset) {
  const std::set<std::string> allowed = {"type",    "properties", "additionalProperties",
                                         "items",   "enum",       "minimum",
                                         "maximum", "required",   "description"};
  std::function<void(const json&)> walk = [&](const json& schema) {
    for (const auto& [key, value] : schema.items()) {
      EXPECT_TRUE(allowed.count(key)) << key;
      if (key == "properties") {
        for (const auto& [name, child] : value.items()) walk(child);
      } else if (key == "items") {
        walk(value);
      }
    }
    EXPECT_TRUE(schema.contains("description")) << schema.dump();
  };
  walk(config_schema());
}

TEST(ScoringSchema, AcceptsTheDefaultSection) {
  const auto errors = validate(testing::default_scoring_section());
  EXPECT_TRUE(errors.empty()) << errors.front();
}

TEST(ScoringSchema, RejectsWhatFromYamlRejects) {
  YAML::Node section = testing::default_scoring_section();
  section["weights"]["maturing"]["ice"] = 2;
  section["categories"]["feature"]["colour"] = "blue";
  section["default_category"] = "debt";
  section["ice"]["ease"][0].remove("ease");
  const auto errors = validate(section);
  const std::vector<std::string> expected = {
      "scoring.ice.ease[0].ease: missing", "scoring.weights.maturing.ice: above maximum",
      "scoring.categories.feature.colour: not allowed", "scoring.default_category: not in enum"};
  for (const auto& message : expected) {
    EXPECT_NE(std::find(errors.begin(), errors.end(), message), errors.end()) << message;
  }
}

TEST(ScoringSchema, EveryBoundIsEnforcedByFromYaml) {
  const YAML::Node defaults = testing::default_scoring_section();
  std::vector<NumberField> fields;
  collect(config_schema(), defaults, "scoring", {}, fields);
  ASSERT_GT(fields.size(), 100u);
  for (const auto& field : fields) {
    for (const double bad : {field.minimum - 1, field.maximum + 1}) {
      YAML::Node section = YAML::Clone(defaults);
      at(section, field.keys, field.keys.size() - 1)[field.keys.back()] = bad;
      const std::string message = error_of(section);
      EXPECT_EQ(message.rfind(field.path + ": must be a number", 0), 0u)
          << field.path << " = " << bad << ": " << message;
    }
  }
}

TEST(ScoringSchema, EveryRequiredKeyIsRequiredByFromYaml) {
  const YAML::Node defaults = testing::default_scoring_section();
  std::function<void(const json&, const std::string&, std::vector<std::string>)> walk =
      [&](const json& schema, const std::string& path, std::vector<std::string> keys) {
        if (schema["type"] == "array") {
          auto row = keys;
          row.push_back("#0");
          walk(schema["items"], path + "[0]", row);
          return;
        }
        if (schema["type"] != "object") return;
        for (const auto& key : schema["required"]) {
          YAML::Node section = YAML::Clone(defaults);
          at(section, keys, keys.size()).remove(key.get<std::string>());
          EXPECT_EQ(error_of(section), path + "." + key.get<std::string>() + ": missing");
        }
        YAML::Node extra = YAML::Clone(defaults);
        at(extra, keys, keys.size())["unexpected"] = 1;
        EXPECT_EQ(error_of(extra).rfind(path + ".unexpected: unknown key", 0), 0u) << path;
        for (const auto& [key, child] : schema["properties"].items()) {
          auto next = keys;
          next.push_back(key);
          walk(child, path + "." + key, next);
        }
      };
  walk(config_schema(), "scoring", {});
}

}  // namespace
}  // namespace assay::scoring
