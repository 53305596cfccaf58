// Which files are hotspots: change frequency times complexity, each
// normalised by the largest value among the candidates, so a score is in
// 0..1 and 1 means the file is both the most changed and the most complex:
//
//   score = (commits / max commits) × (indentation complexity / max complexity)
//
// The top `share` of the candidates (at least one, at most `max_findings`)
// with a score above 0 are reported, highest score first (ties: path).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "file_complexity.h"

namespace assay::hotspots {

struct Candidate {
  size_t file = 0;  // index in the scan target
  std::string path;
  uint32_t commits = 0;
  uint32_t authors = 0;
  int64_t first_change = 0;
  int64_t last_change = 0;
  FileComplexity complexity;
};

struct Hotspot {
  Candidate candidate;
  double churn = 0;       // commits / max commits
  double complexity = 0;  // indentation / max indentation
  double score = 0;       // churn × complexity, rounded to 4 decimals
  size_t rank = 0;        // 1-based among the candidates
};

// Ranks `candidates` and returns the hotspots to report.
std::vector<Hotspot> pick_hotspots(std::vector<Candidate> candidates, double share, size_t max_findings);

}  // namespace assay::hotspots
