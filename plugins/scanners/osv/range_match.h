// Whether one package version is affected by an advisory, evaluated as the
// OSV schema's IsVulnerable pseudocode prescribes: a version is affected
// when the `versions` list names it or one range includes it; a range
// includes it when it is below one of the range's limits (none means no
// limit) and, walking the events sorted by version ("0" first), the last
// event that applies is an introduced one (v >= introduced sets, v >= fixed
// or v > last_affected clears). GIT ranges need a repository and are
// skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "advisory.h"

namespace assay::osv {

struct RangeMatch {
  bool affected = false;
  // The smallest `fixed` version above the affected version among the
  // ranges that include it (or, when only `versions` named it, among all
  // ranges of the package); "" when none is recorded.
  std::string fixed;
  // The largest `last_affected` bound above it when no fix is recorded.
  std::string last_affected;
  // Why a range or listed version could not be evaluated ("event '1.x' is
  // not a PEP 440 version"); the match is still correct for the rest.
  std::vector<std::string> notes;
};

// Evaluates one affected entry for `version`.
RangeMatch match_affected(const AffectedPackage& affected, std::string_view version);

// Evaluates every entry of `advisory` for package `normalized_name` (see
// normalize_package_name) of `ecosystem`, and merges the results: affected
// when any entry is; the smallest fixed version among those that are.
RangeMatch match_advisory(const Advisory& advisory, Ecosystem ecosystem, std::string_view normalized_name,
                          std::string_view version);

}  // namespace assay::osv
