#include "serve/service.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <zmq.hpp>

#include "bus/bus.h"
#include "bus/envelope.h"
#include "bus/event_publisher.h"
#include "config/config.h"
#include "loader/plugin_loader.h"
#include "log/log.h"
#include "scan/scan_runner.h"
#include "scan/state_settings.h"
#include "serve/backlog_snapshot.h"
#include "serve/branch_tip.h"
#include "serve/bus_responder.h"
#include "serve/exposition_merge.h"
#include "serve/health_check.h"
#include "serve/http_server.h"
#include "serve/metrics_textfile.h"
#include "serve/outbox_driver.h"
#include "serve/scan_slots.h"
#include "serve/scan_summary.h"
#include "serve/service_metrics.h"

namespace assay::serve {
namespace {

using Timer = boost::asio::steady_timer;
using std::chrono::milliseconds;

void info(const std::string& message) { log::write(log::Level::info, "serve", message); }
void warn(const std::string& message) { log::write(log::Level::warn, "serve", message); }
void error(const std::string& message) { log::write(log::Level::error, "serve", message); }

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A scan in progress: its thread, its cancellation flag, and the
// configuration it started with (a reload never changes a running scan).
struct InFlight {
  std::thread thread;
  std::shared_ptr<std::atomic<bool>> cancel;
  std::shared_ptr<const config::Config> config;
};

// What the loop keeps per configured repository besides its settings.
struct RepositoryTimers {
  std::vector<std::unique_ptr<Timer>> schedule;
  std::unique_ptr<Timer> debounce;
  std::string last_tip;        // the watched branch's commit at the last poll
  std::string pending_commit;  // a new commit waiting out its debounce period, or ""
};

// The reporters of a service scan: the configured formats that are enabled,
// and the metrics reporter whenever it is loaded and enabled, since
// GET /metrics serves its textfiles.
std::vector<std::string> service_formats(const config::Config& config, const loader::PluginLoader& loader) {
  std::vector<std::string> formats;
  for (const auto& format : config.report_formats())
    if (config.plugin_enabled(scan::reporter_names({format}).front())) formats.push_back(format);
  bool metrics_loaded = false;
  for (const auto& plugin : loader.plugins())
    metrics_loaded |= plugin->info().name == "metrics" && plugin->info().kind == ASSAY_KIND_REPORTER;
  if (metrics_loaded && config.plugin_enabled("metrics") &&
      std::find(formats.begin(), formats.end(), "metrics") == formats.end())
    formats.push_back("metrics");
  return formats;
}

}  // namespace

struct Service::Impl {
  Impl(const loader::PluginLoader& l, ServiceConfig initial, ConfigLoader r)
      : loader(l),
        current(std::move(initial)),
        reload_config(std::move(r)),
        signals(io, SIGHUP, SIGTERM, SIGINT),
        watch_timer(io),
        stop_timer(io),
        slots(current.serve.service.max_concurrent_scans) {}

  int run();
  void start_endpoints();
  void wait_for_signal();
  void on_signal(int signal);

  void arm_all();
  void disarm_all();
  void arm_schedule(const RepositoryConfig& repo, size_t index);
  void poll_watched();
  void on_commit(const RepositoryConfig& repo, const std::string& tip);

  void request_scan(const std::string& repository, const ScanRequest& request);
  void start_scan(const std::string& repository, const ScanRequest& request);
  void on_scan_done(const std::string& repository, const ScanSummary& summary);

  void reload();
  void stop();

  const RepositoryConfig* find_repository(const std::string& path) const;
  std::vector<std::filesystem::path> store_files() const;
  HttpResponse handle_http(const HttpRequest& request);
  nlohmann::json snapshot(const std::string& repository);

  const loader::PluginLoader& loader;
  ServiceConfig current;
  ConfigLoader reload_config;

  boost::asio::io_context io;
  boost::asio::signal_set signals;
  Timer watch_timer;
  Timer stop_timer;
  std::map<std::string, RepositoryTimers> timers;
  ScanSlots slots;
  std::map<std::string, InFlight> in_flight;
  ServiceMetrics metrics;
  bool stopping = false;

