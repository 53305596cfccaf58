// What the service counts about itself, written as Prometheus text
// exposition 0.0.4 for GET /metrics: scans by result, plugin failures, the
// scheduler's load, bus events and drops, reloads, the outbox depth and
// webhook deliveries by result. What each repository's
// backlog looks like comes from the metrics reporter's textfiles, which the
// service serves beside these (exposition_merge.h). Labels are the
// repository path, the plugin and the result; never item keys.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace assay::serve {

// The part of a finished scan that the service keeps for its log and metrics.
struct ScanSummary {
  std::string status;  // ok | cancelled | failed
  double duration_seconds = 0;
  int64_t items = 0;
  std::map<std::string, int64_t> plugin_failures;  // plugin → failed runs in this scan
};

// The delivery outboxes of the service's state stores, summed over the
// stores (each counted once), as the outbox driver last read them.
struct DeliveryTotals {
  int64_t depth = 0;                       // pending messages
  int64_t dead = 0;                        // messages kept as dead
  std::map<std::string, int64_t> results;  // state::DeliveryCounts::results, summed
};

// Values the metrics read from the bus, the scheduler and the outbox driver
// when rendered.
struct ServiceGauges {
  uint64_t events_published = 0;
  uint64_t events_dropped = 0;
  int scans_running = 0;
  int scans_pending = 0;
  DeliveryTotals delivery;
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

  // Names of the families render() writes.
  static const std::set<std::string>& family_names();

 private:
  struct Repository {
    std::map<std::string, uint64_t> scans_by_status;
    std::map<std::string, uint64_t> plugin_failures;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Repository> repositories_;
  uint64_t reloads_applied_ = 0;
  uint64_t reloads_refused_ = 0;
};

// A label value with \, " and newline escaped as the exposition format asks.
std::string escape_label_value(const std::string& value);

}  // namespace assay::serve
