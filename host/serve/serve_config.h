// The service sections of the configuration (docs/configuration.md,
// "Service mode"): `repositories`, `service` and `bus`. The JSON Schema in
// serve_schema.h checks their shape; read_serve_config checks what a schema
// cannot (durations, cron expressions, paths, addresses, scanner names) and
// turns them into values.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/diagnostic.h"
#include "serve/cron_expression.h"

namespace assay::config {
class Config;
}

namespace assay::serve {

// One `schedule:` entry of a repository: every N, or at cron times.
struct ScheduleEntry {
  std::optional<std::chrono::milliseconds> every;  // set for `every:`
  std::optional<CronExpression> cron;              // set for `cron:`
  std::string text;                                // as written, for logs: "every 1h", "cron 0 2 * * *"
  // Scanner plugins to run; nullopt = all enabled scanners (`scanners: all`).
  std::optional<std::vector<std::string>> scanners;
};

struct RepositoryConfig {
  std::filesystem::path path;  // absolute
  bool watch = false;
  std::string branch;  // watched and scanned branch; "" = the checked-out one
  std::chrono::milliseconds debounce{2000};
  std::vector<ScheduleEntry> schedule;
};

struct ServiceSettings {
  std::string http_host;  // "" = no HTTP listener
  unsigned short http_port = 0;
  int max_concurrent_scans = 2;
  std::chrono::milliseconds stop_timeout{10000};
  std::chrono::milliseconds watch_interval{2000};
};

struct BusSettings {
  std::string publish;   // external PUB endpoint, "" = none
  std::string snapshot;  // snapshot ROUTER endpoint, "" = none
  int send_hwm = 10000;
  std::string curve_public_key;  // Z85, 40 characters; both or neither
  std::string curve_secret_key;
};

struct ServeConfig {
  std::vector<RepositoryConfig> repositories;
  ServiceSettings service;
  BusSettings bus;
};

// Reads the service sections of `config`. Every problem is appended to
// `diagnostics` with the file, line and field; `scanner_names` are the
// scanner plugins that exist (a schedule may only name those). Relative
// repository paths are taken from the configuration file's directory.
ServeConfig read_serve_config(const config::Config& config, const std::vector<std::string>& scanner_names,
                              std::vector<config::Diagnostic>& diagnostics);

// True for an endpoint only this machine can reach: ipc://, inproc://, or
// tcp:// on 127.0.0.0/8, ::1 or localhost.
bool is_local_endpoint(const std::string& endpoint);

}  // namespace assay::serve
