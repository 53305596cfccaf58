#include "finding/finding.h"

#include <assay/plugin.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "finding/canonical_json.h"
#include "finding/utf8.h"

namespace assay {
namespace {

// True when the plugin's struct is large enough to contain `field`.
template <class Member>
bool covers(const assay_finding& raw, Member assay_finding::*field) {
  const auto* base = reinterpret_cast<const char*>(&raw);
  const auto* member = reinterpret_cast<const char*>(&(raw.*field));
  return static_cast<size_t>(member - base) + sizeof(Member) <= raw.struct_size;
}

// A string of the plugin's, with invalid UTF-8 replaced (finding.h).
std::string str(const char* s) { return s ? replace_invalid_utf8(std::string(s)) : std::string(); }

std::optional<double> optional_number(double v, double lo, double hi, const char* field) {
  if (v < 0 || std::isnan(v)) return std::nullopt;
  if (v < lo || v > hi) {
    throw std::invalid_argument(std::string("finding field '") + field +
                                "' out of range: " + std::to_string(v));
  }
  return v;
}

// A line number of a finding received as JSON: absent is 0; anything but an
// integer in 0..UINT32_MAX is refused, since converting it would wrap or,
// for a float out of range, be undefined.
uint32_t line_number(const nlohmann::json& j, const char* field) {
  auto it = j.find(field);
  if (it == j.end()) return 0;
  bool in_range = false;
  if (it->is_number_unsigned()) {
    in_range = it->get<uint64_t>() <= UINT32_MAX;
  } else if (it->is_number_integer()) {
    in_range = it->get<int64_t>() >= 0 && it->get<int64_t>() <= UINT32_MAX;
  }
  if (!in_range) {
    throw std::invalid_argument(std::string("malformed finding field '") + field +
                                "': must be a line number (an integer in 0..4294967295), got " + it->dump());
  }
  return static_cast<uint32_t>(it->get<uint64_t>());
}

}  // namespace

const std::vector<std::string>& known_categories() {
  static const std::vector<std::string> categories = {
      "security",      "dependency",     "technical-debt", "performance", "testing",
      "documentation", "infrastructure", "code-quality",   "compliance",  "feature"};
  return categories;
}

const std::vector<std::string>& known_severities() {
  static const std::vector<std::string> severities = {"info", "low", "medium", "high", "critical"};
  return severities;
}

Finding Finding::from_abi(const assay_finding& raw, const std::string& source) {
  if (raw.struct_size < offsetof(assay_finding, title) + sizeof(raw.title)) {
    throw std::invalid_argument("assay_finding.struct_size too small: " + std::to_string(raw.struct_size));
  }
  Finding f;
  f.source = source;
  f.rule = str(raw.rule);
  f.title = str(raw.title);
  if (f.rule.empty()) throw std::invalid_argument("finding without 'rule'");
  if (f.title.empty()) throw std::invalid_argument("finding without 'title'");
  if (covers(raw, &assay_finding::category)) f.category = str(raw.category);
  if (!f.category.empty()) {
    const auto& cats = known_categories();
    if (std::find(cats.begin(), cats.end(), f.category) == cats.end()) {
      throw std::invalid_argument("finding has unknown category '" + f.category + "'");
    }
  }
  if (covers(raw, &assay_finding::path)) f.path = str(raw.path);
  if (covers(raw, &assay_finding::line_end)) {
    f.line_start = raw.line_start;
    f.line_end = std::max(raw.line_end, raw.line_start);
  }
  if (covers(raw, &assay_finding::evidence)) f.evidence = str(raw.evidence);
  if (covers(raw, &assay_finding::effort_hours))
    f.effort_hours = optional_number(raw.effort_hours, 0, 10000, "effort_hours");
  if (covers(raw, &assay_finding::confidence))
    f.confidence = optional_number(raw.confidence, 0, 1, "confidence");
  if (covers(raw, &assay_finding::severity)) f.severity = str(raw.severity);
  if (!f.severity.empty()) {
    const auto& sev = known_severities();
    if (std::find(sev.begin(), sev.end(), f.severity) == sev.end()) {
      throw std::invalid_argument("finding has unknown severity '" + f.severity + "'");
    }
  }
  if (covers(raw, &assay_finding::cvss)) f.cvss = optional_number(raw.cvss, 0, 10, "cvss");
  if (covers(raw, &assay_finding::tag_count) && raw.tags) {
    for (size_t i = 0; i < raw.tag_count; ++i) {
      if (raw.tags[i]) f.tags.push_back(str(raw.tags[i]));
    }
  }
  if (covers(raw, &assay_finding::identity)) f.identity = str(raw.identity);
  const char* details = covers(raw, &assay_finding::details_json) ? raw.details_json : nullptr;
  if (details != nullptr && *details != '\0' && is_compact_json_object(details)) {
    // Already what the round trip below would give: keep it as it is.
    f.details_json = details;
  } else if (details != nullptr && *details != '\0') {
    auto parsed = nlohmann::json::parse(details, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      throw std::invalid_argument("finding field 'details_json' is not a JSON object");
    }
    f.details_json = parsed.dump();
  }
  return f;
}

nlohmann::json Finding::to_json() const {
  nlohmann::json j = {{"source", source},     {"rule", rule},         {"title", title},
                      {"category", category}, {"path", path},         {"line_start", line_start},
                      {"line_end", line_end}, {"evidence", evidence}, {"severity", severity},
                      {"tags", tags},         {"identity", identity}};
  j["effort_hours"] = effort_hours ? nlohmann::json(*effort_hours) : nlohmann::json(nullptr);
  j["confidence"] = confidence ? nlohmann::json(*confidence) : nlohmann::json(nullptr);
  j["cvss"] = cvss ? nlohmann::json(*cvss) : nlohmann::json(nullptr);
  j["details"] = details_json.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(details_json);
  return j;
}

Finding Finding::from_json(const nlohmann::json& j) {
  Finding f;
  f.source = j.at("source").get<std::string>();
  f.rule = j.at("rule").get<std::string>();
  f.title = j.at("title").get<std::string>();
  f.category = j.value("category", "");
  f.path = j.value("path", "");
  f.line_start = line_number(j, "line_start");
  f.line_end = line_number(j, "line_end");
  f.evidence = j.value("evidence", "");
  f.severity = j.value("severity", "");
  if (j.contains("tags")) f.tags = j.at("tags").get<std::vector<std::string>>();
  f.identity = j.value("identity", "");
  auto num = [&](const char* k) -> std::optional<double> {
    if (!j.contains(k) || j.at(k).is_null()) return std::nullopt;
    return j.at(k).get<double>();
  };
  f.effort_hours = num("effort_hours");
  f.confidence = num("confidence");
  f.cvss = num("cvss");
  if (j.contains("details") && !j.at("details").is_null()) f.details_json = j.at("details").dump();
  return f;
}

}  // namespace assay
