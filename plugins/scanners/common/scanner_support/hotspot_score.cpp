#include "hotspot_score.h"

#include <cmath>

namespace assay::scanners {
namespace {

double share(uint32_t value, uint32_t max) { return max > 0 ? static_cast<double>(value) / max : 0.0; }

}  // namespace

HotspotScore hotspot_score(uint32_t commits, uint32_t max_commits, uint32_t complexity,
                           uint32_t max_complexity) {
  HotspotScore s;
  s.churn = share(commits, max_commits);
  s.complexity = share(complexity, max_complexity);
  s.score = std::round(s.churn * s.complexity * 10000.0) / 10000.0;
  return s;
}

}  // namespace assay::scanners
