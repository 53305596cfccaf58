#include "cli/stats_text.h"

#include <cmath>
#include <cstdio>

#include "state/timestamps.h"

namespace assay::cli {
namespace {

std::string hours(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f h", value);
  return text;
}

std::string signed_number(int64_t value) { return (value > 0 ? "+" : "") + std::to_string(value); }

void row(std::ostream& out, const char* label, const std::string& value) {
  char text[64];
  std::snprintf(text, sizeof text, "  %-20s ", label);
  out << text << value << "\n";
}

std::string debt_trend(const state::Statistics& stats) {
  if (!stats.effort_hours_at_start)
    return hours(stats.backlog_effort_hours) + " (no scan as old as the period)";
  const double change = stats.backlog_effort_hours - *stats.effort_hours_at_start;
  return hours(*stats.effort_hours_at_start) + " -> " + hours(stats.backlog_effort_hours) + " (" +
         (change > 0 ? "+" : "") + hours(change) + ")";
}

std::string cycle_time(const state::Statistics& stats) {
  if (!stats.cycle_time_mean_hours) return "no completed items";
  return "mean " + hours(*stats.cycle_time_mean_hours) + ", median " + hours(*stats.cycle_time_median_hours);
}

std::string sources(const state::Statistics& stats) {
  if (stats.sources.empty()) return "none";
  std::string text;
  for (const auto& [source, count] : stats.sources)
    text += (text.empty() ? "" : ", ") + source + " " + std::to_string(count);
  return text;
}

}  // namespace

std::string dollars(double usd) {
  const long long whole = std::llround(usd);
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return (whole < 0 ? "-$" : "$") + digits;
}

void print_stats(std::ostream& out, const std::string& repository, const std::string& store,
                 const state::Statistics& stats) {
  out << "assay stats: " << repository << ", " << stats.period_days << " day(s) from "
      << state::iso8601(stats.since) << " to " << state::iso8601(stats.until) << "\n";
  out << "  store " << store << "\n";
  row(out, "items discovered", std::to_string(stats.discovered));
  row(out, "items completed", std::to_string(stats.completed));
  row(out, "items reopened", std::to_string(stats.reopened));
  row(out, "net backlog change", signed_number(stats.net_change));
  row(out, "cycle time", cycle_time(stats));
  row(out, "value delivered", dollars(stats.value_delivered_usd));
  row(out, "backlog size",
      std::to_string(stats.backlog_size) + " items, " + hours(stats.backlog_effort_hours));
  row(out, "debt trend", debt_trend(stats));
  row(out, "discovery sources", sources(stats));
  if (stats.completed_items.empty()) return;
  out << "recently completed:\n";
  for (const auto& item : stats.completed_items) {
    out << "  " << item.key << "  " << state::iso8601(item.resolved_at) << "  "
        << (item.resolved_commit.empty() ? std::string("-") : item.resolved_commit.substr(0, 12)) << "  "
        << hours(item.cycle_time_hours) << "  " << dollars(item.value_usd) << "  " << item.title << "\n";
  }
}

}  // namespace assay::cli
