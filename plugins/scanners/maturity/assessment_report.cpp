#include "assessment_report.h"

#include <nlohmann/json.hpp>

#include "number_text.h"

namespace assay::maturity {
namespace {

using nlohmann::ordered_json;

// Evidence lines joined for the finding: they are what a reader checks.
std::string evidence_text(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return scanners::to_valid_utf8(text);
}

ordered_json evidence_json(const std::vector<std::string>& lines) {
  ordered_json array = ordered_json::array();
  for (const auto& line : lines) array.push_back(scanners::to_valid_utf8(line));
  return array;
}

}  // namespace

std::string assessment_json(const Assessment& assessment) {
  ordered_json dimensions = ordered_json::object();
  for (const auto& d : assessment.dimensions)
    dimensions[d.name] = d.percent ? ordered_json(*d.percent) : ordered_json(nullptr);
  ordered_json checks = ordered_json::array();
  for (const auto& r : assessment.checks) {
    checks.push_back({{"id", r.check->id},
                      {"title", scanners::to_valid_utf8(r.check->title)},
                      {"dimension", r.check->dimension},
                      {"risk", risk_name(r.check->risk)},
                      {"status", status_name(r.status)},
                      {"score", r.score},
                      {"evidence", evidence_json(r.evidence)}});
  }
  ordered_json j = {{"level", assessment.level},
                    {"percent", assessment.percent},
                    {"dimensions", std::move(dimensions)},
                    {"checks", std::move(checks)}};
  return j.dump();
}

std::optional<sdk::Finding> finding_for(const CheckResult& result) {
  if (result.status != Status::fail && result.status != Status::partial) return std::nullopt;
  const Check& check = *result.check;
  sdk::Finding f;
  f.rule = check.id;
  f.title = scanners::to_valid_utf8(check.fix);
  if (result.status == Status::partial)
    f.title += " (" + scanners::format_number(scanners::round_to(result.fraction * 100, 0)) + "% in place)";
  f.category = check.category;
  f.severity = risk_name(check.risk);
  f.effort_hours = scanners::round_to(check.effort_hours * (1 - result.fraction), 2);
  f.confidence = check.confidence;
  f.evidence = evidence_text(result.evidence);
  f.identity = "maturity:" + check.id;
  f.tags = {"maturity", check.dimension};
  f.details_json = ordered_json{{"check", check.id},
                                {"dimension", check.dimension},
                                {"risk", risk_name(check.risk)},
                                {"status", status_name(result.status)},
                                {"score", result.score},
                                {"evidence", evidence_json(result.evidence)}}
                       .dump();
  return f;
}

}  // namespace assay::maturity
