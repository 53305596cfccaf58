#include "loader/plugin_call.h"

#include "loader/host_binding.h"
#include "loader/loaded_plugin.h"

namespace assay::loader {
namespace {

std::string instance_error(const LoadedPlugin& plugin, assay_instance* instance) {
  auto last_error = plugin.descriptor().last_error;
  if (!instance || !last_error) return {};
  std::string text;
  std::string thrown = call_plugin("last_error", [&] { text = bounded_message(last_error(instance)); });
  return thrown.empty() ? text : thrown;
}

}  // namespace

std::string failure_reason(const LoadedPlugin& plugin, assay_instance* instance, assay_status status) {
  if (std::string reason = instance_error(plugin, instance); !reason.empty()) return reason;
  if (std::string reason = plugin.binding().take_error(); !reason.empty()) return reason;
  return "returned status " + std::to_string(static_cast<int>(status));
}

}  // namespace assay::loader
