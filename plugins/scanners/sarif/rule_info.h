// The rules (reportingDescriptors) of a SARIF tool component, reduced to
// what a finding uses and keeps: names, descriptions, help, tags, CWEs,
// default level, security-severity, precision and message strings.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json_path.h"
#include "sarif_problem.h"

namespace assay::sarif {

struct RuleInfo {
  std::string id;
  std::string guid;
  std::string name;
  std::string short_description;
  std::string full_description;
  std::string help_text;
  std::string help_uri;
  std::vector<std::string> tags;            // properties.tags, as written
  std::vector<std::string> cwes;            // "CWE-79", from tags, properties.cwe and relationships
  std::string default_level;                // defaultConfiguration.level, "" when absent
  std::optional<double> security_severity;  // properties["security-severity"], 0..10
  std::string precision;                    // properties.precision (CodeQL: very-high .. low)
  std::map<std::string, std::string> message_strings;  // messageStrings id -> text
  nlohmann::json properties;                           // the rule's property bag, kept whole

  // The rule as details of a finding.
  nlohmann::ordered_json details() const;
};

struct ToolComponent {
  std::string name;
  std::string version;  // version, else semanticVersion
  std::string guid;
  std::vector<RuleInfo> rules;
  std::map<std::string, size_t> rule_by_id;  // first rule of each id
  std::map<std::string, size_t> rule_by_guid;
  std::map<std::string, std::string> global_message_strings;
};

// Reads a toolComponent (tool.driver, tool.extensions[i]) at `where`.
// Malformed optional values are left out and reported in `problems`.
ToolComponent read_tool_component(const nlohmann::json& component, const input::JsonPath& where,
                                  ProblemList& problems);

// Reads one reportingDescriptor at `where`.
RuleInfo read_rule(const nlohmann::json& rule, const input::JsonPath& where, ProblemList& problems);

// The text of a multiformatMessageString (shortDescription, help, a message
// string): its text, else its markdown; "" when absent.
std::string message_string_text(const nlohmann::json& object, std::string_view key,
                                const input::JsonPath& where);

// The four SARIF levels.
bool is_sarif_level(std::string_view level);

}  // namespace assay::sarif
