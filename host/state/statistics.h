// Delivery statistics of one repository over a period, computed from the
// store: what was discovered and completed, how long completed items waited,
// the value they delivered, and where the backlog stands. docs/state.md
// defines every number.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "state/state_store.h"

namespace assay::state {

// An item resolved within the period and still resolved.
struct CompletedItem {
  std::string key;
  std::string title;
  std::string category;
  std::string source;
  std::string path;  // where it was last seen
  int64_t first_seen_at = 0;
  int64_t resolved_at = 0;
  std::string resolved_commit;
  double value_usd = 0;  // its value when last seen
  double cycle_time_hours = 0;
};

struct Statistics {
  int period_days = 0;
  int64_t since = 0;  // the period is since < t <= until
  int64_t until = 0;
  int64_t discovered = 0;                       // items first seen in the period
  int64_t completed = 0;                        // completed_items.size()
  int64_t reopened = 0;                         // reopenings in the period
  int64_t resolutions = 0;                      // resolutions in the period, also those reopened since
  int64_t net_change = 0;                       // backlog size now minus at the period's start
  std::optional<double> cycle_time_mean_hours;  // none without completed items
  std::optional<double> cycle_time_median_hours;
  double value_delivered_usd = 0;
  int64_t backlog_size = 0;
  double backlog_effort_hours = 0;
  // Open effort hours after the last merged scan at or before `since`; none
  // when the store holds no scan that old.
  std::optional<double> effort_hours_at_start;
  std::map<std::string, int64_t> sources;      // items discovered in the period, per scanner
  std::vector<CompletedItem> completed_items;  // most recently resolved first
};

// The statistics of `repository_id` for the `period_days` days up to `until`.
Statistics compute_statistics(StateReader& reader, int64_t repository_id, int64_t until, int period_days);

// The same with the repository's open totals known already: a scan's merge
// has just counted them for its scan record (ScanRecord::open_items,
// open_effort_hours, open_value_usd), so they are not read a second time.
Statistics compute_statistics(StateReader& reader, int64_t repository_id, int64_t until, int period_days,
                              const OpenTotals& open);

}  // namespace assay::state
