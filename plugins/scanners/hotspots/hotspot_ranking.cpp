#include "hotspot_ranking.h"

#include <algorithm>
#include <cmath>

namespace assay::hotspots {
namespace {

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

}  // namespace

std::vector<Hotspot> pick_hotspots(std::vector<Candidate> candidates, double share, size_t max_findings) {
  uint32_t max_commits = 0;
  uint32_t max_complexity = 0;
  for (const Candidate& c : candidates) {
    max_commits = std::max(max_commits, c.commits);
    max_complexity = std::max(max_complexity, c.complexity.indentation);
  }
  std::vector<Hotspot> ranked;
  ranked.reserve(candidates.size());
  for (Candidate& c : candidates) {
    Hotspot h;
    h.churn = max_commits > 0 ? static_cast<double>(c.commits) / max_commits : 0.0;
    h.complexity = max_complexity > 0 ? static_cast<double>(c.complexity.indentation) / max_complexity : 0.0;
    h.score = round4(h.churn * h.complexity);
    h.candidate = std::move(c);
    ranked.push_back(std::move(h));
  }
  std::sort(ranked.begin(), ranked.end(), [](const Hotspot& a, const Hotspot& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.candidate.path < b.candidate.path;
  });
  for (size_t i = 0; i < ranked.size(); ++i) ranked[i].rank = i + 1;
  const size_t wanted =
      std::max<size_t>(1, static_cast<size_t>(std::ceil(share * static_cast<double>(ranked.size()))));
  size_t keep = std::min({wanted, max_findings, ranked.size()});
  while (keep > 0 && ranked[keep - 1].score <= 0) --keep;
  ranked.resize(keep);
  return ranked;
}

}  // namespace assay::hotspots
