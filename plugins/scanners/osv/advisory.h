// An OSV advisory, reduced to what matching and reporting need. Only the
// affected packages of ecosystems the scanner knows are kept.
#pragma once

#include <string>
#include <vector>

#include "ecosystem.h"

namespace assay::osv {

struct RangeEvent {
  enum class Kind { introduced, fixed, last_affected, limit };
  Kind kind = Kind::introduced;
  std::string version;
};

struct AffectedRange {
  enum class Type { semver, ecosystem, git };
  Type type = Type::ecosystem;
  std::vector<RangeEvent> events;  // in the advisory's order
};

// One `severity[]` entry: type CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu, ...
struct SeverityScore {
  std::string type;
  std::string score;
};

struct AffectedPackage {
  Ecosystem ecosystem = Ecosystem::npm;
  std::string name;  // as the advisory writes it
  std::vector<AffectedRange> ranges;
  std::vector<std::string> versions;
  std::vector<SeverityScore> severity;  // affected[].severity
  // affected[].ecosystem_specific.severity, else
  // affected[].database_specific.severity: a word such as "HIGH".
  std::string severity_word;
};

struct Advisory {
  std::string id;
  std::string modified;  // RFC 3339, compared as text to pick the newer copy
  bool withdrawn = false;
  std::vector<std::string> aliases;
  std::string summary;
  std::vector<SeverityScore> severity;  // top-level severity
  std::string severity_word;            // database_specific.severity
  std::vector<AffectedPackage> affected;
  std::string origin;  // file (and zip member) it was read from
};

}  // namespace assay::osv
