#include "serve/scan_summary.h"

#include "scan/scan_runner.h"

namespace assay::serve {

ScanSummary summarize(const scan::ScanOutcome& outcome, bool cancelled, double duration_seconds,
                      int64_t finished_at) {
  ScanSummary summary;
  summary.status = cancelled ? "cancelled" : "ok";
  summary.duration_seconds = duration_seconds;
  summary.finished_at = finished_at;
  for (const auto& item : outcome.items) {
    ++summary.items_by_category[item.scores.category];
    summary.open_value_usd += item.scores.value_usd;
    if (!outcome.next_best.empty() && item.key == outcome.next_best) summary.next_best_composite = item.scores.composite;
  }
  for (const auto* runs : {&outcome.runs, &outcome.reporter_runs})
    for (const auto& run : *runs)
      if (run.status == "failed" || run.status == "load-failed") ++summary.plugin_failures[run.name];
  return summary;
}

}  // namespace assay::serve
