// The hotspot score of a file, as the hotspots scanner ranks files and the
// testgaps scanner ranks untested ones: change frequency (the file's commits
// in the host's history window) times complexity (its indentation
// complexity), each normalised by the largest value in the set ranked, so a
// score is in 0..1 and 1 is the most changed and most complex file:
//
//   score = (commits / max commits) × (complexity / max complexity)
//
// rounded to 4 decimals; 0 when either maximum is 0.
#pragma once

#include <cstdint>

namespace assay::scanners {

struct HotspotScore {
  double churn = 0;       // commits / max commits
  double complexity = 0;  // complexity / max complexity
  double score = 0;       // churn × complexity, rounded to 4 decimals
};

HotspotScore hotspot_score(uint32_t commits, uint32_t max_commits, uint32_t complexity,
                           uint32_t max_complexity);

}  // namespace assay::scanners
