#include "state/statistics_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "state/timestamps.h"

namespace assay::state {
namespace {

using nlohmann::ordered_json;

ordered_json optional_hours(const std::optional<double>& hours) {
  return hours ? ordered_json(round2(*hours)) : ordered_json(nullptr);
}

ordered_json debt_trend(const Statistics& stats) {
  ordered_json trend;
  trend["effort_hours_start"] = optional_hours(stats.effort_hours_at_start);
  trend["effort_hours_end"] = round2(stats.backlog_effort_hours);
  trend["change"] = stats.effort_hours_at_start
                        ? ordered_json(round2(stats.backlog_effort_hours - *stats.effort_hours_at_start))
                        : ordered_json(nullptr);
  return trend;
}

}  // namespace

double round2(double value) { return std::round(value * 100.0) / 100.0; }

ordered_json statistics_json(const Statistics& stats) {
  ordered_json j;
  j["period_days"] = stats.period_days;
  j["discovered"] = stats.discovered;
  j["completed"] = stats.completed;
  j["net_change"] = stats.net_change;
  j["cycle_time_hours"] = {{"mean", optional_hours(stats.cycle_time_mean_hours)},
                           {"median", optional_hours(stats.cycle_time_median_hours)}};
  j["value_delivered_usd"] = round2(stats.value_delivered_usd);
  j["backlog_size"] = stats.backlog_size;
  j["sources"] = ordered_json::object();
  for (const auto& [source, count] : stats.sources) j["sources"][source] = count;
  j["since"] = iso8601(stats.since);
  j["until"] = iso8601(stats.until);
  j["reopened"] = stats.reopened;
  j["resolutions"] = stats.resolutions;
  j["debt_trend"] = debt_trend(stats);
  return j;
}

ordered_json completed_json(const Statistics& stats) {
  ordered_json list = ordered_json::array();
  for (const auto& item : stats.completed_items) {
    ordered_json j;
    j["key"] = item.key;
    j["title"] = item.title;
    j["category"] = item.category;
    j["source"] = item.source;
    j["path"] = item.path;
    j["first_seen"] = iso8601(item.first_seen_at);
    j["resolved_at"] = iso8601(item.resolved_at);
    j["commit"] = item.resolved_commit.empty() ? ordered_json(nullptr) : ordered_json(item.resolved_commit);
    j["cycle_time_hours"] = round2(item.cycle_time_hours);
    j["value_usd"] = round2(item.value_usd);
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace assay::state
