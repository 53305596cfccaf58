// What the maturity scanner hands to the host: the assessment as the JSON
// object report_assessment takes (docs/report-data.md, "maturity"), and one
// backlog finding per check that failed or partly passed.
#pragma once

#include <assay/plugin.hpp>
#include <optional>
#include <string>

#include "assessment.h"

namespace assay::maturity {

// {"level", "percent", "dimensions": {name: percent|null},
//  "checks": [{"id", "title", "dimension", "risk", "status", "score", "evidence"}]}
std::string assessment_json(const Assessment& assessment);

// The backlog finding of a failed or partial check: rule = check id, the
// check's fix as title, its category, severity = risk, effort scaled by the
// share still missing, the evidence lines, and identity "maturity:<id>" so
// the item keeps its identity while its evidence changes. nullopt for checks
// that passed or are inconclusive.
std::optional<sdk::Finding> finding_for(const CheckResult& result);

}  // namespace assay::maturity
