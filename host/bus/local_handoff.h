// In-process handoff of findings: a FindingSender and the FindingReceiver it
// talks to in the same process pass each finding as a C++ object, parked
// here under a number, and send only that number over their PUSH/PULL
// socket. ZeroMQ still carries what the pipeline relies on: the order of each
// sender's messages, back-pressure at the high-water mark, and the done
// message after a run's last finding. Only the JSON round trip per finding is
// gone. Across processes (ipc://) findings still travel as JSON.
//
// Thread-safety: every member may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "finding/finding.h"

namespace zmq {
class context_t;
}

namespace assay::bus {

class LocalHandoff {
 public:
  // Parks a finding until take(); returns its number (never 0).
  uint64_t park(Finding&& finding);
  // The finding parked under `number`, removed; nullopt when there is none.
  std::optional<Finding> take(uint64_t number);
  // Parks a batch of findings until take_batch(); returns its number (never
  // 0, never one a single finding has).
  uint64_t park_batch(std::vector<Finding>&& findings);
  // The batch parked under `number`, removed; nullopt when there is none.
  std::optional<std::vector<Finding>> take_batch(uint64_t number);
  // Findings and batches parked and not yet taken.
  size_t parked() const;

  // Makes `handoff` the one of the receiver bound to `endpoint` (inproc://)
  // in `context`, until the returned registration is destroyed.
  class Registration;
  static std::unique_ptr<Registration> publish(const zmq::context_t& context, std::string endpoint,
                                               std::shared_ptr<LocalHandoff> handoff);
  // The handoff of the receiver bound to `endpoint` in `context`, or
  // nullptr when there is none in this process.
  static std::shared_ptr<LocalHandoff> find(const zmq::context_t& context, std::string_view endpoint);

 private:
  mutable std::mutex mutex_;
  uint64_t last_number_ = 0;
  std::unordered_map<uint64_t, Finding> parked_;
  std::unordered_map<uint64_t, std::vector<Finding>> parked_batches_;
};

class LocalHandoff::Registration {
 public:
  Registration(const void* context, std::string endpoint) : context_(context), endpoint_(std::move(endpoint)) {}
  ~Registration();
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  const void* context_;
  std::string endpoint_;
};

}  // namespace assay::bus
