#include "maturity_config.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "rule_file.h"

namespace assay::maturity {
namespace {

using nlohmann::json;

constexpr std::string_view kSection = "plugins.maturity";

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error(std::string(kSection) + field + ": " + problem);
}

std::string read_string(const json& j, const std::string& field) {
  if (!j.is_string()) fail(field, "must be text, got " + j.dump());
  return j.get<std::string>();
}

std::vector<std::string> read_string_list(const json& j, const std::string& field) {
  if (!j.is_array()) fail(field, "must be a list, got " + j.dump());
  std::vector<std::string> values;
  for (size_t i = 0; i < j.size(); ++i) {
    std::string value = read_string(j[i], field + "[" + std::to_string(i) + "]");
    if (value.empty()) fail(field + "[" + std::to_string(i) + "]", "must not be empty");
    values.push_back(std::move(value));
  }
  return values;
}

std::string read_file(const std::string& path, const std::string& field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(field, "cannot read the rule file '" + path + "': " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) fail(field, "error while reading the rule file '" + path + "'");
  return text.str();
}

void remove_skipped(RuleSet& rules, const std::vector<std::string>& skip) {
  for (size_t i = 0; i < skip.size(); ++i) {
    const auto before = rules.checks.size();
    std::erase_if(rules.checks, [&](const Check& c) { return c.id == skip[i]; });
    if (rules.checks.size() == before)
      fail(".skip[" + std::to_string(i) + "]", "no check '" + skip[i] + "' in the rule files");
  }
}

}  // namespace

MaturityConfig MaturityConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string(kSection) + ": configuration is not valid JSON: " + e.what());
  }
  if (!j.is_object()) fail("", "must be an object, got " + j.dump());
  MaturityConfig c;
  for (const auto& [key, value] : j.items()) {
    if (key == "enabled") {
      if (!value.is_boolean()) fail(".enabled", "must be true or false, got " + value.dump());
    } else if (key == "rules") {
      c.rules = read_string(value, ".rules");
    } else if (key == "extra_rules") {
      c.extra_rules = read_string_list(value, ".extra_rules");
    } else if (key == "skip") {
      c.skip = read_string_list(value, ".skip");
    } else if (key == "emit_findings") {
      if (!value.is_boolean()) fail(".emit_findings", "must be true or false, got " + value.dump());
      c.emit_findings = value.get<bool>();
    } else if (key == "max_file_size") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1)
        fail(".max_file_size", "must be a positive whole number of bytes, got " + value.dump());
      c.max_file_size = value.get<uint64_t>();
    } else {
      fail("", "unknown key '" + key +
                   "'; known keys: enabled, rules, extra_rules, skip, emit_findings, max_file_size");
    }
  }
  return c;
}

RuleSet load_rules(const MaturityConfig& config) {
  RuleSet rules = config.rules.empty() ? parse_rule_file(built_in_rules_text(), kBuiltInRulesLabel)
                                       : parse_rule_file(read_file(config.rules, ".rules"), config.rules);
  for (size_t i = 0; i < config.extra_rules.size(); ++i) {
    const std::string& path = config.extra_rules[i];
    merge_rule_sets(rules, parse_rule_file(read_file(path, ".extra_rules[" + std::to_string(i) + "]"), path));
  }
  remove_skipped(rules, config.skip);
  return rules;
}

const char* maturity_config_schema() {
  return R"json({
  "type": "object",
  "description": "Maturity scanner: assesses the repository against checks kept as data (config/maturity.yaml); failed checks become backlog items.",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "rules": {"type": "string", "default": "",
              "description": "Rule file replacing the built-in config/maturity.yaml; empty = built-in. Relative to the working directory."},
    "extra_rules": {"type": "array", "items": {"type": "string"}, "default": [],
                    "description": "Rule files whose checks are added to the rules (ids must be new)."},
    "skip": {"type": "array", "items": {"type": "string"}, "default": [],
             "description": "Ids of checks not evaluated."},
    "emit_findings": {"type": "boolean", "default": true,
                      "description": "Failed and partial checks become backlog items."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 1048576,
                      "description": "Content patterns skip files larger than this many bytes."}
  }
})json";
}

}  // namespace assay::maturity
