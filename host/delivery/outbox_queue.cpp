#include "delivery/outbox_queue.h"

#include <chrono>
#include <cstddef>
#include <stdexcept>

#include "delivery/endpoint.h"
#include "state/state_store.h"

namespace assay::delivery {
namespace {

// A Slack message is at most some 40 kB; anything far beyond is a mistake.
constexpr size_t kMaxBodyBytes = 1 << 20;
constexpr uint32_t kMaxAttemptsLimit = 100;
constexpr uint32_t kMaxTimeoutMs = 600000;
constexpr size_t kMaxSummaryBytes = 500;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string text(const char* value) { return value ? value : ""; }

bool one_line(const std::string& value) { return value.find_first_of("\r\n") == std::string::npos; }

uint32_t or_default(uint32_t value, uint32_t fallback) { return value == 0 ? fallback : value; }

[[noreturn]] void invalid(const std::string& what) { throw std::invalid_argument("deliver: " + what); }

state::OutboxMessage checked_message(const assay_delivery& m) {
  // Every field up to timeout_ms is part of ABI 1.2: a smaller struct is not
  // a 1.2 message.
  if (m.struct_size < offsetof(assay_delivery, timeout_ms) + sizeof(m.timeout_ms))
    invalid("struct_size " + std::to_string(m.struct_size) + " is smaller than assay_delivery of ABI 1.2");
  state::OutboxMessage out;
  out.endpoint = text(m.endpoint);
  check_endpoint_reference(out.endpoint);
  out.content_type = text(m.content_type);
  if (out.content_type.empty() || !one_line(out.content_type))
    invalid("content_type must be one non-empty line");
  if (!m.body && m.body_size > 0) invalid("body is NULL but body_size is " + std::to_string(m.body_size));
  if (m.body_size > kMaxBodyBytes)
    invalid("body of " + std::to_string(m.body_size) + " bytes is over the limit of " +
            std::to_string(kMaxBodyBytes));
  out.body.assign(m.body ? m.body : "", m.body_size);
  out.summary = text(m.summary);
  if (!one_line(out.summary) || out.summary.size() > kMaxSummaryBytes)
    invalid("summary must be one line of at most " + std::to_string(kMaxSummaryBytes) + " bytes");
  out.max_attempts = or_default(m.max_attempts, kDefaultMaxAttempts);
  out.backoff_initial_ms = or_default(m.backoff_initial_ms, kDefaultBackoffInitialMs);
  out.backoff_max_ms = or_default(m.backoff_max_ms, kDefaultBackoffMaxMs);
  out.timeout_ms = or_default(m.timeout_ms, kDefaultTimeoutMs);
  if (out.max_attempts > kMaxAttemptsLimit)
    invalid("max_attempts is over " + std::to_string(kMaxAttemptsLimit));
  if (out.timeout_ms > kMaxTimeoutMs) invalid("timeout_ms is over " + std::to_string(kMaxTimeoutMs));
  if (out.backoff_max_ms < out.backoff_initial_ms) invalid("backoff_max_ms is below backoff_initial_ms");
  return out;
}

}  // namespace

int64_t queue_message(state::StateStore& store, const std::string& plugin, const std::string& scan_id,
                      const assay_delivery& message) {
  state::OutboxMessage row = checked_message(message);
  resolve_endpoint(row.endpoint);  // refuse now what could never be sent
  row.plugin = plugin;
  row.scan_id = scan_id;
  row.created_at_ms = now_ms();
  row.next_attempt_at_ms = row.created_at_ms;
  int64_t id = 0;
  store.write([&](state::StateWriter& writer) { id = writer.add_outbox_message(row); });
  return id;
}

}  // namespace assay::delivery
