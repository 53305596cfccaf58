// The last stage of a scan: the ranked backlog handed to each selected
// reporter plugin through the ABI (begin, one call per item, end).
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "scan/scan_runner.h"

namespace assay::loader {
class ReporterSession;
}

namespace assay::scan {

class BreakdownTextsAhead;

// Reporters whose report has ended but whose instance is not yet closed.
// Closing one may wait for work its end started (the file reporters remove
// the large file a report replaced on a thread of their own, atomic_file.h),
// so the scan closes them after its own last work, not right after the end.
class EndedReports {
 public:
  EndedReports();
  ~EndedReports();  // closes what is still open
  EndedReports(const EndedReports&) = delete;
  EndedReports& operator=(const EndedReports&) = delete;

  // Takes an ended session to close later.
  void add(std::unique_ptr<loader::ReporterSession> session);
  // Calls reporter_close on each, in the order they were added.
  void close();

 private:
  std::vector<std::unique_ptr<loader::ReporterSession>> sessions_;
};

struct ReportContext {
  const ScanOutcome& outcome;
  const config::Config& config;
  const loader::PluginLoader& loader;
  bus::EventPublisher& events;
  std::string started_at;
  std::string finished_at;
  // Reporters named on the command line run even when their configuration
  // section says enabled: false; the configured default list skips those.
  bool formats_given = false;
  int64_t duration_ms = 0;  // of the scan until the reporters start
  // ScanOptions::service_header's text, or "" outside service mode.
  std::string service_json;
  // The items' breakdown texts made ahead, taken when the items are written;
  // nullptr: all are made then.
  BreakdownTextsAhead* breakdowns_ahead = nullptr;
};

// The report header every reporter receives (docs/report-data.md).
nlohmann::json report_header_json(const ReportContext& context);

// Runs the named reporters side by side: all begin, then each item's text is
// written once and handed to every reporter in turn, then all end, in the
// order named. A reporter that fails receives nothing more and is logged,
// published as assay.plugin.failed and recorded; the others still run.
// Each reporter is closed right after its end, or, given `ended`, handed to
// it to be closed later (a run's duration_ms then leaves out the close).
// Throws ScanFailed when the output directory cannot be created.
std::vector<PluginRun> run_reporters(const ReportContext& context, const std::vector<std::string>& names,
                                     EndedReports* ended = nullptr);

}  // namespace assay::scan
