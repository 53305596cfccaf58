// The individual scores of the model, each computed together with its
// breakdown. Internal to host/scoring: Model::score resolves the finding's
// facts once and calls these in order.
#pragma once

#include <optional>
#include <string>

#include "scoring/model_config.h"
#include "scoring/scores.h"

namespace assay::scoring {

// The facts of one finding after defaults and validation.
struct ResolvedFinding {
  std::string category;
  const CategoryTable* table = nullptr;
  std::optional<size_t> severity;  // index into known_severities(), CVSS band first
  std::optional<double> cvss;
  double effort_hours = 0;
  double confidence = 0;  // 0..1
  double hotspot_multiplier = 1;
  std::optional<double> age_days;
  // Whether the scores below build their breakdowns' formulas and
  // components; without, only the values are computed (Model::values).
  bool explain = true;
};

// WSJF plus its cost of delay (business value + time criticality + risk
// reduction + opportunity), which the dollar value reuses.
struct WsjfResult {
  double cost_of_delay = 0;
  ScoreBreakdown score;
};

WsjfResult wsjf_score(const ModelConfig& config, const ResolvedFinding& f);
ScoreBreakdown ice_score(const ModelConfig& config, const ResolvedFinding& f);
ScoreBreakdown technical_debt_score(const ModelConfig& config, const ResolvedFinding& f);
ScoreBreakdown security_score(const ModelConfig& config, const ResolvedFinding& f);
ScoreBreakdown composite_score(const ModelConfig& config, const Weights& weights, const ResolvedFinding& f,
                               const Breakdown& scores);
// composite_score's value without its formula: the weighted blend of the
// four scores, normalised, times the category's boost.
double composite_value(const ModelConfig& config, const Weights& weights, const CategoryTable& table, double wsjf,
                       double ice, double debt, double security);
ScoreBreakdown value_score(const ResolvedFinding& f, double cost_of_delay);
ScoreBreakdown risk_score(const ModelConfig& config, const ResolvedFinding& f);

}  // namespace assay::scoring
