#include "serve/scan_summary.h"

#include "scan/scan_runner.h"

namespace assay::serve {

ScanSummary summarize(const scan::ScanOutcome& outcome, bool cancelled, double duration_seconds) {
  ScanSummary summary;
  summary.status = cancelled ? "cancelled" : "ok";
  summary.duration_seconds = duration_seconds;
  summary.items = static_cast<int64_t>(outcome.items.size());
  for (const auto* runs : {&outcome.runs, &outcome.reporter_runs})
    for (const auto& run : *runs)
      if (run.status == "failed" || run.status == "load-failed") ++summary.plugin_failures[run.name];
  return summary;
}

}  // namespace assay::serve
