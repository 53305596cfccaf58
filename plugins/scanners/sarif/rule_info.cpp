#include "rule_info.h"

#include <algorithm>

#include "cwe.h"
#include "json_fields.h"

namespace assay::sarif {
namespace {

using input::FieldError;
using input::JsonPath;
using nlohmann::json;

// Runs `read`; a FieldError leaves that value out and is reported.
template <class Read>
void keep_going(ProblemList& problems, Read&& read) {
  try {
    read();
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(), error.problem() + "; left out"});
  }
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

std::vector<std::string> read_tags(const json& properties, const JsonPath& where) {
  std::vector<std::string> tags;
  const json* list = input::array_field(properties, "tags", where);
  if (list == nullptr) return tags;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& tag = (*list)[i];
    if (!tag.is_string()) throw FieldError(where.child("tags").child(i), "must be a string");
    add_unique(tags, tag.get<std::string>());
  }
  return tags;
}

// properties.cwe: "CWE-79", 79, or a list of either.
void read_cwe_property(const json& properties, const JsonPath& where, std::vector<std::string>& cwes) {
  const json* value = input::find_field(properties, "cwe");
  if (value == nullptr) return;
  const json values = value->is_array() ? *value : json::array({*value});
  for (size_t i = 0; i < values.size(); ++i) {
    const json& item = values[i];
    std::optional<std::string> cwe;
    if (item.is_string()) cwe = cwe_from_taxon_id(item.get<std::string>());
    if (item.is_number_unsigned()) cwe = "CWE-" + std::to_string(item.get<uint64_t>());
    if (!cwe)
      throw FieldError(value->is_array() ? where.child("cwe").child(i) : where.child("cwe"),
                       "is not a CWE id: " + item.dump());
    add_unique(cwes, *cwe);
  }
}

bool names_cwe_component(const json& reference) {
  const json* component = input::find_field(reference, "toolComponent");
  if (component == nullptr || !component->is_object()) return false;
  const json* name = input::find_field(*component, "name");
  if (name == nullptr || !name->is_string()) return false;
  std::string lower = name->get<std::string>();
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "cwe";
}

// relationships[].target naming a taxon of a component called CWE.
void read_cwe_relationships(const json& rule, const JsonPath& where, std::vector<std::string>& cwes) {
  const json* relationships = input::array_field(rule, "relationships", where);
  if (relationships == nullptr) return;
  for (size_t i = 0; i < relationships->size(); ++i) {
    const JsonPath item = where.child("relationships").child(i);
    const json& relationship = input::require_object((*relationships)[i], item);
    const json* target = input::object_field(relationship, "target", item);
    if (target == nullptr || !names_cwe_component(*target)) continue;
    if (auto id = input::string_field(*target, "id", item.child("target")))
      if (auto cwe = cwe_from_taxon_id(*id)) add_unique(cwes, *cwe);
  }
}

std::map<std::string, std::string> read_message_strings(const json& owner, std::string_view key,
                                                        const JsonPath& where) {
  std::map<std::string, std::string> strings;
  const json* object = input::object_field(owner, key, where);
  if (object == nullptr) return strings;
  for (const auto& [id, value] : object->items()) {
    const JsonPath item = where.child(key).child(id);
    input::require_object(value, item);
    strings[id] = input::string_field(value, "text", item).value_or("");
  }
  return strings;
}

}  // namespace

bool is_sarif_level(std::string_view level) {
  return level == "none" || level == "note" || level == "warning" || level == "error";
}

std::string message_string_text(const json& object, std::string_view key, const JsonPath& where) {
  const json* message = input::object_field(object, key, where);
  if (message == nullptr) return "";
  if (auto text = input::string_field(*message, "text", where.child(key))) return *text;
  return input::string_field(*message, "markdown", where.child(key)).value_or("");
}

