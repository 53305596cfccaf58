// The host side of one plugin's assay_host_api table: the context behind the
// opaque assay_host pointer and the functions the loader itself implements
// (log, set_error, alloc, free). The scan functions are supplied by the scan
// orchestrator and copied into every table.
#pragma once

#include <assay/plugin.h>

#include <memory>
#include <mutex>
#include <string>

#include "loader/delivery_hook.h"
#include "loader/log_callback.h"

// Opaque to plugins (declared in plugin.h): the context of one loaded plugin.
struct assay_host {
  mutable std::mutex mutex;                               // guards label and error
  std::string label;                                      // plugin name, or file name during init
  std::string error;                                      // last set_error message
  std::shared_ptr<const assay::loader::LogCallback> log;  // never null
  std::shared_ptr<const assay::loader::DeliveryHook> delivery;  // null: deliver is unsupported
};

namespace assay::loader {

// Copies a NUL-terminated message of unknown length, keeping at most
// ASSAY_MAX_ERROR - 1 bytes and never cutting a UTF-8 sequence in half.
// NULL gives "".
std::string bounded_message(const char* message);

class HostBinding {
 public:
  // `scan_functions` supplies file_count … cache_put (all but log, set_error,
  // alloc, free and deliver); NULL entries are
  // replaced by functions that answer ASSAY_UNSUPPORTED (or 0 / ""), so a
  // host that never scans (e.g. `plugins list`) can pass an empty table.
  // `label` names the plugin in log lines until rename(). `delivery` serves
  // the deliver function; null makes it answer ASSAY_UNSUPPORTED.
  HostBinding(const assay_host_api& scan_functions, std::string label,
              std::shared_ptr<const LogCallback> log,
              std::shared_ptr<const DeliveryHook> delivery = nullptr);
  HostBinding(const HostBinding&) = delete;
  HostBinding& operator=(const HostBinding&) = delete;

  // The table handed to the plugin; its address is stable for the binding's life.
  const assay_host_api* api() const { return &api_; }

  // Names the plugin in later log lines (once its name is known).
  void rename(const std::string& plugin_name);
  std::string label() const;

  // The message of the plugin's last set_error, cleared by the read.
  std::string take_error();
  void clear_error();

  // Logs under the plugin's name, as the plugin's own host->log would.
  void log(assay_log_level level, const std::string& message);

 private:
  assay_host host_;
  assay_host_api api_{};
};

}  // namespace assay::loader
