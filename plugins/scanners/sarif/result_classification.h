// How a SARIF result becomes an assay severity, confidence and category.
//
// Severity: a security-severity (result property, else rule property; a
// CVSS-like score 0..10) decides by GitHub code scanning's bands:
//   0.0 info, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high, 9.0-10.0 critical,
// and is also passed on as the finding's CVSS score. Without it the level
// (result.level, else the rule's defaultConfiguration.level, else
// "warning") decides: error high, warning medium, note low, none info.
//
// Confidence: the precision (result property, else the rule's; CodeQL and
// cppcheck write it) or bandit's issue_confidence:
//   very-high 0.95, high 0.9, medium 0.7, low 0.5; otherwise unknown.
//
// Category, first that applies:
//  1. a result tag (properties.tags) that names a category through
//     tag_categories (assay's own SARIF names its category this way);
//  2. security, when the rule or result carries a CWE (other than the
//     non_security_cwes, which name code-quality weaknesses) or a
//     security-severity, the tool is one of security_tools, or a rule tag
//     maps to security;
//  3. the first rule tag that maps to a category;
//  4. code-quality.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sarif_options.h"

namespace assay::sarif {

std::string severity_for_security_score(double score);
std::string severity_for_level(std::string_view level);

// < 0 when the text is not a known precision.
double confidence_for_precision(std::string_view precision);

struct CategoryEvidence {
  std::vector<std::string> result_tags;
  std::vector<std::string> rule_tags;
  bool has_cwe = false;  // a CWE not listed in non_security_cwes
  bool has_security_severity = false;
  bool security_tool = false;
};

std::string category_for(const CategoryEvidence& evidence, const SarifOptions& options);

// True when `tool_name` is one of `security_tools`, ignoring case.
bool is_security_tool(std::string_view tool_name, const std::vector<std::string>& security_tools);

}  // namespace assay::sarif
