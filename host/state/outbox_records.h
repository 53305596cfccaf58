// The rows of the delivery outbox (docs/state.md, "Outbox"): messages that
// reporters asked the host to deliver, kept from before the first attempt
// until they are delivered or given up, so that a restart loses none. Times
// are milliseconds since 1970 (UTC): pacing is per second.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace assay::state {

// A message's status in the outbox.
inline constexpr const char* kOutboxPending = "pending";
inline constexpr const char* kOutboxDelivered = "delivered";
inline constexpr const char* kOutboxDead = "dead";

struct OutboxMessage {
  int64_t id = 0;
  int64_t created_at_ms = 0;
  std::string plugin;    // the reporter that queued it
  std::string scan_id;   // the scan whose report it belongs to
  std::string endpoint;  // where the URL is read ("env:NAME", "file:PATH"); never the
                         // URL. Pacing is per endpoint reference.
  std::string content_type;
  std::string body;
  std::string summary;  // one line for logs
  std::string status = kOutboxPending;
  int64_t attempts = 0;  // made so far, including one cut short by a crash
  int64_t max_attempts = 0;
  int64_t backoff_initial_ms = 0;
  int64_t backoff_max_ms = 0;
  int64_t timeout_ms = 0;
  int64_t next_attempt_at_ms = 0;  // not before
  int64_t last_attempt_at_ms = 0;  // 0 = never tried
  std::string last_result;         // e.g. "HTTP 500", "timeout", "in flight"
  int64_t finished_at_ms = 0;      // delivered or given up; 0 while pending
};

// What the outbox holds and has done, for the report header's `service`
// object and metrics.
struct DeliveryCounts {
  int64_t pending = 0;  // the outbox depth
  int64_t dead = 0;     // messages kept as dead
  // Attempts by result (delivered, rate_limited, server_error, timeout,
  // network_error, rejected) and messages given up (dead), since the store
  // was created.
  std::map<std::string, int64_t> results;
};

}  // namespace assay::state
