#include "sarif_config.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "cwe.h"

namespace assay::sarif {
namespace {

using nlohmann::json;

constexpr std::string_view kSection = "plugins.sarif";

constexpr std::array<std::string_view, 10> kCategories = {
    "security",      "dependency",     "technical-debt", "performance", "testing",
    "documentation", "infrastructure", "code-quality",   "compliance",  "feature"};
constexpr std::array<std::string_view, 4> kBaselineStates = {"new", "unchanged", "updated", "absent"};

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error(std::string(kSection) + field + ": " + problem);
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const json& require_array(const json& j, const std::string& field) {
  if (!j.is_array()) fail(field, "must be a list, got " + j.dump());
  return j;
}

const json& require_object(const json& j, const std::string& field) {
  if (!j.is_object()) fail(field, "must be a mapping, got " + j.dump());
  return j;
}

std::string read_string(const json& j, const std::string& field) {
  if (!j.is_string()) fail(field, "must be a string, got " + j.dump());
  return j.get<std::string>();
}

std::vector<std::string> read_strings(const json& j, const std::string& field) {
  std::vector<std::string> out;
  require_array(j, field);
  for (size_t i = 0; i < j.size(); ++i)
    out.push_back(read_string(j[i], field + "[" + std::to_string(i) + "]"));
  return out;
}

std::vector<input::RepoGlob> read_paths(const json& j) {
  std::vector<input::RepoGlob> globs;
  const std::vector<std::string> patterns = read_strings(j, ".paths");
  for (size_t i = 0; i < patterns.size(); ++i) {
    try {
      globs.emplace_back(patterns[i]);
    } catch (const std::invalid_argument& error) {
      fail(".paths[" + std::to_string(i) + "]", error.what());
    }
  }
  return globs;
}

std::vector<std::string> read_source_roots(const json& j) {
  std::vector<std::string> roots = read_strings(j, ".source_roots");
  for (size_t i = 0; i < roots.size(); ++i) {
    const std::string& root = roots[i];
    const bool absolute = root.starts_with('/') || root.starts_with("file:") ||
                          (root.size() >= 3 && std::isalpha(static_cast<unsigned char>(root[0])) &&
                           root[1] == ':' && (root[2] == '/' || root[2] == '\\'));
    if (!absolute)
      fail(".source_roots[" + std::to_string(i) + "]",
           "'" + root + "' must be an absolute directory or a file: URI (where the tool ran)");
  }
  return roots;
}

std::map<std::string, std::string> read_base_ids(const json& j) {
  std::map<std::string, std::string> bases;
  for (const auto& [id, value] : require_object(j, ".uri_base_ids").items()) {
    const std::string field = ".uri_base_ids." + id;
    std::string dir = read_string(value, field);
    if (dir.starts_with('/') || dir == ".." || dir.starts_with("../") ||
        dir.find("/../") != std::string::npos || dir.ends_with("/.."))
      fail(field, "'" + dir + "' must be a directory inside the repository, relative to its root");
    bases[id] = std::move(dir);
  }
  return bases;
}

std::map<std::string, std::string> read_tag_categories(const json& j) {
  std::map<std::string, std::string> map;
  for (const auto& [tag, value] : require_object(j, ".tag_categories").items()) {
    const std::string field = ".tag_categories." + tag;
    const std::string category = read_string(value, field);
    if (std::find(kCategories.begin(), kCategories.end(), category) == kCategories.end()) {
      std::string known;
      for (auto c : kCategories) known += (known.empty() ? "" : ", ") + std::string(c);
      fail(field, "'" + category + "' is not one of " + known);
    }
    map[lower(tag)] = category;
  }
  return map;
}

std::vector<std::string> read_cwes(const json& j) {
  std::vector<std::string> cwes;
  const std::vector<std::string> texts = read_strings(j, ".non_security_cwes");
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::optional<std::string> cwe = cwe_from_taxon_id(texts[i]);
    if (!cwe)
      fail(".non_security_cwes[" + std::to_string(i) + "]",
           "'" + texts[i] + "' is not a CWE id like CWE-398");
    cwes.push_back(*cwe);
  }
  return cwes;
}

std::vector<std::string> read_baseline_states(const json& j) {
  const std::vector<std::string> states = read_strings(j, ".baseline_states");
  for (size_t i = 0; i < states.size(); ++i) {
    if (std::find(kBaselineStates.begin(), kBaselineStates.end(), states[i]) == kBaselineStates.end())
      fail(".baseline_states[" + std::to_string(i) + "]",
           "'" + states[i] + "' is not one of new, unchanged, updated, absent");
  }
  return states;
}

void reject_unknown_keys(const json& j) {
  static constexpr std::array<std::string_view, 9> kKnown = {
      "enabled",        "paths",          "max_file_size",     "source_roots",   "uri_base_ids",
      "security_tools", "tag_categories", "non_security_cwes", "baseline_states"};
  for (const auto& [key, value] : j.items()) {
    if (std::find(kKnown.begin(), kKnown.end(), key) == kKnown.end()) fail("", "unknown key '" + key + "'");
  }
}

}  // namespace

