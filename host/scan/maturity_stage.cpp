#include "scan/maturity_stage.h"

#include <nlohmann/json.hpp>

#include "log/log.h"
#include "scan/backlog.h"
#include "scan/maturity_assessment.h"
#include "state/timestamps.h"

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
      // A held item's breakdown stays dropped; reports recompute it with the
      // assessed model (scan/backlog.h).
      reweight_item(item, assessed);
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

namespace {

nlohmann::json trend_json(const std::vector<state::AssessmentRecord>& trend) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : trend) {
    nlohmann::json dimensions = nlohmann::json::object();
    for (const auto& d : a.dimensions)
      dimensions[d.name] = d.percent ? nlohmann::json(*d.percent) : nlohmann::json(nullptr);
    out.push_back({{"scan_id", a.scan_id},
                   {"finished_at", state::iso8601(a.finished_at)},
                   {"commit", a.commit.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.commit)},
                   {"level", a.level},
                   {"percent", a.percent},
                   {"dimensions", std::move(dimensions)}});
  }
  return out;
}

}  // namespace

nlohmann::json maturity_header_json(const ScanOutcome& outcome) {
  nlohmann::json header;
  if (!outcome.assessment) {
    header = {{"level", outcome.maturity_level}, {"assessed", false}, {"source", "configuration"}};
  } else {
    const auto& a = *outcome.assessment;
    nlohmann::json given = nlohmann::json::parse(a.json);
    header = {{"level", a.level},
              {"assessed", true},
              {"source", a.source},
              {"percent", a.percent},
              {"dimensions", given.at("dimensions")},
              {"checks", given.at("checks")}};
  }
  if (outcome.state.enabled) header["trend"] = trend_json(outcome.state.maturity_trend);
  return header;
}

}  // namespace assay::scan
