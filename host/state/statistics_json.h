// The statistics as JSON, the one form backlog.json, the report header and
// `assay stats --json` share (docs/report-data.md, "stats" and "completed").
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "state/statistics.h"

namespace assay::state {

// {"period_days", "discovered", "completed", "net_change", "cycle_time_hours":
// {"mean", "median"}, "value_delivered_usd", "backlog_size", "sources", …}.
nlohmann::ordered_json statistics_json(const Statistics& stats);

// [{"key", "title", "category", "source", "path", "first_seen", "resolved_at",
// "commit", "cycle_time_hours", "value_usd"}, …], most recent first.
nlohmann::ordered_json completed_json(const Statistics& stats);

// Hours and dollars as reports print them: two decimals.
double round2(double value);

}  // namespace assay::state
