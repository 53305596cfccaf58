// The host API's deliver function (plugin.h, ABI 1.2) reaches the outbox of
// the scan being reported through this hook: the loader knows nothing about
// state stores, and the store differs from scan to scan. A scan sets a
// handler for its report stage and clears it afterwards. Handlers are kept
// per thread, because `assay serve` reports several scans at once through
// one loader and plugin.h has a reporter call deliver on its reporter's
// thread, which is the thread of the scan it reports. Outside a report (no
// handler on the calling thread), deliver answers ASSAY_UNSUPPORTED.
#pragma once

#include <assay/plugin.h>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace assay::loader {

class DeliveryHook {
 public:
  // Queues `message` for `plugin`; on failure returns the status and sets
  // `error` (which must not contain the endpoint's URL).
  using Handler = std::function<assay_status(const std::string& plugin, const assay_delivery& message,
                                             std::string& error)>;

  // Sets (or clears) the handler of the calling thread.
  void set(Handler handler);
  void clear();

  // Calls the calling thread's handler; ASSAY_UNSUPPORTED with a reason when
  // it has none. Thread-safe; a handler that throws gives ASSAY_ERROR with
  // its message.
  assay_status deliver(const std::string& plugin, const assay_delivery& message, std::string& error) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::thread::id, Handler> handlers_;
};

}  // namespace assay::loader
