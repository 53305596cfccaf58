// Sends the pending messages of one state store's outbox (docs/state.md,
// "Outbox"): one attempt at a time, at most one per second per endpoint
// (measured from the end of the previous attempt, and kept in the store so
// that a restart keeps the pace), each message when it is due. Before an
// attempt its count and a lease are committed; its result is committed
// after it. A process killed between attempts loses nothing: the next run
// sends what is pending. A process killed during an attempt leaves the
// message pending with the attempt counted; it is sent again once the lease
// (the attempt's timeout) has passed, so a receiver may see it twice, and the
// X-Assay-Message-Id header lets it tell. An attempt that a stop request
// interrupts is abandoned within about a second and leaves the message
// pending, due at once, with the attempt counted (the receiver may have the
// body).
#pragma once

#include <atomic>
#include <cstdint>
#include <random>
#include <set>
#include <string>

#include "state/outbox_records.h"

namespace assay::state {
class StateStore;
}

namespace assay::delivery {

struct AttemptOutcome;
class EndpointPacer;

struct SendOptions {
  int64_t pacing_ms = 1000;  // per endpoint, from the end of one attempt to the start of the next
  // Shared with the senders of other stores in this process, which then keep
  // the pace together; nullptr: this store's record alone.
  EndpointPacer* pacer = nullptr;
};

// What one run did.
struct SendReport {
  int64_t attempts = 0;
  int64_t delivered = 0;
  int64_t dead = 0;
  int64_t pending = 0;  // left for a later run
  // When the run ended at its deadline: when the first of the pending
  // messages it could send may go (milliseconds since 1970); 0 otherwise.
  int64_t next_due_ms = 0;
};

class OutboxSender {
 public:
  explicit OutboxSender(state::StateStore& store, SendOptions options = {});

  // Attempts due messages until none is pending, the next is due after
  // `deadline_ms` (milliseconds since 1970), or `stop` is set. Never throws
  // for a failed delivery (logged and recorded); throws state::StoreError
  // when the store fails.
  SendReport run(int64_t deadline_ms, const std::atomic<bool>& stop);

 private:
  struct Choice {
    state::OutboxMessage message;
    int64_t ready_at_ms = 0;
  };
  bool choose(Choice& choice);
  bool claim(state::OutboxMessage& message, int64_t now);
  void attempt(state::OutboxMessage message, SendReport& report);
  void record(state::OutboxMessage& message, const AttemptOutcome& outcome, int64_t ended_at,
              SendReport& report);
  void record_interrupted(state::OutboxMessage& message, int64_t ended_at);
  void note_attempt_end(const std::string& endpoint, int64_t ended_at);

  state::StateStore& store_;
  SendOptions options_;
  std::mt19937_64 random_;
  std::set<int64_t> unreadable_;             // messages whose endpoint cannot be read in this run
  const std::atomic<bool>* stop_ = nullptr;  // of the run in progress
};

// Milliseconds since 1970, the outbox's clock.
int64_t wall_clock_ms();

}  // namespace assay::delivery
