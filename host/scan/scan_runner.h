// One scan from start to report: opens the repository, runs every enabled
// scanner concurrently, scores their findings as they arrive over the bus,
// ranks the backlog and hands it to the reporters. Plugin failures are
// recorded and reported, never fatal; only a scan target that cannot be read
// or an output directory that cannot be written stops a scan (ScanFailed).
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "scan/backlog.h"
#include "scan/maturity_assessment.h"
#include "scan/state_report.h"

namespace assay::config {
class Config;
}
namespace assay::loader {
class PluginLoader;
}
namespace assay::bus {
class Bus;
class EventPublisher;
}  // namespace assay::bus

namespace assay::scan {

class EarlyTarget;

// The scan could not run at all (exit code 3).
class ScanFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A request that cannot be satisfied as given (exit code 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScanOptions {
  std::filesystem::path path = ".";
  std::optional<std::string> rev;
  std::optional<std::filesystem::path> out_dir;     // default PATH/.assay
  std::optional<std::vector<std::string>> formats;  // reporter names; md = markdown
  bool show_progress = false;
  // When the state store records the scan (first seen, resolved at, the end
  // of the statistics period), in seconds since 1970; the clock when unset.
  std::optional<int64_t> recorded_at;
  // Scanner plugins to run (a service schedule's subset); every enabled
  // scanner when unset. Items of scanners that did not run keep their status.
  std::optional<std::vector<std::string>> scanners;
  // What the host running the scan says about itself in the report header's
  // "service" object (docs/report-data.md): JSON object text whose members
  // are added to it, asked for when the reporters start. Unset outside
  // service mode.
  std::function<std::string()> service_header;
  // Whether the scan sends its store's outbox after the reports (for at most
  // delivery.wait_seconds). `assay serve` turns it off: its outbox driver
  // sends, between scans too (serve/outbox_driver.h).
  bool send_outbox = true;
  // Ignore the findings cache: every scanner reads every file (assay scan
  // --full). The cache is still written for the next scan.
  bool full = false;
  // The target already being opened for these options (target_opening.h);
  // run() opens it itself when unset.
  std::shared_ptr<EarlyTarget> early_target;
};

// How a file-local scanner's run used the findings cache (docs/state.md).
struct CacheUse {
  bool incremental = false;  // false: every file was given to the scanner
  std::string reason;        // why not incremental; "" when it was
  uint64_t files_scanned = 0;
  uint64_t files_replayed = 0;
  uint64_t findings_replayed = 0;
};

struct PluginRun {
  std::string name;
  std::string kind;  // scanner | reporter | "" when it never loaded
  std::string version;
  std::string status;  // ok | failed | cancelled | load-failed
  uint64_t findings = 0;
  int64_t duration_ms = 0;
  std::string error;
  // Set for a file-local scanner when the state store keeps its findings.
  std::optional<CacheUse> cache;
};

struct RepositoryInfo {
  std::string path;
  std::string name;
  std::string commit;
  std::string branch;
  std::string target;  // working-tree | commit | directory
  bool history = false;
};

struct ScanOutcome {
  std::string scan_id;
  RepositoryInfo repository;
  std::filesystem::path out_dir;
  std::vector<PluginRun> runs;  // scanners and load failures
  std::vector<PluginRun> reporter_runs;
  std::vector<BacklogItem> items;                // ranked
  std::string next_best;                         // key or ""
  std::string maturity_level;                    // assessed, else configured
  std::optional<MaturityAssessment> assessment;  // when a scanner assessed the repository
  size_t files = 0;
  std::string history_json;  // the history summary, a JSON object (docs/report-data.md)
  StateReport state;         // the store's view; state.enabled is false without one
  // The model the items were scored with: it recomputes their dropped score
  // breakdowns (breakdown_of in scan/backlog.h).
  std::shared_ptr<const scoring::Model> model;
};

class ScanRunner {
 public:
  ScanRunner(const config::Config& config, const loader::PluginLoader& loader, bus::Bus& bus,
             bus::EventPublisher& events);
  // Runs one scan. `cancel` may be set from another thread (a signal): the
  // scanners are asked to stop and the partial result is still reported.
  ScanOutcome run(const ScanOptions& options, const std::atomic<bool>& cancel);

 private:
  const config::Config& config_;
  const loader::PluginLoader& loader_;
  bus::Bus& bus_;
  bus::EventPublisher& events_;
};

// Reporter names the formats stand for: "md" → "markdown", "sarif" →
// "sarif-report", others as given.
std::vector<std::string> reporter_names(const std::vector<std::string>& formats);

}  // namespace assay::scan
