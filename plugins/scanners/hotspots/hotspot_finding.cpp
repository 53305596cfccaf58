#include "hotspot_finding.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace assay::hotspots {
namespace {

constexpr double kCodeLinesPerHour = 25;
constexpr double kMinEffortHours = 1;
constexpr double kMaxEffortHours = 16;
constexpr double kMediumFromScore = 0.5;
constexpr double kConfidence = 0.7;

nlohmann::json complexity_json(const FileComplexity& c) {
  return {{"indentation", c.indentation},
          {"max_indentation", c.max_indentation},
          {"decisions", c.decisions ? nlohmann::json(*c.decisions) : nlohmann::json(nullptr)},
          {"code_lines", c.code_lines},
          {"lines", c.lines},
          {"units", c.units},
          {"unit_kind", c.units_are_functions ? "function" : "block"}};
}

nlohmann::json unit_json(const UnitComplexity& u) {
  return {{"name", u.name},           {"line_start", u.first_line},
          {"line_end", u.last_line},  {"indentation", u.indentation},
          {"decisions", u.decisions}, {"code_lines", u.code_lines}};
}

std::string details_json(const Hotspot& h, size_t total, const std::vector<sdk::CommitInfo>& recent,
                         bool history_cut) {
  const Candidate& c = h.candidate;
  nlohmann::json commits = nlohmann::json::array();
  for (const auto& commit : recent)
    commits.push_back({{"id", std::string(commit.id)},
                       {"author", std::string(commit.author)},
                       {"time", sdk::utc_iso8601(commit.time)}});
  nlohmann::json j = {
      {"score", h.score},
      {"churn", std::round(h.churn * 10000) / 10000},
      {"complexity_share", std::round(h.complexity * 10000) / 10000},
      {"rank", h.rank},
      {"candidates", total},
      {"commits", c.commits},
      {"authors", c.authors},
      {"first_change", sdk::utc_iso8601(c.first_change)},
      {"last_change", sdk::utc_iso8601(c.last_change)},
      {"history_cut", history_cut},
      {"complexity", complexity_json(c.complexity)},
      {"function", c.complexity.worst ? unit_json(*c.complexity.worst) : nlohmann::json(nullptr)},
      {"recent_commits", commits}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string where(const Candidate& c) {
  if (!c.complexity.worst) return c.path;
  return c.complexity.worst->name + " in " + c.path;
}

}  // namespace

sdk::Finding hotspot_finding(const Hotspot& h, size_t total, const std::vector<sdk::CommitInfo>& recent,
                             bool history_cut) {
  const Candidate& c = h.candidate;
  sdk::Finding f;
  f.rule = "hotspot";
  f.category = "technical-debt";
  f.path = c.path;
  const auto& worst = c.complexity.worst;
  f.line_start = worst ? worst->first_line : (c.complexity.lines > 0 ? 1 : 0);
  f.line_end = worst ? worst->last_line : c.complexity.lines;
  f.title = "Hotspot: " + where(c) + " (" + std::to_string(c.commits) + " commits, complexity " +
            std::to_string(c.complexity.indentation) + ")";
  f.evidence =
      c.path + ": " + std::to_string(c.commits) + " commits by " + std::to_string(c.authors) +
      " authors; indentation complexity " + std::to_string(c.complexity.indentation) + " (max depth " +
      std::to_string(c.complexity.max_indentation) + ")" +
      (c.complexity.decisions ? ", " + std::to_string(*c.complexity.decisions) + " decision points" : "");
  if (worst)
    f.evidence += "; most complex: " + worst->name + " (lines " + std::to_string(worst->first_line) + "-" +
                  std::to_string(worst->last_line) + ", indentation complexity " +
                  std::to_string(worst->indentation) + ")";
  // The file is the hotspot, whatever its numbers or its worst function are
  // next time: one item per file across scans.
  f.identity = "hotspot:" + c.path;
  const double code_lines = worst ? worst->code_lines : c.complexity.code_lines;
  f.effort_hours = std::clamp(std::ceil(code_lines / kCodeLinesPerHour), kMinEffortHours, kMaxEffortHours);
  f.severity = h.score >= kMediumFromScore ? "medium" : "low";
  f.confidence = kConfidence;
  f.tags = {"hotspot", "complexity", "churn"};
  f.details_json = details_json(h, total, recent, history_cut);
  return f;
}

}  // namespace assay::hotspots
