#include "result_classification.h"

#include <cctype>

namespace assay::sarif {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The category the first mapped tag names, or "".
std::string first_mapped(const std::vector<std::string>& tags, const SarifOptions& options) {
  for (const std::string& tag : tags) {
    const auto it = options.tag_categories.find(lower(tag));
    if (it != options.tag_categories.end()) return it->second;
  }
  return "";
}

bool any_maps_to_security(const std::vector<std::string>& tags, const SarifOptions& options) {
  for (const std::string& tag : tags) {
    const auto it = options.tag_categories.find(lower(tag));
    if (it != options.tag_categories.end() && it->second == "security") return true;
  }
  return false;
}

}  // namespace

std::string severity_for_security_score(double score) {
  if (score < 0.1) return "info";
  if (score < 4.0) return "low";
  if (score < 7.0) return "medium";
  if (score < 9.0) return "high";
  return "critical";
}

std::string severity_for_level(std::string_view level) {
  if (level == "error") return "high";
  if (level == "note") return "low";
  if (level == "none") return "info";
  return "medium";
}

double confidence_for_precision(std::string_view precision) {
  const std::string p = lower(precision);
  if (p == "very-high") return 0.95;
  if (p == "high") return 0.9;
  if (p == "medium") return 0.7;
  if (p == "low") return 0.5;
  return -1;
}

bool is_security_tool(std::string_view tool_name, const std::vector<std::string>& security_tools) {
  const std::string name = lower(tool_name);
  for (const std::string& tool : security_tools) {
    if (lower(tool) == name) return true;
  }
  return false;
}

std::string category_for(const CategoryEvidence& evidence, const SarifOptions& options) {
  if (std::string category = first_mapped(evidence.result_tags, options); !category.empty()) return category;
  if (evidence.has_cwe || evidence.has_security_severity || evidence.security_tool ||
      any_maps_to_security(evidence.rule_tags, options))
    return "security";
  if (std::string category = first_mapped(evidence.rule_tags, options); !category.empty()) return category;
  return "code-quality";
}

}  // namespace assay::sarif