  std::unique_ptr<bus::Bus> bus;
  std::unique_ptr<bus::EventPublisher> events;
  std::unique_ptr<BusResponder> responder;
  std::unique_ptr<HttpServer> http;
  std::unique_ptr<OutboxDriver> outbox;

  // Store files by repository for the bus thread's snapshots.
  std::mutex stores_mutex;
  std::map<std::string, std::filesystem::path> stores;
};

// --- start and endpoints ---------------------------------------------------

void Service::Impl::start_endpoints() {
  const BusSettings& b = current.serve.bus;
  bus = std::make_unique<bus::Bus>();
  std::vector<std::string> endpoints = {std::string(bus::kDefaultEventEndpoint)};
  bus::PublisherOptions options;
  options.send_hwm = b.send_hwm;
  options.curve_secret_key = b.curve_secret_key;
  events =
      std::make_unique<bus::EventPublisher>(bus->context(), endpoints, bus::default_producer_id(), options);
  if (!b.publish.empty()) {
    events->bind(b.publish);
    info("events published on " + events->endpoints().back() + " (producer " + events->producer() +
         ", epoch " + std::to_string(events->epoch()) + ")");
  }
  responder =
      std::make_unique<BusResponder>(bus->context(), b.snapshot, b.curve_secret_key,
                                     [this](const std::string& repository) { return snapshot(repository); });
  if (!b.snapshot.empty()) info("snapshots answered on " + responder->snapshot_endpoint());
  const ServiceSettings& s = current.serve.service;
  if (!s.http_host.empty()) {
    http = std::make_unique<HttpServer>(io, s.http_host, s.http_port,
                                        [this](const HttpRequest& request) { return handle_http(request); });
    info("http listening on " + s.http_host + ":" + std::to_string(http->port()) + " (/metrics, /healthz)");
    if (!boost::asio::ip::make_address(s.http_host).is_loopback())
      warn("the http listener is reachable from other machines (" + s.http_host + ")");
  }
}

int Service::Impl::run() {
  start_endpoints();
  {
    std::lock_guard lock(stores_mutex);
    for (const auto& repo : current.serve.repositories)
      stores[repo.path.string()] = scan::store_path(scan::state_settings(*current.config), repo.path);
  }
  outbox = std::make_unique<OutboxDriver>(scan::state_settings(*current.config).busy_timeout_ms);
  outbox->set_stores(store_files());
  outbox->start();
  arm_all();
  wait_for_signal();
  info("serving " + std::to_string(current.serve.repositories.size()) + " repositories, at most " +
       std::to_string(current.serve.service.max_concurrent_scans) + " scans at once");
  io.run();
  // Every scan has ended (stop() waits for them), so nothing uses the bus now.
  // The driver was asked to stop with them; an attempt in flight is given up
  // within about a second, its message left pending in its store.
  outbox->stop();
  if (http) http->close();
  bus->shutdown();
  responder.reset();
  events.reset();
  bus.reset();
  info("stopped");
  return 0;
}

void Service::Impl::wait_for_signal() {
  signals.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    on_signal(signal);
    wait_for_signal();
  });
}

void Service::Impl::on_signal(int signal) {
  if (signal == SIGHUP) return reload();
  if (stopping) {
    warn("already stopping; waiting for the running scans to end");
    return;
  }
  info(std::string("received ") + (signal == SIGTERM ? "SIGTERM" : "SIGINT") + ": stopping");
  stop();
}

// --- schedules and watches ---------------------------------------------------

void Service::Impl::arm_all() {
  for (const auto& repo : current.serve.repositories) {
    RepositoryTimers& t = timers[repo.path.string()];
    for (size_t i = 0; i < repo.schedule.size(); ++i) {
      t.schedule.push_back(std::make_unique<Timer>(io));
      arm_schedule(repo, i);
    }
    if (repo.watch && !t.debounce) t.debounce = std::make_unique<Timer>(io);
  }
  poll_watched();
}

