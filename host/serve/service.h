// `assay serve`: scans several repositories on their schedules and on new
// commits, on one Boost.Asio event loop.
//
// Threads: the event loop owns every decision (timers, signals, the HTTP
// listener, ScanSlots); each scan runs ScanRunner on a thread of its own and
// posts its result back to the loop; the bus thread (BusResponder) answers
// health pings and snapshot requests; the outbox driver's thread sends the
// stores' delivery outboxes (OutboxDriver), woken after each scan.
//
// Signals: SIGHUP reloads the configuration through the ConfigLoader: a
// valid one replaces schedules, watches and the concurrency limit while
// running scans go on with the configuration they started with; an invalid
// one is logged and refused. SIGTERM or SIGINT cancel the running scans
// through their cancellation flags, wait at most service.stop_timeout for
// them to commit their state and end, stop the outbox driver (an attempt in
// flight is given up within about a second and stays pending), close the
// listener and the bus sockets (linger 0) and return.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "config/diagnostic.h"
#include "serve/serve_config.h"

namespace assay::config {
class Config;
}
namespace assay::loader {
class PluginLoader;
}

namespace assay::serve {

struct ServiceConfig {
  std::shared_ptr<const config::Config> config;
  ServeConfig serve;
};

// Loads and validates the configuration file again (for SIGHUP): nullopt
// with every problem in `diagnostics` when it is not valid.
using ConfigLoader =
    std::function<std::optional<ServiceConfig>(std::vector<config::Diagnostic>& diagnostics)>;

class Service {
 public:
  Service(const loader::PluginLoader& loader, ServiceConfig initial, ConfigLoader reload);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Runs until SIGTERM or SIGINT. Returns 0 after a stop within the bound.
  // Throws std::runtime_error when an endpoint cannot be bound at start.
  int run();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace assay::serve
