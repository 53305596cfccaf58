// One instance of a scanner plugin, from scanner_open to scanner_close.
// Every call into the plugin is guarded: failures and exceptions become an
// error string, never an exception in the host.
#pragma once

#include <assay/plugin.h>

#include <string>

#include "loader/open_result.h"

namespace assay::loader {

class LoadedPlugin;

class ScannerSession {
 public:
  // Calls scanner_open with the plugin's configuration section (JSON object
  // text). Fails with e.g. "scanner_open failed: database missing", or when
  // the plugin is not a scanner. The plugin must outlive the session.
  static OpenResult<ScannerSession> open(const LoadedPlugin& plugin, const std::string& config_json);

  // Calls scanner_close.
  ~ScannerSession();
  ScannerSession(const ScannerSession&) = delete;
  ScannerSession& operator=(const ScannerSession&) = delete;

  // Calls scanner_scan. Returns the plugin's status, or ASSAY_ERROR when it
  // threw. error() explains any status other than OK and CANCELLED.
  assay_status scan(const assay_scan* scan);

  // Why the last call failed, e.g. "scanner_scan failed: scan exploded" or
  // "scanner_scan threw: boom"; empty after a successful call.
  const std::string& error() const { return error_; }
  const LoadedPlugin& plugin() const { return plugin_; }

 private:
  ScannerSession(const LoadedPlugin& plugin, assay_instance* instance);

  const LoadedPlugin& plugin_;
  assay_instance* instance_;
  std::string error_;
};

}  // namespace assay::loader
