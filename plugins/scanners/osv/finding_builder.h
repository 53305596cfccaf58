// Turns one vulnerable package of one lockfile into the finding the
// scanner emits.
#pragma once

#include <assay/plugin.hpp>
#include <string>
#include <string_view>

#include "lockfile/lockfile.h"
#include "vulnerability_match.h"

namespace assay::osv {

// The lockfile a package was found in.
struct LockfileSource {
  std::string path;  // repository-relative
  LockfileFormat format;
  std::string_view text;
};

// rule: the advisory id (the smallest id of its alias group); title:
// "lodash 4.17.20: GHSA-... (CVE-...) <summary>; fixed in 4.17.21";
// category and severity per assess_severity and finding_category (the
// highest of the group); path and line of the first occurrence; evidence:
// that lockfile line; identity: "osv:<id>:<ecosystem>/<package>:<path>";
// details: package, versions, every occurrence with its line, advisory,
// aliases, summary, fixed version, lockfile line, severity source.
sdk::Finding build_finding(const VulnerablePackage& package, const LockfileSource& source);

// The text of 1-based line `line` of `text` (without its line break), or "".
std::string_view line_text(std::string_view text, uint32_t line);

}  // namespace assay::osv
