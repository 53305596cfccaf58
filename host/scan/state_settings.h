// The `state` section of the configuration (docs/configuration.md) and where
// the store of a scan lives.
#pragma once

#include <filesystem>
#include <string>

#include "state/state_store.h"

namespace assay::config {
class Config;
}

namespace assay::scan {

struct StateSettings {
  bool enabled = true;
  std::string path;                  // as configured; "" = PATH/.assay/state.db
  std::filesystem::path config_dir;  // base of a relative path; empty = the working directory
  int busy_timeout_ms = 10000;
  int period_days = 7;
  state::Retention retention;
  // How long `assay scan` keeps sending queued messages after the reports
  // (delivery.wait_seconds); what is not sent by then waits for the next run.
  int delivery_wait_seconds = 30;
};

// Reads the section. Throws std::invalid_argument naming the field for what
// the schema cannot express: retention.summary_days below detail_days, or
// period_days above retention.detail_days (the events the statistics count
// would already be pruned).
StateSettings state_settings(const config::Config& config);

// The store file for a scan of `scan_path` (absolute): state.path, made
// absolute against the configuration file's directory, or
// `scan_path`/.assay/state.db.
std::filesystem::path store_path(const StateSettings& settings, const std::filesystem::path& scan_path);

}  // namespace assay::scan
