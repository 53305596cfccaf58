// The same scores blended with another maturity level's weights. When the
// maturity scanner assesses the repository, every item scored during the
// scan (with the configured level) is re-weighted with the assessed level:
// WSJF, ICE, technical debt, security, value and risk do not depend on the
// level, only the composite does.
#pragma once

#include "scoring/model.h"
#include "scoring/scores.h"

namespace assay::scoring {

// `scores` with composite (and its breakdown) recomputed from their own
// WSJF, ICE, technical debt and security under `model`'s weights, with the
// category's boost. Throws std::invalid_argument for a category the model
// does not know.
Scores reweighted(const Model& model, const Scores& scores);

// The composite alone that reweighted() gives `scores`, without building
// its breakdown's formula: what a scan re-weights its held items with,
// whose breakdowns are dropped (the report recomputes them). Throws
// std::invalid_argument for a category the model does not know.
double reweighted_composite(const Model& model, const ScoreValues& scores);

}  // namespace assay::scoring
