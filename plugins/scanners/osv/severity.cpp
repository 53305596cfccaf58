#include "severity.h"

#include <algorithm>
#include <array>

#include "cvss.h"
#include "version/digits.h"

namespace assay::osv {
namespace {

bool is_malicious(const Advisory& advisory) { return advisory.id.rfind("MAL-", 0) == 0; }

// Scores the first CVSS v3 vector of `scores`; notes vectors it cannot score.
bool assess_vectors(const std::vector<SeverityScore>& scores, const char* where, SeverityAssessment& out) {
  for (const SeverityScore& s : scores) {
    if (s.type != "CVSS_V3") {
      if (out.note.empty() && (s.type == "CVSS_V2" || s.type == "CVSS_V4"))
        out.note = s.type + " vector '" + s.score + "' is not scored (only CVSS v3 is)";
      continue;
    }
    std::string problem;
    const std::optional<double> score = cvss3_base_score(s.score, &problem);
    if (!score) {
      if (out.note.empty()) out.note = "CVSS_V3 vector '" + s.score + "': " + problem;
      continue;
    }
    out.cvss = *score;
    out.vector = s.score;
    out.severity = cvss3_severity(*score);
    out.source = std::string(where) + " CVSS v3 base score";
    return true;
  }
  return false;
}

bool assess_word(const std::string& word, const char* where, SeverityAssessment& out) {
  const std::string severity = severity_from_word(word);
  if (severity.empty()) return false;
  out.severity = severity;
  out.source = std::string(where) + " severity '" + word + "'";
  return true;
}

}  // namespace

std::string severity_from_word(std::string_view word) {
  std::string lowered(word);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), ascii_lower);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kWords = {
      {{"critical", "critical"},
       {"high", "high"},
       {"important", "high"},
       {"moderate", "medium"},
       {"medium", "medium"},
       {"low", "low"},
       {"negligible", "info"},
       {"none", "info"},
       {"info", "info"},
       {"informational", "info"}}};
  for (const auto& [name, severity] : kWords) {
    if (lowered == name) return std::string(severity);
  }
  return {};
}

SeverityAssessment assess_severity(const Advisory& advisory, const AffectedPackage* affected) {
  SeverityAssessment out;
  if (affected != nullptr && assess_vectors(affected->severity, "package", out)) return out;
  if (assess_vectors(advisory.severity, "advisory", out)) return out;
  if (affected != nullptr && assess_word(affected->severity_word, "package", out)) return out;
  if (assess_word(advisory.severity_word, "advisory", out)) return out;
  if (is_malicious(advisory)) {
    out.severity = "critical";
    out.source = "malicious package advisory";
  }
  return out;
}

const char* finding_category(const SeverityAssessment& severity, const Advisory& advisory) {
  if (is_malicious(advisory) || severity.severity == "high" || severity.severity == "critical")
    return "security";
  return "dependency";
}

}  // namespace assay::osv
