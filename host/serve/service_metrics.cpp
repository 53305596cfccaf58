#include "serve/service_metrics.h"

#include <sstream>

#include "state/delivery_results.h"

namespace assay::serve {
namespace {

void family(std::ostream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

std::string repo_label(const std::string& repository) {
  return "repository=\"" + escape_label_value(repository) + "\"";
}

// Live values: the textfiles' copies are as old as each repository's last
// scan, while retries go out between scans.
void render_delivery(std::ostream& out, const DeliveryTotals& delivery) {
  family(out, "assay_outbox_depth", "gauge",
         "Messages waiting in the delivery outboxes of the state stores.");
  out << "assay_outbox_depth " << delivery.depth << '\n';
  family(out, "assay_webhook_deliveries_total", "counter",
         "Webhook delivery attempts by result, and messages given up (result=\"dead\").");
  for (const char* result : state::kDeliveryResults) {
    auto it = delivery.results.find(result);
    out << "assay_webhook_deliveries_total{result=\"" << result << "\"} "
        << (it == delivery.results.end() ? 0 : it->second) << '\n';
  }
}

}  // namespace

std::string escape_label_value(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

void ServiceMetrics::record_scan(const std::string& repository, const ScanSummary& summary) {
  std::lock_guard lock(mutex_);
  Repository& r = repositories_[repository];
  ++r.scans_by_status[summary.status];
  for (const auto& [plugin, count] : summary.plugin_failures)
    r.plugin_failures[plugin] += static_cast<uint64_t>(count);
}

const std::set<std::string>& ServiceMetrics::family_names() {
  static const std::set<std::string> names = {"assay_scans_total",
                                              "assay_plugin_failures_total",
                                              "assay_scans_running",
                                              "assay_scans_pending",
                                              "assay_bus_events_published_total",
                                              "assay_bus_events_dropped_total",
                                              "assay_config_reloads_total",
                                              "assay_outbox_depth",
                                              "assay_webhook_deliveries_total"};
  return names;
}

void ServiceMetrics::record_reload(bool applied) {
  std::lock_guard lock(mutex_);
  ++(applied ? reloads_applied_ : reloads_refused_);
}

std::string ServiceMetrics::render(const ServiceGauges& gauges) const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  family(out, "assay_scans_total", "counter", "Scans the service ran, by repository and result.");
  for (const auto& [repo, r] : repositories_)
    for (const auto& [status, count] : r.scans_by_status)
      out << "assay_scans_total{" << repo_label(repo) << ",status=\"" << status << "\"} " << count << '\n';
  family(out, "assay_plugin_failures_total", "counter", "Plugin runs that failed, by repository and plugin.");
  for (const auto& [repo, r] : repositories_)
    for (const auto& [plugin, count] : r.plugin_failures)
      out << "assay_plugin_failures_total{" << repo_label(repo) << ",plugin=\"" << escape_label_value(plugin)
          << "\"} " << count << '\n';
  family(out, "assay_scans_running", "gauge", "Scans running now.");
  out << "assay_scans_running " << gauges.scans_running << '\n';
  family(out, "assay_scans_pending", "gauge",
         "Repositories with a scan waiting (coalesced requests count once).");
  out << "assay_scans_pending " << gauges.scans_pending << '\n';
  family(out, "assay_bus_events_published_total", "counter", "Events published on the bus.");
  out << "assay_bus_events_published_total " << gauges.events_published << '\n';
  family(out, "assay_bus_events_dropped_total", "counter",
         "Event deliveries dropped because a subscriber's queue was full.");
  out << "assay_bus_events_dropped_total " << gauges.events_dropped << '\n';
  family(out, "assay_config_reloads_total", "counter", "Configuration reloads (SIGHUP), by result.");
  out << "assay_config_reloads_total{result=\"applied\"} " << reloads_applied_ << '\n';
  out << "assay_config_reloads_total{result=\"refused\"} " << reloads_refused_ << '\n';
  render_delivery(out, gauges.delivery);
  return out.str();
}

}  // namespace assay::serve
