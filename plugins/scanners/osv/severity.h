// The severity of an advisory for one affected package, and the category
// its finding gets.
#pragma once

#include <string>

#include "advisory.h"

namespace assay::osv {

struct SeverityAssessment {
  std::string severity;  // info, low, medium, high, critical, or "" when unknown
  double cvss = -1;      // the CVSS v3 base score, or -1 when none was computed
  std::string vector;    // the CVSS vector the score came from
  std::string source;    // where the severity came from, for the finding's details
  std::string note;      // why a vector given was not scored, or ""
};

// Severity, first that applies: a CVSS v3 vector of the affected package,
// then of the advisory (base score computed, rated by the CVSS bands); a
// severity word of the package (ecosystem_specific, database_specific),
// then of the advisory (database_specific, e.g. GitHub's MODERATE); an
// advisory of a malicious package (id MAL-...) is critical. `affected` may
// be null.
SeverityAssessment assess_severity(const Advisory& advisory, const AffectedPackage* affected);

// "security" for high and critical severities and malicious packages: they
// need fixing as a security matter. "dependency" otherwise: an upgrade to
// schedule.
const char* finding_category(const SeverityAssessment& severity, const Advisory& advisory);

// The severity a database word stands for ("MODERATE" -> "medium"), or ""
// for an unknown word.
std::string severity_from_word(std::string_view word);

}  // namespace assay::osv
