#include "sarif_result.h"

#include <algorithm>
#include <stdexcept>

namespace assay::reporters {
namespace {

using nlohmann::ordered_json;

// Encodes a repository path for a URI: unreserved characters and '/' stay,
// everything else (spaces, '%', '#', '?', ':', non-ASCII bytes) becomes %XX.
std::string percent_encode_path(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  static constexpr std::string_view kKept = "-._~/!$&'()*+,;=@";
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kKept.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

const ordered_json& field(const ordered_json& item, const char* name, const std::string& key) {
  const auto it = item.find(name);
  if (it == item.end()) throw std::invalid_argument("item " + key + ": field '" + name + "' is missing");
  return *it;
}

std::string text(const ordered_json& item, const char* name, const std::string& key) {
  const ordered_json& value = field(item, name, key);
  if (!value.is_string())
    throw std::invalid_argument("item " + key + ": field '" + name + "' must be a string");
  return value.get<std::string>();
}

uint64_t line(const ordered_json& location, const char* name, const std::string& key) {
  const auto it = location.find(name);
  if (it == location.end()) return 0;
  if (!it->is_number_unsigned())
    throw std::invalid_argument("item " + key + ": location." + name + " must be a line number");
  return it->get<uint64_t>();
}

ordered_json locations(const ordered_json& item, const std::string& key) {
  const ordered_json& location = field(item, "location", key);
  if (!location.is_object())
    throw std::invalid_argument("item " + key + ": field 'location' must be an object");
  const std::string path = location.value("path", std::string());
  if (path.empty()) return ordered_json::array();
  ordered_json physical = {
      {"artifactLocation", {{"uri", percent_encode_path(path)}, {"uriBaseId", "SRCROOT"}}}};
  const uint64_t start = line(location, "line_start", key);
  const uint64_t end = line(location, "line_end", key);
  if (start > 0) {
    physical["region"] = {{"startLine", start}};
    if (end > start) physical["region"]["endLine"] = end;
  }
  return ordered_json::array({{{"physicalLocation", std::move(physical)}}});
}

ordered_json tags(const ordered_json& item, const std::string& category) {
  ordered_json list = ordered_json::array({category});
  const auto it = item.find("tags");
  if (it == item.end() || !it->is_array()) return list;
  for (const auto& tag : *it) {
    if (tag.is_string() && tag != category) list.push_back(tag);
  }
  return list;
}

// What the item says that SARIF has no field for.
ordered_json assay_properties(const ordered_json& item) {
  ordered_json assay;
  for (const char* name : {"key", "title", "category", "source", "rule", "severity", "evidence",
                           "effort_hours", "confidence", "scores", "value_usd", "risk", "rank", "details"}) {
    const auto it = item.find(name);
    if (it != item.end()) assay[name] = *it;
  }
  return assay;
}

}  // namespace

size_t SarifRules::index_of(const std::string& rule, const std::string& source) {
  auto [it, added] = index_.emplace(rule, rules_.size());
  if (added) rules_.push_back({rule, {}});
  std::vector<std::string>& sources = rules_[it->second].sources;
  if (std::find(sources.begin(), sources.end(), source) == sources.end()) sources.push_back(source);
  return it->second;
}

ordered_json SarifRules::to_json() const {
  ordered_json list = ordered_json::array();
  for (const Rule& rule : rules_)
    list.push_back({{"id", rule.id}, {"name", rule.id}, {"properties", {{"sources", rule.sources}}}});
  return list;
}

std::string sarif_level(const std::string& severity) {
  if (severity == "critical" || severity == "high") return "error";
  if (severity == "low" || severity == "info") return "note";
  return "warning";
}

ordered_json sarif_result(const ordered_json& item, SarifRules& rules) {
  const std::string key = item.value("key", std::string("(without key)"));
  const std::string rule = text(item, "rule", key);
  const std::string category = text(item, "category", key);
  const ordered_json& severity = field(item, "severity", key);
  ordered_json result;
  result["ruleId"] = rule;
  result["ruleIndex"] = rules.index_of(rule, text(item, "source", key));
  result["level"] = sarif_level(severity.is_string() ? severity.get<std::string>() : "");
  result["message"] = {{"text", text(item, "title", key)}};
  ordered_json where = locations(item, key);
  if (!where.empty()) result["locations"] = std::move(where);
  result["partialFingerprints"] = {{"assay/v1", text(item, "fingerprint", key)}};
  result["properties"] = {{"tags", tags(item, category)}, {"assay", assay_properties(item)}};
  return result;
}

}  // namespace assay::reporters
