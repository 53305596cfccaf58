#include "scoring/reweight.h"

#include <stdexcept>

#include "scoring/score_parts.h"

namespace assay::scoring {

namespace {

const CategoryTable& category_table(const Model& model, const std::string& category) {
  const auto table = model.config().categories.find(category);
  if (table == model.config().categories.end())
    throw std::invalid_argument("cannot re-weight an item of unknown category '" + category + "'");
  return table->second;
}

}  // namespace

double reweighted_composite(const Model& model, const ScoreValues& scores) {
  return composite_value(model.config(), model.weights(), category_table(model, scores.category), scores.wsjf,
                         scores.ice, scores.technical_debt, scores.security);
}

Scores reweighted(const Model& model, const Scores& scores) {
  ResolvedFinding f;
  f.category = scores.category;
  f.table = &category_table(model, scores.category);
  Scores out = scores;
  // The four scores come from their numbers, not from the breakdown: a held
  // item's breakdown may have been dropped to save memory (scan/backlog.h).
  Breakdown parts;
  parts.wsjf.value = scores.wsjf;
  parts.ice.value = scores.ice;
  parts.technical_debt.value = scores.technical_debt;
  parts.security.value = scores.security;
  out.breakdown.composite = composite_score(model.config(), model.weights(), f, parts);
  out.composite = out.breakdown.composite.value;
  return out;
}

}  // namespace assay::scoring