void Service::Impl::disarm_all() {
  for (auto& [path, t] : timers) {
    for (auto& timer : t.schedule) timer->cancel();
    t.schedule.clear();
    if (t.debounce) t.debounce->cancel();
  }
  watch_timer.cancel();
}

void Service::Impl::arm_schedule(const RepositoryConfig& repo, size_t index) {
  const ScheduleEntry& entry = repo.schedule[index];
  milliseconds delay{0};
  if (entry.every) {
    delay = *entry.every;
  } else {
    auto now = std::chrono::system_clock::now();
    auto next = entry.cron->next_after(unix_now());
    if (!next) return;  // validated to fire; a clock beyond the horizon ends it
    delay = std::chrono::duration_cast<milliseconds>(std::chrono::system_clock::from_time_t(*next) - now);
  }
  Timer& timer = *timers[repo.path.string()].schedule[index];
  timer.expires_after(delay);
  // The timer belongs to this configuration: a reload cancels it (aborted)
  // before the settings it refers to go away.
  timer.async_wait([this, &repo, index](const boost::system::error_code& ec) {
    if (ec || stopping) return;
    const ScheduleEntry& fired = repo.schedule[index];
    request_scan(repo.path.string(), {fired.text, fired.scanners, std::nullopt});
    arm_schedule(repo, index);
  });
}

void Service::Impl::poll_watched() {
  for (const auto& repo : current.serve.repositories) {
    if (!repo.watch) continue;
    std::string why;
    auto tip = branch_tip(repo.path, repo.branch, why);
    RepositoryTimers& t = timers[repo.path.string()];
    if (!tip) {
      log::write(log::Level::debug, "serve", "watch: " + why);
      continue;
    }
    if (t.last_tip.empty()) {
      t.last_tip = *tip;  // the commit at start is not news
    } else if (*tip != t.last_tip) {
      t.last_tip = *tip;
      on_commit(repo, *tip);
    }
  }
  watch_timer.expires_after(current.serve.service.watch_interval);
  watch_timer.async_wait([this](const boost::system::error_code& ec) {
    if (!ec && !stopping) poll_watched();
  });
}

void Service::Impl::on_commit(const RepositoryConfig& repo, const std::string& tip) {
  info("new commit " + tip.substr(0, 12) + " on " + (repo.branch.empty() ? "HEAD" : repo.branch) + " of " +
       repo.path.string() + "; scanning after " + std::to_string(repo.debounce.count()) + " ms of quiet");
  RepositoryTimers& t = timers[repo.path.string()];
  t.pending_commit = tip;
  // Each new commit restarts the quiet period, so a burst of pushes is one scan.
  t.debounce->expires_after(repo.debounce);
  t.debounce->async_wait([this, &repo, tip](const boost::system::error_code& ec) {
    if (ec || stopping) return;
    timers[repo.path.string()].pending_commit.clear();
    request_scan(repo.path.string(), {"commit " + tip.substr(0, 12), std::nullopt, tip});
  });
}

// --- scans ---------------------------------------------------------------

void Service::Impl::request_scan(const std::string& repository, const ScanRequest& request) {
  switch (slots.request(repository, request)) {
    case Admission::start:
      return start_scan(repository, request);
    case Admission::queued:
      info("scan of " + repository + " (" + request.reason + ") waits for a free slot");
      return;
    case Admission::coalesced:
      info("scan of " + repository + " (" + request.reason + ") coalesced into its pending scan");
      return;
  }
}

