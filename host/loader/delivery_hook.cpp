#include "loader/delivery_hook.h"

#include <exception>

namespace assay::loader {

void DeliveryHook::set(Handler handler) {
  std::lock_guard lock(mutex_);
  if (handler)
    handlers_[std::this_thread::get_id()] = std::move(handler);
  else
    handlers_.erase(std::this_thread::get_id());
}

void DeliveryHook::clear() { set(nullptr); }

assay_status DeliveryHook::deliver(const std::string& plugin, const assay_delivery& message,
                                   std::string& error) const {
  Handler handler;
  {
    std::lock_guard lock(mutex_);
    auto it = handlers_.find(std::this_thread::get_id());
    if (it != handlers_.end()) handler = it->second;
  }
  if (!handler) {
    error = "this host keeps no outbox here (deliver works during a report, on the reporter's thread, "
            "with state.enabled: true)";
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
