// One report by a reporter plugin: reporter_begin, reporter_item for every
// backlog item, reporter_end, and reporter_close (always, also after a
// failure). Every call is guarded like ScannerSession's.
#pragma once

#include <assay/plugin.h>

#include <string>

#include "loader/open_result.h"

namespace assay::loader {

class LoadedPlugin;

class ReporterSession {
 public:
  // Calls reporter_begin. Fails with e.g. "reporter_begin failed: <reason>",
  // or when the plugin is not a reporter. The plugin must outlive the session.
  static OpenResult<ReporterSession> begin(const LoadedPlugin& plugin, const std::string& config_json,
                                           const assay_report& report);

  // Calls reporter_close.
  ~ReporterSession();
  ReporterSession(const ReporterSession&) = delete;
  ReporterSession& operator=(const ReporterSession&) = delete;

  // Each returns the plugin's status, or ASSAY_ERROR when it threw; error()
  // then says why.
  assay_status item(const assay_item& item);
  assay_status end();

  // Why the last call failed; empty after a successful call.
  const std::string& error() const { return error_; }
  const LoadedPlugin& plugin() const { return plugin_; }

 private:
  ReporterSession(const LoadedPlugin& plugin, assay_instance* instance);
  template <class Call>
  assay_status guarded(const char* function, Call&& call);

  const LoadedPlugin& plugin_;
  assay_instance* instance_;
  std::string error_;
};

}  // namespace assay::loader
