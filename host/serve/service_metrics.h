// What the service counts about itself and about each repository's last
// scan, written as Prometheus text exposition 0.0.4 for GET /metrics.
// Item keys are never labels (their number is unbounded); labels are the
// repository path, the category, the plugin and the scan status.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace assay::serve {

// The part of a finished scan that the metrics keep.
struct ScanSummary {
  std::string status;  // ok | cancelled | failed
  double duration_seconds = 0;
  int64_t finished_at = 0;  // seconds since 1970
  std::map<std::string, int64_t> items_by_category;
  double next_best_composite = -1;  // < 0: no next best item
  double open_value_usd = 0;
  std::map<std::string, int64_t> plugin_failures;  // plugin → failed runs in this scan
};

// Values the metrics read from the bus and the scheduler when rendered.
struct ServiceGauges {
  uint64_t events_published = 0;
  uint64_t events_dropped = 0;
  int scans_running = 0;
  int scans_pending = 0;
};

// Thread-safe: scans finish on the event loop, the listener renders there
// too, but tests and the CLI may call from anywhere.
class ServiceMetrics {
 public:
  void record_scan(const std::string& repository, const ScanSummary& summary);
  void record_reload(bool applied);

  // The whole exposition, one HELP and TYPE per family, families in a fixed
  // order, series sorted by labels.
  std::string render(const ServiceGauges& gauges) const;

 private:
  struct Repository {
    std::map<std::string, uint64_t> scans_by_status;
    std::map<std::string, uint64_t> plugin_failures;
    ScanSummary last;
    int64_t last_success = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Repository> repositories_;
  uint64_t reloads_applied_ = 0;
  uint64_t reloads_refused_ = 0;
};

// A label value with \, " and newline escaped as the exposition format asks.
std::string escape_label_value(const std::string& value);

}  // namespace assay::serve
