#include "serve/outbox_driver.h"

#include <algorithm>
#include <chrono>

#include "delivery/outbox_sender.h"
#include "log/log.h"
#include "state/sqlite_store.h"
#include "state/state_store.h"

namespace assay::serve {
namespace {

// With nothing due, the counters for /metrics are read again this often
// (another process, e.g. `assay scan` on the same store, may change them).
constexpr std::chrono::seconds kIdleRefresh{5};

void log_line(log::Level level, const std::string& text) { log::write(level, "delivery", log::redact(text)); }

void add(DeliveryTotals& totals, const state::DeliveryCounts& counts) {
  totals.depth += counts.pending;
  totals.dead += counts.dead;
  for (const auto& [result, count] : counts.results) totals.results[result] += count;
}

}  // namespace

OutboxDriver::OutboxDriver(int busy_timeout_ms) : busy_timeout_ms_(busy_timeout_ms) {}

OutboxDriver::~OutboxDriver() { stop(); }

void OutboxDriver::start() {
  thread_ = std::thread([this] { loop(); });
}

void OutboxDriver::set_stores(std::vector<std::filesystem::path> stores) {
  std::sort(stores.begin(), stores.end());
  stores.erase(std::unique(stores.begin(), stores.end()), stores.end());
  {
    std::lock_guard lock(mutex_);
    store_paths_ = std::move(stores);
    woken_ = true;
  }
  wake_.notify_one();
}

void OutboxDriver::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void OutboxDriver::request_stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
}

void OutboxDriver::stop() {
  request_stop();
  if (thread_.joinable()) thread_.join();
}

DeliveryTotals OutboxDriver::totals() const {
  std::lock_guard lock(mutex_);
  return totals_;
}

void OutboxDriver::loop() {
  while (!stop_.load()) {
    const int64_t next_due = pass();
    const auto now = std::chrono::steady_clock::now();
    auto until = now + kIdleRefresh;
    if (next_due > 0)
      until = std::min(
          until, now + std::chrono::milliseconds(std::max<int64_t>(0, next_due - delivery::wall_clock_ms())));
    std::unique_lock lock(mutex_);
    wake_.wait_until(lock, until, [this] { return woken_ || stop_.load(); });
    woken_ = false;
  }
}

int64_t OutboxDriver::pass() {
  std::vector<std::filesystem::path> paths;
  {
    std::lock_guard lock(mutex_);
    paths = store_paths_;
  }
  for (auto it = open_.begin(); it != open_.end();)
    it = std::binary_search(paths.begin(), paths.end(), it->first) ? std::next(it) : open_.erase(it);
  DeliveryTotals totals;
  int64_t next_due = 0;
  for (const auto& path : paths) {
    if (stop_.load()) break;
    state::StateStore* s = store(path);
    if (!s) continue;
    try {
      delivery::SendOptions options;
      options.pacer = &pacer_;
      delivery::OutboxSender sender(*s, options);
      const delivery::SendReport report = sender.run(delivery::wall_clock_ms(), stop_);
      if (report.next_due_ms > 0 && (next_due == 0 || report.next_due_ms < next_due))
        next_due = report.next_due_ms;
      s->read([&](state::StateReader& reader) { add(totals, reader.delivery_counts()); });
    } catch (const std::exception& e) {
      // Opened again on the next pass; the other stores go on.
      log_line(log::Level::error, "sending the outbox of " + path.string() + " failed: " + e.what());
      open_.erase(path);
    }
  }
  std::lock_guard lock(mutex_);
  totals_ = std::move(totals);
  return next_due;
}

state::StateStore* OutboxDriver::store(const std::filesystem::path& path) {
  auto it = open_.find(path);
  if (it != open_.end()) return it->second.get();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return nullptr;  // no scan has created it yet
  try {
    auto opened = state::open_sqlite_store(path.string(), {busy_timeout_ms_, false});
    unopenable_.erase(path);
    return (open_[path] = std::move(opened)).get();
  } catch (const std::exception& e) {
    if (unopenable_.insert(path).second)
      log_line(log::Level::error, "cannot send the outbox of " + path.string() + ": " + e.what());
    return nullptr;
  }
}

}  // namespace assay::serve
