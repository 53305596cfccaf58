#include "loader/delivery_hook.h"

#include <exception>

namespace assay::loader {

void DeliveryHook::set(Handler handler) {
  std::lock_guard lock(mutex_);
  handler_ = std::move(handler);
}

void DeliveryHook::clear() {
  std::lock_guard lock(mutex_);
  handler_ = nullptr;
}

assay_status DeliveryHook::deliver(const std::string& plugin, const assay_delivery& message,
                                   std::string& error) const {
  Handler handler;
  {
    std::lock_guard lock(mutex_);
    handler = handler_;
  }
  if (!handler) {
    error = "this host keeps no outbox here (deliver works during a report, with state.enabled: true)";
    return ASSAY_UNSUPPORTED;
  }
  try {
    return handler(plugin, message, error);
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown error while queueing the message";
  }
  return ASSAY_ERROR;
}

}  // namespace assay::loader
