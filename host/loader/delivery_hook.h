// The host API's deliver function (plugin.h, ABI 1.2) reaches the outbox of
// the scan being reported through this hook: the loader knows nothing about
// state stores, and the store differs from scan to scan. The scan sets a
// handler for its report stage and clears it afterwards; outside a report,
// deliver answers ASSAY_UNSUPPORTED.
#pragma once

#include <assay/plugin.h>

#include <functional>
#include <mutex>
#include <string>

namespace assay::loader {

class DeliveryHook {
 public:
  // Queues `message` for `plugin`; on failure returns the status and sets
  // `error` (which must not contain the endpoint's URL).
  using Handler = std::function<assay_status(const std::string& plugin, const assay_delivery& message,
                                             std::string& error)>;

  void set(Handler handler);
  void clear();

  // Calls the handler; ASSAY_UNSUPPORTED with a reason when none is set.
  // Thread-safe; a handler that throws gives ASSAY_ERROR with its message.
  assay_status deliver(const std::string& plugin, const assay_delivery& message, std::string& error) const;

 private:
  mutable std::mutex mutex_;
  Handler handler_;
};

}  // namespace assay::loader
