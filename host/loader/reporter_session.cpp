#include "loader/reporter_session.h"

#include "loader/host_binding.h"
#include "loader/loaded_plugin.h"
#include "loader/plugin_call.h"

namespace assay::loader {

OpenResult<ReporterSession> ReporterSession::begin(const LoadedPlugin& plugin, const std::string& config_json,
                                                   const assay_report& report) {
  const assay_plugin& d = plugin.descriptor();
  if (!d.reporter_begin) return {nullptr, "plugin '" + plugin.info().name + "' is not a reporter"};
  assay_instance* instance = nullptr;
  assay_status status = ASSAY_OK;
  plugin.binding().clear_error();
  std::string thrown = call_plugin("reporter_begin", [&] {
    status = d.reporter_begin(plugin.host_api(), config_json.c_str(), &report, &instance);
  });
  if (!thrown.empty()) return {nullptr, thrown};
  if (status != ASSAY_OK) {
    return {nullptr, "reporter_begin failed: " + failure_reason(plugin, nullptr, status)};
  }
  if (!instance) return {nullptr, "reporter_begin returned ASSAY_OK but no instance"};
  return {std::unique_ptr<ReporterSession>(new ReporterSession(plugin, instance)), {}};
}

ReporterSession::ReporterSession(const LoadedPlugin& plugin, assay_instance* instance)
    : plugin_(plugin), instance_(instance) {}

ReporterSession::~ReporterSession() {
  auto close = plugin_.descriptor().reporter_close;
  std::string thrown = call_plugin("reporter_close", [&] { close(instance_); });
  if (!thrown.empty()) plugin_.binding().log(ASSAY_LOG_ERROR, thrown);
}

template <class Call>
assay_status ReporterSession::guarded(const char* function, Call&& call) {
  error_.clear();
  assay_status status = ASSAY_OK;
  plugin_.binding().clear_error();
  std::string thrown = call_plugin(function, [&] { status = call(); });
  if (!thrown.empty()) {
    error_ = thrown;
    return ASSAY_ERROR;
  }
  if (status != ASSAY_OK)
    error_ = std::string(function) + " failed: " + failure_reason(plugin_, instance_, status);
  return status;
}

assay_status ReporterSession::item(const assay_item& item) {
  auto item_fn = plugin_.descriptor().reporter_item;
  return guarded("reporter_item", [&] { return item_fn(instance_, &item); });
}

assay_status ReporterSession::end() {
  auto end_fn = plugin_.descriptor().reporter_end;
  return guarded("reporter_end", [&] { return end_fn(instance_); });
}

}  // namespace assay::loader