RuleInfo read_rule(const json& rule, const JsonPath& where, ProblemList& problems) {
  input::require_object(rule, where);
  RuleInfo info;
  info.id = input::string_field(rule, "id", where).value_or("");
  keep_going(problems, [&] { info.guid = input::string_field(rule, "guid", where).value_or(""); });
  keep_going(problems, [&] { info.name = input::string_field(rule, "name", where).value_or(""); });
  keep_going(problems,
             [&] { info.short_description = message_string_text(rule, "shortDescription", where); });
  keep_going(problems, [&] { info.full_description = message_string_text(rule, "fullDescription", where); });
  keep_going(problems, [&] { info.help_text = message_string_text(rule, "help", where); });
  keep_going(problems, [&] { info.help_uri = input::string_field(rule, "helpUri", where).value_or(""); });
  keep_going(problems, [&] { info.message_strings = read_message_strings(rule, "messageStrings", where); });
  keep_going(problems, [&] {
    const json* configuration = input::object_field(rule, "defaultConfiguration", where);
    if (configuration == nullptr) return;
    const JsonPath at = where.child("defaultConfiguration");
    const std::string level = input::string_field(*configuration, "level", at).value_or("");
    if (!level.empty() && !is_sarif_level(level))
      throw FieldError(at.child("level"),
                       "'" + level + "' is not a SARIF level (none, note, warning, error)");
    info.default_level = level;
  });
  const json* properties = nullptr;
  keep_going(problems, [&] { properties = input::object_field(rule, "properties", where); });
  if (properties != nullptr) {
    const JsonPath at = where.child("properties");
    info.properties = *properties;
    keep_going(problems, [&] { info.tags = read_tags(*properties, at); });
    keep_going(problems,
               [&] { info.precision = input::string_field(*properties, "precision", at).value_or(""); });
    keep_going(problems, [&] {
      info.security_severity = input::number_or_numeric_string(*properties, "security-severity", at);
      if (info.security_severity && (*info.security_severity < 0 || *info.security_severity > 10)) {
        info.security_severity.reset();
        throw FieldError(at.child("security-severity"), "must be between 0 and 10");
      }
    });
    keep_going(problems, [&] { read_cwe_property(*properties, at, info.cwes); });
  }
  for (const std::string& tag : info.tags) {
    if (auto cwe = cwe_from_tag(tag)) add_unique(info.cwes, *cwe);
  }
  keep_going(problems, [&] { read_cwe_relationships(rule, where, info.cwes); });
  return info;
}

ToolComponent read_tool_component(const json& component, const JsonPath& where, ProblemList& problems) {
  input::require_object(component, where);
  ToolComponent tool;
  tool.name = input::string_field(component, "name", where).value_or("");
  keep_going(problems, [&] {
    tool.version = input::string_field(component, "version", where).value_or("");
    if (tool.version.empty())
      tool.version = input::string_field(component, "semanticVersion", where).value_or("");
  });
  keep_going(problems, [&] { tool.guid = input::string_field(component, "guid", where).value_or(""); });
  keep_going(problems, [&] {
    tool.global_message_strings = read_message_strings(component, "globalMessageStrings", where);
  });
  const json* rules = nullptr;
  keep_going(problems, [&] { rules = input::array_field(component, "rules", where); });
  if (rules == nullptr) return tool;
  for (size_t i = 0; i < rules->size(); ++i) {
    const JsonPath at = where.child("rules").child(i);
    // A malformed rule keeps its place (results refer to rules by index),
    // with no metadata.
    RuleInfo rule;
    try {
      rule = read_rule((*rules)[i], at, problems);
    } catch (const FieldError& error) {
      problems.push_back(
          {ProblemKind::value_ignored, error.path(), error.problem() + "; the rule's metadata is left out"});
    }
    if (!rule.id.empty()) tool.rule_by_id.emplace(rule.id, i);
    if (!rule.guid.empty()) tool.rule_by_guid.emplace(rule.guid, i);
    tool.rules.push_back(std::move(rule));
  }
  return tool;
}

nlohmann::ordered_json RuleInfo::details() const {
  nlohmann::ordered_json j;
  j["id"] = id;
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  put("name", name);
  put("short_description", short_description);
  put("full_description", full_description);
  put("help", help_text);
  put("help_uri", help_uri);
  if (!tags.empty()) j["tags"] = tags;
  if (!cwes.empty()) j["cwe"] = cwes;
  put("precision", precision);
  if (security_severity) j["security_severity"] = *security_severity;
  put("default_level", default_level);
  if (properties.is_object() && !properties.empty()) j["properties"] = properties;
  return j;
}

}  // namespace assay::sarif
