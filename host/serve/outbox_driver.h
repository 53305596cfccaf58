// Delivery in service mode: one thread sends the outboxes of the state
// stores of every configured repository (docs/delivery.md, "Service mode").
// A scan's reporters only queue their messages; when the scan has ended the
// service wakes the driver, which sends what is due at once, then sleeps
// until the next message is due (Retry-After, backoff, or the pace of one
// attempt per second per endpoint, kept across repositories by one
// EndpointPacer), so retries go out between scans without a new scan. After
// each pass it reads every store's outbox depth and delivery counters for
// GET /metrics. A stop request abandons an attempt in flight within about a
// second (the message stays pending) and ends the thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "delivery/endpoint_pacer.h"
#include "serve/service_metrics.h"

namespace assay::state {
class StateStore;
}

namespace assay::serve {

class OutboxDriver {
 public:
  // `busy_timeout_ms` is the stores' writer wait (state.busy_timeout_ms).
  explicit OutboxDriver(int busy_timeout_ms);
  ~OutboxDriver();  // stops and joins
  OutboxDriver(const OutboxDriver&) = delete;
  OutboxDriver& operator=(const OutboxDriver&) = delete;

  // Starts the thread.
  void start();
  // The store files to send from (a reload may change them); files that do
  // not exist yet are skipped until a scan creates them. Wakes the thread.
  void set_stores(std::vector<std::filesystem::path> stores);
  // Asks for a pass now (a scan has queued messages).
  void wake();
  // Interrupts a wait or an attempt in flight (within about a second);
  // does not wait for the thread.
  void request_stop();
  // request_stop, then waits for the thread to end.
  void stop();

  // As of the last pass.
  DeliveryTotals totals() const;

 private:
  void loop();
  // Sends what is due in every store; returns when the next message is due
  // (milliseconds since 1970), or 0 when none is pending.
  int64_t pass();
  state::StateStore* store(const std::filesystem::path& path);

  int busy_timeout_ms_;
  delivery::EndpointPacer pacer_;
  std::atomic<bool> stop_{false};
  std::thread thread_;

  mutable std::mutex mutex_;  // guards what follows
  std::condition_variable wake_;
  bool woken_ = false;
  std::vector<std::filesystem::path> store_paths_;
  DeliveryTotals totals_;

  // Open stores, used by the driver's thread only.
  std::map<std::filesystem::path, std::unique_ptr<state::StateStore>> open_;
  std::set<std::filesystem::path> unopenable_;  // logged once each
};

}  // namespace assay::serve
