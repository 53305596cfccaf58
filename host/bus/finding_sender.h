// The scanner side of the findings pipeline: one PUSH socket per scanner run,
// connected to the scoring stage's FindingReceiver.
//
// Thread-safety: send() and done() may be called from any number of threads
// (a scanner emits from the host's workers); a mutex serialises them, which
// also gives the memory barrier ZeroMQ requires between a socket's users.
//
// Ordering: everything one sender sends arrives in the order it was sent, and
// its done message arrives after all of its findings.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "finding/finding.h"

namespace zmq {
class context_t;
}

namespace assay::bus {

class FindingSender {
 public:
  // Connects to the receiver's endpoint. Create the receiver first: a message
  // sent before the endpoint is bound may be lost when the sender closes.
  // While the receiver's queue is full, send() and done() wait (back-pressure)
  // and give up when `cancel` (optional, must outlive the sender) becomes true
  // or the context is shut down.
  FindingSender(zmq::context_t& context, const std::string& endpoint, std::string plugin,
                const std::atomic<bool>* cancel = nullptr);
  // Sends done("failed", ...) if done() was never called, so a scanner run
  // that ended abnormally cannot leave the receiver waiting. Waits at most
  // kAbandonWait for room in the receiver's queue.
  ~FindingSender();
  FindingSender(const FindingSender&) = delete;
  FindingSender& operator=(const FindingSender&) = delete;

  static constexpr std::chrono::milliseconds kAbandonWait{2000};

  // Returns true when the finding was queued for the receiver; false after
  // done(), after cancellation or after the context was shut down. To a
  // receiver in this process the finding moves as an object (LocalHandoff);
  // otherwise it is encoded as JSON, and std::invalid_argument is thrown
  // when it cannot be.
  bool send(const Finding& finding);
  bool send(Finding&& finding);
  // Sends `findings` in their order, as send() of each would, with one
  // message for all of them to a receiver in this process (each of the
  // others then gets one). Returns true when all were queued; false as
  // send() does, when none was (a batch goes whole or not at all to a
  // receiver in this process; otherwise those before the first refused one
  // were queued).
  bool send_batch(std::vector<Finding>&& findings);

  // Ends the run: status "ok", "failed" or "cancelled" (std::invalid_argument
  // otherwise), error empty for "ok". Only the first call sends; returns
  // whether the done message was queued.
  bool done(std::string_view status, std::string_view error = {});

  uint64_t sent() const;
  const std::string& plugin() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace assay::bus
