#include "state/statistics.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace assay::state {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

CompletedItem completed_from(const ItemRecord& item) {
  return {item.key,         item.title,
          item.category,    item.source,
          item.path,        item.first_seen_at,
          item.resolved_at, item.resolved_commit,
          item.value_usd,   static_cast<double>(item.resolved_at - item.first_seen_at) / 3600.0};
}

void add_cycle_times(Statistics& stats) {
  if (stats.completed_items.empty()) return;
  std::vector<double> hours;
  for (const auto& item : stats.completed_items) hours.push_back(item.cycle_time_hours);
  stats.cycle_time_mean_hours =
      std::accumulate(hours.begin(), hours.end(), 0.0) / static_cast<double>(hours.size());
  stats.cycle_time_median_hours = median_of(std::move(hours));
}

}  // namespace

Statistics compute_statistics(StateReader& reader, int64_t repository_id, int64_t until, int period_days) {
  return compute_statistics(reader, repository_id, until, period_days, reader.open_totals(repository_id));
}

Statistics compute_statistics(StateReader& reader, int64_t repository_id, int64_t until, int period_days,
                              const OpenTotals& open) {
  Statistics stats;
  stats.period_days = period_days;
  stats.until = until;
  stats.since = until - static_cast<int64_t>(period_days) * kSecondsPerDay;

  // Sums and counts come from the store's aggregates; only the items
  // completed in the period are read whole.
  stats.backlog_size = open.count;
  stats.backlog_effort_hours = open.effort_hours;
  for (const auto& item : reader.resolved_items(repository_id, stats.since, until))
    stats.completed_items.push_back(completed_from(item));
  for (const auto& count : reader.event_counts(repository_id, stats.since, until)) {
    if (count.kind == kEventNew) {
      stats.discovered += count.count;
      stats.sources[count.source] += count.count;
    } else if (count.kind == kEventReopened) {
      stats.reopened += count.count;
    } else if (count.kind == kEventResolved) {
      stats.resolutions += count.count;
    }
  }
  // Every change of the backlog's size is one of these events.
  stats.net_change = stats.discovered + stats.reopened - stats.resolutions;

  std::sort(stats.completed_items.begin(), stats.completed_items.end(),
            [](const CompletedItem& a, const CompletedItem& b) {
              return std::tie(b.resolved_at, a.key) < std::tie(a.resolved_at, b.key);
            });
  stats.completed = static_cast<int64_t>(stats.completed_items.size());
  for (const auto& item : stats.completed_items) stats.value_delivered_usd += item.value_usd;
  add_cycle_times(stats);
  if (auto start = reader.last_merged_scan(repository_id, stats.since))
    stats.effort_hours_at_start = start->open_effort_hours;
  return stats;
}

}  // namespace assay::state
