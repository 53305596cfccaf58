// The state store's part of a scan's outcome: what the merge changed and the
// delivery statistics after it (docs/state.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "state/outbox_records.h"
#include "state/records.h"
#include "state/statistics.h"

namespace assay::scan {

struct StateReport {
  bool enabled = false;  // state.enabled; everything below is empty when false
  std::string store;     // where the store lives
  // False for a look-back (a commit older than the last merged scan's): the
  // store's items were not changed.
  bool merged = false;
  int64_t new_items = 0;
  int64_t reopened_items = 0;
  int64_t resolved_items = 0;
  state::Statistics stats;
  std::vector<state::ItemRecord> resolved;  // the items this scan resolved
  // The maturity assessments of the last merged scans, oldest first, this
  // scan's included when it was assessed and merged (at most kTrendLength).
  std::vector<state::AssessmentRecord> maturity_trend;
  // The outbox as the report stage begins (docs/report-data.md, `service`).
  state::DeliveryCounts delivery;
};

// How many assessments the trend holds.
inline constexpr size_t kTrendLength = 10;

}  // namespace assay::scan
