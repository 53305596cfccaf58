// What the host does with a maturity assessment once every scanner has
// ended: the assessed level replaces the configured one, every item's
// composite is re-weighted with that level's weights (docs/scoring.md), and
// the report header carries the assessment (docs/report-data.md).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "scan/scan_runner.h"
#include "scoring/model.h"

namespace assay::scan {

class AssessmentInbox;

// Takes the scan's accepted assessment, if any, into outcome.assessment and
// outcome.maturity_level, re-weights outcome.items and returns the model of
// the assessed level; without an assessment returns `model` unchanged.
// Items are re-weighted before they are ranked.
scoring::Model apply_assessment(AssessmentInbox& inbox, ScanOutcome& outcome, const scoring::Model& model);

// The header's "maturity" object: level, assessed, source, and when
// assessed percent, dimensions and checks as the assessing plugin gave them;
// with a state store also "trend", the assessments of the last merged scans
// (outcome.state.maturity_trend), oldest first.
nlohmann::json maturity_header_json(const ScanOutcome& outcome);

}  // namespace assay::scan
