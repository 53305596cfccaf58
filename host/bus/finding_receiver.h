// The scoring stage's side of the findings pipeline: one PULL socket, bound,
// that every scanner run's FindingSender connects to.
//
// Thread-safety: run() on one thread at a time; mark_done(), malformed() and
// received() from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bus/finding_message.h"
#include "finding/finding.h"

namespace zmq {
class context_t;
}

namespace assay::bus {

class FindingReceiver {
 public:
  using Done = ScannerDone;
  // Receives one line per malformed or unexpected message.
  using ErrorHandler = std::function<void(std::string_view message)>;

  // Binds `endpoint`. Throws std::runtime_error naming the endpoint when it
  // cannot be bound. Without an error handler, problems go to stderr.
  FindingReceiver(zmq::context_t& context, const std::string& endpoint, ErrorHandler on_error = {});
  ~FindingReceiver();
  FindingReceiver(const FindingReceiver&) = delete;
  FindingReceiver& operator=(const FindingReceiver&) = delete;

  // Delivers findings and done messages until every plugin in
  // `expected_plugins` is done (returns true), or until `stop` is set or the
  // context is shut down (returns false; seen within kPollInterval). A
  // plugin's on_done comes after all of its findings, once per plugin.
  // Malformed messages are reported, counted and skipped. An exception thrown
  // by a callback propagates out of run().
  bool run(const std::vector<std::string>& expected_plugins, const std::function<void(Finding&&)>& on_finding,
           const std::function<void(const Done&)>& on_done, const std::atomic<bool>& stop);

  // Marks a scanner run done out of band, e.g. when its worker died without a
  // done message. Taken into account by the running (or next) run() within
  // kPollInterval; ignored for a plugin that is already done.
  void mark_done(Done done);

  uint64_t malformed() const;
  uint64_t received() const;

  static constexpr int kPollIntervalMs = 50;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace assay::bus
