// The metrics reporter's Prometheus text (exposition format 0.0.4) for one
// scan of one repository, computed from the report header alone
// (docs/report-data.md). Every series has a `repository` label; item keys
// are never labels (their number is unbounded).
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace assay::reporters {

// Values of the previous textfile that the new one continues: the counters
// (which only ever grow) and the last successful scan's time.
using PreviousValues = std::map<std::string, double>;  // metric name → value

// Reads the unlabelled-by-anything-but-repository series of `text` (a
// previous textfile): assay_items_discovered_total, assay_items_completed_total
// and assay_last_successful_scan_timestamp_seconds. Lines it does not know
// are ignored.
PreviousValues read_previous_values(std::string_view text);

// The whole exposition. `next_best_composite` is the composite score of the
// next best item (< 0 when there is none).
std::string render_scan_metrics(const nlohmann::ordered_json& header, double next_best_composite,
                                const PreviousValues& previous);

// "2026-11-25T17:00:04Z" → seconds since 1970; -1 when not in that form.
int64_t parse_utc_seconds(std::string_view text);

}  // namespace assay::reporters
