// A hotspot as a technical-debt finding: it points at the file's most
// complex function and carries the evidence (commits, authors, complexity)
// in its details.
#pragma once

#include <assay/plugin.hpp>
#include <vector>

#include "hotspot_ranking.h"

namespace assay::hotspots {

// What the finding says, from the hotspot and the newest commits of its
// file (at most a few). `total` is the number of candidates ranked.
// Effort: 1 hour per 25 code lines of the function to refactor, 1 to 16.
// Severity: medium from a score of 0.5, low below. Confidence 0.7: the
// complexity is measured without a compiler.
sdk::Finding hotspot_finding(const Hotspot& hotspot, size_t total, const std::vector<sdk::CommitInfo>& recent,
                             bool history_cut);

}  // namespace assay::hotspots
