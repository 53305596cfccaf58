#include "scan/maturity_stage.h"

#include <nlohmann/json.hpp>

#include "log/log.h"
#include "scan/maturity_assessment.h"
#include "scoring/reweight.h"

namespace assay::scan {

scoring::Model apply_assessment(AssessmentInbox& inbox, ScanOutcome& outcome, const scoring::Model& model) {
  std::optional<MaturityAssessment> assessment = inbox.take();
  if (!assessment) return model;
  const std::string configured = outcome.maturity_level;
  outcome.maturity_level = assessment->level;
  scoring::Model assessed = model.with_maturity_level(assessment->level);
  size_t kept = 0;
  for (auto& item : outcome.items) {
    try {
      item.scores = scoring::reweighted(assessed, item.scores);
      ++kept;
    } catch (const std::exception& e) {
      log::write(log::Level::error, "host", "cannot re-weight '" + item.finding.title + "': " + e.what());
    }
  }
  std::string percent = nlohmann::json(assessment->percent).dump();
  log::write(log::Level::info, "host",
             "maturity assessed by '" + assessment->source + "': " + assessment->level + " (" + percent +
                 "%); " + std::to_string(kept) + " items weighted as " + assessment->level +
                 (configured == assessment->level ? "" : " instead of the configured " + configured));
  outcome.assessment = std::move(assessment);
  return assessed;
}

nlohmann::json maturity_header_json(const ScanOutcome& outcome) {
  if (!outcome.assessment)
    return {{"level", outcome.maturity_level}, {"assessed", false}, {"source", "configuration"}};
  const auto& a = *outcome.assessment;
  nlohmann::json given = nlohmann::json::parse(a.json);
  return {{"level", a.level},
          {"assessed", true},
          {"source", a.source},
          {"percent", a.percent},
          {"dimensions", given.at("dimensions")},
          {"checks", given.at("checks")}};
}

}  // namespace assay::scan
