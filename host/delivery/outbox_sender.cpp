#include "delivery/outbox_sender.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "delivery/endpoint.h"
#include "delivery/endpoint_pacer.h"
#include "delivery/http_post.h"
#include "delivery/retry_policy.h"
#include "log/log.h"
#include "state/state_store.h"

namespace assay::delivery {
namespace {

// Waiting is done in slices so that a stop request is seen quickly.
constexpr int64_t kSleepSliceMs = 50;
// A claimed attempt holds its message this much beyond its timeout, so that
// a second process does not send it meanwhile.
constexpr int64_t kLeaseMarginMs = 1000;
constexpr const char* kComponent = "delivery";

std::string seconds(int64_t ms) {
  const int64_t tenths = (ms + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

std::string describe(const state::OutboxMessage& m) {
  return "message " + std::to_string(m.id) + " of " + m.plugin + " (" + m.summary + ") to " + m.endpoint;
}

void log_line(log::Level level, const std::string& text) { log::write(level, kComponent, log::redact(text)); }

void sleep_until(int64_t at_ms, const std::atomic<bool>& stop) {
  for (int64_t now = wall_clock_ms(); now < at_ms && !stop.load(); now = wall_clock_ms())
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(kSleepSliceMs, at_ms - now)));
}

}  // namespace

int64_t wall_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

OutboxSender::OutboxSender(state::StateStore& store, SendOptions options)
    : store_(store), options_(options), random_(std::random_device{}()) {}

SendReport OutboxSender::run(int64_t deadline_ms, const std::atomic<bool>& stop) {
  SendReport report;
  stop_ = &stop;
  Choice next;
  while (!stop.load() && choose(next)) {
    if (next.ready_at_ms > deadline_ms) {
      report.next_due_ms = next.ready_at_ms;
      break;
    }
    sleep_until(next.ready_at_ms, stop);
    if (stop.load()) break;
    attempt(std::move(next.message), report);
  }
  stop_ = nullptr;
  store_.read([&](state::StateReader& reader) { report.pending = reader.delivery_counts().pending; });
  return report;
}

// The pending message that may go first: the earliest of each message's due
// time and its endpoint's pace, the oldest message on a tie.
bool OutboxSender::choose(Choice& choice) {
  bool found = false;
  store_.read([&](state::StateReader& reader) {
    for (auto& message : reader.outbox(state::kOutboxPending)) {
      if (unreadable_.count(message.id)) continue;
      int64_t last = reader.endpoint_last_attempt_ms(message.endpoint);
      if (options_.pacer) last = std::max(last, options_.pacer->last_attempt_ms(message.endpoint));
      // The clock reads whole milliseconds, rounded down: one more keeps the
      // full interval however the last attempt's end was rounded.
      const int64_t paced = last == 0 ? 0 : last + options_.pacing_ms + 1;
      const int64_t ready = std::max(message.next_attempt_at_ms, paced);
      if (!found || ready < choice.ready_at_ms) {
        choice.message = std::move(message);
        choice.ready_at_ms = ready;
        found = true;
      }
    }
  });
  return found;
}

// Counts the attempt and leases the message before anything is sent; false
// when another process changed it meanwhile.
bool OutboxSender::claim(state::OutboxMessage& message, int64_t now) {
  bool claimed = false;
  store_.write([&](state::StateWriter& writer) {
    for (const auto& current : writer.outbox(state::kOutboxPending)) {
      if (current.id != message.id) continue;
      if (current.attempts != message.attempts || current.next_attempt_at_ms > now) return;
      message.attempts += 1;
      message.last_attempt_at_ms = now;
      message.next_attempt_at_ms = now + message.timeout_ms + kLeaseMarginMs;
      message.last_result = "in flight";
      writer.update_outbox_message(message);
      writer.set_endpoint_last_attempt_ms(message.endpoint, now);
      claimed = true;
    }
  });
  return claimed;
}

void OutboxSender::attempt(state::OutboxMessage message, SendReport& report) {
  std::string url;
  try {
    url = resolve_endpoint(message.endpoint);
  } catch (const EndpointError& e) {
    // Not the message's fault: it waits, uncounted, for a run that can read it.
    unreadable_.insert(message.id);
    log_line(log::Level::warn, "cannot send " + describe(message) + " in this run: " + e.what());
    return;
  }
  if (!claim(message, wall_clock_ms())) return;
  ++report.attempts;
  HttpRequest request{url,
                      message.content_type,
                      message.body,
                      message.scan_id + "." + std::to_string(message.id),
                      message.timeout_ms,
                      stop_};
  HttpResponse response;
  try {
    response = http_post(request);
  } catch (const std::exception& e) {
    response.transport_error = e.what();
  }
  if (response.stopped)
    record_interrupted(message, wall_clock_ms());
  else
    record(message, classify(response), wall_clock_ms(), report);
}

void OutboxSender::note_attempt_end(const std::string& endpoint, int64_t ended_at) {
  if (options_.pacer) options_.pacer->record(endpoint, ended_at);
}

// The attempt stays counted (the body may have arrived) and the message
// waits, due at once, for the next run; no result is counted.
void OutboxSender::record_interrupted(state::OutboxMessage& message, int64_t ended_at) {
  message.last_result = "interrupted by a stop";
  message.next_attempt_at_ms = ended_at;
  log_line(log::Level::info, describe(message) + ": attempt " + std::to_string(message.attempts) +
                                 " interrupted by a stop; the message stays pending for the next run");
  store_.write([&](state::StateWriter& writer) {
    writer.update_outbox_message(message);
    writer.set_endpoint_last_attempt_ms(message.endpoint, ended_at);
  });
  note_attempt_end(message.endpoint, ended_at);
}

void OutboxSender::record(state::OutboxMessage& message, const AttemptOutcome& outcome, int64_t ended_at,
                          SendReport& report) {
  message.last_result = outcome.description;
  const std::string attempt_text =
      "attempt " + std::to_string(message.attempts) + " of " + std::to_string(message.max_attempts);
  bool dead = false;
  if (outcome.verdict == Verdict::delivered) {
    message.status = state::kOutboxDelivered;
    message.finished_at_ms = ended_at;
    ++report.delivered;
    log_line(log::Level::info,
             "delivered " + describe(message) + " (" + attempt_text + ", " + outcome.description + ")");
  } else if (outcome.verdict == Verdict::refused || message.attempts >= message.max_attempts) {
    message.status = state::kOutboxDead;
    message.finished_at_ms = ended_at;
    dead = true;
    ++report.dead;
    log_line(log::Level::error, "gave up " + describe(message) + " after " + attempt_text + ": " +
                                    outcome.description +
                                    (outcome.verdict == Verdict::refused ? " (not retried)" : "") +
                                    "; kept in the outbox as dead");
  } else {
    const int64_t delay = outcome.retry_after_ms
                              ? *outcome.retry_after_ms
                              : full_jitter_backoff_ms(message.attempts, message.backoff_initial_ms,
                                                       message.backoff_max_ms, random_);
    message.next_attempt_at_ms = ended_at + delay;
    log_line(log::Level::warn, describe(message) + ": " + outcome.description + " (" + attempt_text +
                                   "); next attempt in " + seconds(delay) + " or later");
  }
  store_.write([&](state::StateWriter& writer) {
    writer.update_outbox_message(message);
    writer.set_endpoint_last_attempt_ms(message.endpoint, ended_at);
    writer.count_delivery_result(outcome.result);
    if (dead) writer.count_delivery_result("dead");
  });
  note_attempt_end(message.endpoint, ended_at);
}

}  // namespace assay::delivery
