// What the scoring model says about one finding: the scores, and for every
// score the numbers it was computed from, so that `assay explain` and the
// reporters can answer "why is this item ranked here?".
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

namespace assay::scoring {

// One score with its explanation. `formula` shows the computation with the
// actual numbers ("cost of delay 15 × $30 = $450"); `components` names every
// number that went into it, in the order the formula uses them.
struct ScoreBreakdown {
  double value = 0;
  std::string formula;
  std::vector<std::pair<std::string, double>> components;
};

struct Breakdown {
  ScoreBreakdown wsjf;
  ScoreBreakdown ice;
  ScoreBreakdown technical_debt;
  ScoreBreakdown security;
  ScoreBreakdown composite;
  ScoreBreakdown value_usd;
  ScoreBreakdown risk;
};

// All values are rounded to two decimals; every intermediate number was
// rounded the same way before later steps used it, so a formula recomputed by
// hand from its displayed components gives the displayed value.
//
// The numbers without their explanation: what a scan holds for each of its
// items (an item's breakdown, about half of its memory, is recomputed when
// the item is written, see scan/backlog.h).
struct ScoreValues {
  double wsjf = 0;            // cost of delay / effort, unbounded above
  double ice = 0;             // 1..1000
  double technical_debt = 0;  // 0..100
  double security = 0;        // 0..100
  double composite = 0;       // weighted blend × category boost
  double value_usd = 0;
  double risk = 0;          // 0..1
  std::string category;     // the category scored (default applied)
  std::string severity;     // effective severity (from CVSS when present), or empty
  double effort_hours = 0;  // the finding's estimate or the category default
  double confidence = 0;    // 0..1, the finding's or the configured default
};

// The numbers with their explanation, as the model computes them.
struct Scores : ScoreValues {
  Breakdown breakdown;
};

// {"value": v, "formula": "...", "components": {"name": number, ...}}
nlohmann::json to_json(const ScoreBreakdown& score);
// {"wsjf": {...}, "ice": {...}, "technical_debt": {...}, "security": {...},
//  "composite": {...}, "value_usd": {...}, "risk": {...}}
nlohmann::json to_json(const Breakdown& breakdown);

}  // namespace assay::scoring