SarifOptions SarifOptions::defaults() {
  SarifOptions o;
  o.security_tools = {"bandit",
                      "gosec",
                      "brakeman",
                      "trivy",
                      "grype",
                      "checkov",
                      "tfsec",
                      "kics",
                      "gitleaks",
                      "trufflehog",
                      "njsscan",
                      "horusec",
                      "devskim",
                      "security code scan",
                      "dependency-check",
                      "osv-scanner",
                      "snyk open source",
                      "snyk code",
                      "snyk container",
                      "snyk iac"};
  o.tag_categories = {{"security", "security"},
                      {"vulnerability", "security"},
                      {"performance", "performance"},
                      {"efficiency", "performance"},
                      {"maintainability", "technical-debt"},
                      {"complexity", "technical-debt"},
                      {"duplication", "technical-debt"},
                      {"technical-debt", "technical-debt"},
                      {"deprecated", "technical-debt"},
                      {"correctness", "code-quality"},
                      {"reliability", "code-quality"},
                      {"style", "code-quality"},
                      {"readability", "code-quality"},
                      {"code-quality", "code-quality"},
                      {"documentation", "documentation"},
                      {"testing", "testing"},
                      {"test", "testing"},
                      {"dependency", "dependency"},
                      {"dependencies", "dependency"},
                      {"supply-chain", "dependency"},
                      {"infrastructure", "infrastructure"},
                      {"iac", "infrastructure"},
                      {"compliance", "compliance"},
                      {"license", "compliance"},
                      {"licensing", "compliance"},
                      {"feature", "feature"}};
  o.non_security_cwes = {"CWE-398", "CWE-561",  "CWE-563",  "CWE-570",
                         "CWE-571", "CWE-1041", "CWE-1078", "CWE-1164"};
  return o;
}

SarifConfig SarifConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string(kSection) + ": configuration is not valid JSON: " + e.what());
  }
  if (!j.is_object()) fail("", "must be a mapping, got " + j.dump());
  reject_unknown_keys(j);
  if (j.contains("enabled") && !j["enabled"].is_boolean())
    fail(".enabled", "must be true or false, got " + j["enabled"].dump());
  SarifConfig c;
  c.options = SarifOptions::defaults();
  if (j.contains("paths")) c.paths = read_paths(j["paths"]);
  if (j.contains("max_file_size")) {
    const json& v = j["max_file_size"];
    if (!v.is_number_integer() || v.get<int64_t>() < 1)
      fail(".max_file_size", "must be a positive whole number of bytes, got " + v.dump());
    c.max_file_size = v.get<uint64_t>();
  }
  if (j.contains("source_roots")) c.options.source_roots = read_source_roots(j["source_roots"]);
  if (j.contains("uri_base_ids")) c.options.uri_base_ids = read_base_ids(j["uri_base_ids"]);
  if (j.contains("security_tools"))
    c.options.security_tools = read_strings(j["security_tools"], ".security_tools");
  if (j.contains("tag_categories")) c.options.tag_categories = read_tag_categories(j["tag_categories"]);
  if (j.contains("non_security_cwes")) c.options.non_security_cwes = read_cwes(j["non_security_cwes"]);
  if (j.contains("baseline_states")) c.options.baseline_states = read_baseline_states(j["baseline_states"]);
  return c;
}

const char* sarif_config_schema() {
  return R"json({
  "type": "object",
  "description": "SARIF scanner: results of other tools (linters, security scanners) from SARIF 2.1.0 files in the repository.",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "paths": {"type": "array", "items": {"type": "string"}, "default": [],
              "description": "Glob patterns of SARIF files, relative to the repository root (** any directories, * within a name)."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 268435456,
                      "description": "SARIF files larger than this many bytes are skipped with an error."},
    "source_roots": {"type": "array", "items": {"type": "string"}, "default": [],
                     "description": "Absolute directories (or file: URIs) that were the repository root where the tools ran, e.g. a CI checkout."},
    "uri_base_ids": {"type": "object", "default": {},
                     "description": "uriBaseId -> directory relative to the repository root, overriding the files' originalUriBaseIds."},
    "security_tools": {"type": "array", "items": {"type": "string"},
                       "description": "Tool names (tool.driver.name, any case) whose every result is a security finding."},
    "tag_categories": {"type": "object",
                       "description": "Rule or result tag (any case) -> assay category."},
    "non_security_cwes": {"type": "array", "items": {"type": "string"},
                          "description": "CWEs about code quality that alone do not make a result a security finding."},
    "baseline_states": {"type": "array",
                        "items": {"type": "string", "enum": ["new", "unchanged", "updated", "absent"]},
                        "default": ["new", "unchanged", "updated"],
                        "description": "Results with one of these baselineStates become findings; results without baselineState always do."}
  }
})json";
}

}  // namespace assay::sarif