void Service::Impl::start_scan(const std::string& repository, const ScanRequest& request) {
  const RepositoryConfig* repo = find_repository(repository);
  if (!repo) {  // left the configuration while it waited
    for (auto& [next, next_request] : slots.finish(repository)) start_scan(next, next_request);
    return;
  }
  scan::ScanOptions options;
  options.path = repo->path;
  options.rev = request.rev;
  if (!options.rev && !repo->branch.empty()) options.rev = repo->branch;
  options.scanners = request.scanners;
  options.formats = service_formats(*current.config, loader);
  options.send_outbox = false;  // the outbox driver sends, after the scan and between scans
  options.service_header = [this] {
    return nlohmann::json{{"bus", {{"published", events->published()}, {"dropped", events->dropped()}}}}
        .dump();
  };
  InFlight& flight = in_flight[repository];
  flight.cancel = std::make_shared<std::atomic<bool>>(false);
  flight.config = current.config;
  info("scan of " + repository + " started (" + request.reason + ")");
  flight.thread = std::thread([this, repository, options, cancel = flight.cancel, config = flight.config] {
    auto started = std::chrono::steady_clock::now();
    ScanSummary summary;
    try {
      scan::ScanRunner runner(*config, loader, *bus, *events);
      scan::ScanOutcome outcome = runner.run(options, *cancel);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      summary = summarize(outcome, cancel->load(), seconds);
    } catch (const std::exception& e) {
      error("scan of " + repository + " failed: " + e.what());
      summary.status = "failed";
      summary.duration_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
    boost::asio::post(io, [this, repository, summary] { on_scan_done(repository, summary); });
  });
}

void Service::Impl::on_scan_done(const std::string& repository, const ScanSummary& summary) {
  auto it = in_flight.find(repository);
  if (it != in_flight.end()) {
    it->second.thread.join();
    in_flight.erase(it);
  }
  metrics.record_scan(repository, summary);
  outbox->wake();  // the scan's reporters may have queued messages
  info("scan of " + repository + " ended: " + summary.status + ", " + std::to_string(summary.items) +
       " items, " + std::to_string(static_cast<int64_t>(summary.duration_seconds * 1000)) + " ms");
  if (stopping) {
    if (in_flight.empty()) {
      stop_timer.cancel();
      io.stop();
    }
    return;
  }
  for (auto& [next, request] : slots.finish(repository)) start_scan(next, request);
}

// --- reload and stop -----------------------------------------------------

void Service::Impl::reload() {
  info("SIGHUP: reloading the configuration");
  std::vector<config::Diagnostic> diagnostics;
  std::optional<ServiceConfig> loaded;
  try {
    loaded = reload_config(diagnostics);
  } catch (const std::exception& e) {
    diagnostics.push_back({"", 0, 0, e.what()});
  }
  if (!loaded) {
    for (const auto& d : diagnostics) error(d.to_string());
    error("configuration reload refused (" + std::to_string(diagnostics.size()) +
          " problems); the running configuration stays in force");
    metrics.record_reload(false);
    return;
  }
  const ServeConfig& next = loaded->serve;
  if (next.bus.publish != current.serve.bus.publish || next.bus.snapshot != current.serve.bus.snapshot ||
      next.service.http_host != current.serve.service.http_host ||
      next.service.http_port != current.serve.service.http_port)
    warn("bus and http endpoints change only on restart; the bound ones stay");
  disarm_all();
  std::map<std::string, RepositoryTimers> kept;
  for (const auto& repo : next.repositories) {
    auto old = timers.find(repo.path.string());
    if (old == timers.end()) continue;
    kept[repo.path.string()].last_tip = old->second.last_tip;
    kept[repo.path.string()].pending_commit = old->second.pending_commit;
  }
  for (const auto& repo : current.serve.repositories)
    if (!kept.count(repo.path.string())) slots.forget_pending(repo.path.string());
  // The old timers' handlers have been cancelled but may still be queued;
  // they hold references into the old configuration, so it is kept until
  // they have run (they see operation_aborted and return).
  auto retired = std::make_shared<ServiceConfig>(std::move(current));
  auto retired_timers = std::make_shared<std::map<std::string, RepositoryTimers>>(std::move(timers));
  boost::asio::post(io, [retired, retired_timers] {});
  current = std::move(*loaded);
  timers = std::move(kept);
  {
    std::lock_guard lock(stores_mutex);
    stores.clear();
    for (const auto& repo : current.serve.repositories)
      stores[repo.path.string()] = scan::store_path(scan::state_settings(*current.config), repo.path);
  }
  outbox->set_stores(store_files());
  arm_all();
  // A commit that was waiting out its debounce period is not lost with the
  // old timers: its wait starts again under the new settings.
  for (const auto& repo : current.serve.repositories) {
    const std::string pending = timers[repo.path.string()].pending_commit;
    if (repo.watch && !pending.empty()) on_commit(repo, pending);
  }
  for (auto& [repository, request] : slots.set_limit(current.serve.service.max_concurrent_scans))
    start_scan(repository, request);
  metrics.record_reload(true);
  info("configuration reloaded: " + std::to_string(current.serve.repositories.size()) + " repositories, " +
       std::to_string(in_flight.size()) + " scans kept running");
}

void Service::Impl::stop() {
  stopping = true;
  disarm_all();
  outbox->request_stop();
  if (http) http->close();
  for (auto& [repository, flight] : in_flight) flight.cancel->store(true);
  if (in_flight.empty()) {
    io.stop();
    return;
  }
  const auto bound = current.serve.service.stop_timeout;
  info("cancelling " + std::to_string(in_flight.size()) + " running scans; waiting at most " +
       std::to_string(bound.count()) + " ms");
  stop_timer.expires_after(bound);
  stop_timer.async_wait([this, bound](const boost::system::error_code& ec) {
    if (ec) return;
    // The scans' threads still use the bus and the stores: returning would
    // destroy what they use. Each store commit is one transaction, so ending
    // the process now leaves every store as its last commit left it.
    error(std::to_string(in_flight.size()) + " scans did not stop within " + std::to_string(bound.count()) +
          " ms; exiting without waiting for them");
    std::_Exit(1);
  });
}

// --- endpoints' answers ----------------------------------------------------

const RepositoryConfig* Service::Impl::find_repository(const std::string& path) const {
  for (const auto& repo : current.serve.repositories)
    if (repo.path.string() == path) return &repo;
  return nullptr;
}

std::vector<std::filesystem::path> Service::Impl::store_files() const {
  std::vector<std::filesystem::path> files;
  auto settings = scan::state_settings(*current.config);
  if (!settings.enabled) return files;
  for (const auto& repo : current.serve.repositories) files.push_back(scan::store_path(settings, repo.path));
  return files;
}

HttpResponse Service::Impl::handle_http(const HttpRequest& request) {
  const std::string path = request.path();
  if (path == "/metrics") {
    ServiceGauges gauges{events->published(), events->dropped(), slots.running(), slots.pending(),
                         outbox->totals()};
    std::vector<std::string> texts;
    for (const auto& repo : current.serve.repositories) {
      std::ifstream in(metrics_textfile(*current.config, repo.path));
      std::stringstream text;
      text << in.rdbuf();
      texts.push_back(text.str());
    }
    // The textfiles carry the bus and outbox counters as they were when each
    // was written; the host's own families have the live values.
    return {200, "text/plain; version=0.0.4; charset=utf-8",
            metrics.render(gauges) + merge_expositions(texts, ServiceMetrics::family_names())};
  }
  if (path == "/healthz") {
    HealthReport report = check_health(bus->context(), store_files());
    return {report.healthy ? 200 : 503, "application/json", report.json + "\n"};
  }
  return {404, "text/plain; charset=utf-8", "not found; try /metrics or /healthz\n"};
}

nlohmann::json Service::Impl::snapshot(const std::string& repository) {
  std::error_code ec;
  std::string path = std::filesystem::weakly_canonical(repository, ec).string();
  std::filesystem::path store;
  {
    std::lock_guard lock(stores_mutex);
    auto it = stores.find(path);
    if (it == stores.end())
      return {{"repository", repository}, {"error", "not a repository this service scans"}};
    store = it->second;
  }
  nlohmann::json reply = backlog_snapshot(path, store);
  reply["producer"] = events->producer();
  reply["epoch"] = events->epoch();
  reply["seq"] = events->published();
  return reply;
}

// --- Service -------------------------------------------------------------

Service::Service(const loader::PluginLoader& loader, ServiceConfig initial, ConfigLoader reload)
    : impl_(std::make_unique<Impl>(loader, std::move(initial), std::move(reload))) {}

Service::~Service() = default;

int Service::run() { return impl_->run(); }

}  // namespace assay::serve
