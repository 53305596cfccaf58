// The outcome of evaluating a rule set against a repository: a status and a
// 0-10 score per check, a percentage per dimension and overall, and the
// maturity level, all computed as docs/maturity-rules.md describes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check.h"

namespace assay::maturity {

enum class Status { pass, partial, fail, inconclusive };

const char* status_name(Status status);

struct CheckResult {
  const Check* check = nullptr;
  Status status = Status::inconclusive;
  double fraction = 0;  // share of the evidence met, 0..1 (0 when inconclusive)
  double score = -1;    // 10 × fraction rounded to 2 decimals; -1 when inconclusive, as Scorecard
  std::vector<std::string> evidence;  // paths and lines, or why nothing was found
};

struct DimensionResult {
  std::string name;
  std::optional<double> percent;  // nullopt when every check of it is inconclusive (or it has none)
  size_t checks = 0;
  size_t conclusive = 0;
};

struct Assessment {
  std::vector<CheckResult> checks;          // in rule order
  std::vector<DimensionResult> dimensions;  // in kDimensions order
  double percent = 0;                       // 0..100, one decimal
  std::string level;                        // nascent, developing, maturing, advanced
  std::vector<std::string> languages;       // languages present, as the rules count them
};

// ≥ 75 advanced, ≥ 50 maturing, ≥ 25 developing, else nascent.
std::string level_for(double percent);

// Σ risk weight × score / Σ risk weight × 10 × 100 over the conclusive
// checks, one decimal; nullopt when there are none.
std::optional<double> weighted_percent(const std::vector<const CheckResult*>& results);

}  // namespace assay::maturity
