#include "loader/scanner_session.h"

#include "loader/host_binding.h"
#include "loader/loaded_plugin.h"
#include "loader/plugin_call.h"

namespace assay::loader {

OpenResult<ScannerSession> ScannerSession::open(const LoadedPlugin& plugin, const std::string& config_json) {
  const assay_plugin& d = plugin.descriptor();
  if (!d.scanner_open) return {nullptr, "plugin '" + plugin.info().name + "' is not a scanner"};
  assay_instance* instance = nullptr;
  assay_status status = ASSAY_OK;
  plugin.binding().clear_error();
  std::string thrown = call_plugin(
      "scanner_open", [&] { status = d.scanner_open(plugin.host_api(), config_json.c_str(), &instance); });
  if (!thrown.empty()) return {nullptr, thrown};
  if (status != ASSAY_OK) return {nullptr, "scanner_open failed: " + failure_reason(plugin, nullptr, status)};
  if (!instance) return {nullptr, "scanner_open returned ASSAY_OK but no instance"};
  return {std::unique_ptr<ScannerSession>(new ScannerSession(plugin, instance)), {}};
}

ScannerSession::ScannerSession(const LoadedPlugin& plugin, assay_instance* instance)
    : plugin_(plugin), instance_(instance) {}

ScannerSession::~ScannerSession() {
  auto close = plugin_.descriptor().scanner_close;
  std::string thrown = call_plugin("scanner_close", [&] { close(instance_); });
  if (!thrown.empty()) plugin_.binding().log(ASSAY_LOG_ERROR, thrown);
}

assay_status ScannerSession::scan(const assay_scan* scan) {
  error_.clear();
  assay_status status = ASSAY_OK;
  plugin_.binding().clear_error();
  auto scan_fn = plugin_.descriptor().scanner_scan;
  std::string thrown = call_plugin("scanner_scan", [&] { status = scan_fn(instance_, scan); });
  if (!thrown.empty()) {
    error_ = thrown;
    return ASSAY_ERROR;
  }
  if (status != ASSAY_OK && status != ASSAY_CANCELLED) {
    error_ = "scanner_scan failed: " + failure_reason(plugin_, instance_, status);
  }
  return status;
}

}  // namespace assay::loader
