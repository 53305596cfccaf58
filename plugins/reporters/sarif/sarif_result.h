// One backlog item as a SARIF 2.1.0 result, and the rules (one
// reportingDescriptor per rule id) the results refer to.
//
//   ruleId, ruleIndex     the item's rule; the descriptor lists its sources
//   level                 critical and high: error; medium: warning;
//                         low and info: note; none stated: warning
//   message.text          the item's title
//   locations             the item's path relative to uriBaseId SRCROOT
//                         (percent-encoded) and its lines; none when the
//                         item is not bound to a file
//   partialFingerprints   {"assay/v1": the item's fingerprint}, stable
//                         across scans as the item's key is
//   properties.tags       the item's category first, then its tags
//   properties.assay      key, title, category, source, rule, severity, evidence,
//                         effort, confidence, scores, value, risk, rank and
//                         the scanner's details
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace assay::reporters {

// The rules seen so far, in order of first use.
class SarifRules {
 public:
  // The index of `rule` in the rules array, adding it on first use.
  size_t index_of(const std::string& rule, const std::string& source);
  // The tool.driver.rules array.
  nlohmann::ordered_json to_json() const;

 private:
  struct Rule {
    std::string id;
    std::vector<std::string> sources;
  };
  std::vector<Rule> rules_;
  std::map<std::string, size_t> index_;
};

// The SARIF level for an assay severity ("" when none was stated).
std::string sarif_level(const std::string& severity);

// The result for `item` (the item's JSON as docs/report-data.md describes
// it). Throws std::invalid_argument naming the item's key when a field the
// result needs is missing or of the wrong type.
nlohmann::ordered_json sarif_result(const nlohmann::ordered_json& item, SarifRules& rules);

}  // namespace assay::reporters
