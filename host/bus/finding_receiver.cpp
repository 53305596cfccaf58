#include "bus/finding_receiver.h"

#include <chrono>
#include <cstring>
#include <iostream>
#include <mutex>
#include <set>
#include <utility>
#include <zmq.hpp>

#include "bus/local_handoff.h"
#include "bus/socket_io.h"
#include "bus/topics.h"

namespace assay::bus {
namespace {

// Messages handled between two looks at the stop flag.
constexpr int kBatch = 256;

void print_error(std::string_view message) { std::cerr << "assay bus: " << message << '\n'; }

}  // namespace

struct FindingReceiver::Impl {
  Impl(zmq::context_t& context, const std::string& bound, ErrorHandler handler)
      : socket(context, zmq::socket_type::pull), endpoint(bound), on_error(std::move(handler)) {
    if (!on_error) on_error = print_error;
    detail::set_linger(socket, endpoint);
    try {
      socket.bind(endpoint);
    } catch (const zmq::error_t& e) {
      throw std::runtime_error("cannot bind findings endpoint '" + endpoint + "': " + e.what());
    }
    // Senders in this process find the handoff by endpoint; only threads of
    // this process can connect to an inproc:// endpoint.
    if (endpoint.starts_with("inproc://")) {
      handoff = std::make_shared<LocalHandoff>();
      registration = LocalHandoff::publish(context, endpoint, handoff);
    }
  }

  // The number a handoff message carries; throws std::invalid_argument
  // when there is no handoff or the payload is not a number.
  uint64_t parked_number(std::string_view payload) const {
    if (!handoff) throw std::invalid_argument("handed-off finding on an endpoint other processes can reach");
    uint64_t number = 0;
    if (payload.size() != sizeof(number))
      throw std::invalid_argument("handoff payload of " + std::to_string(payload.size()) + " bytes, expected " +
                                  std::to_string(sizeof(number)));
    std::memcpy(&number, payload.data(), sizeof(number));
    return number;
  }

  Finding take_parked(std::string_view payload) {
    const uint64_t number = parked_number(payload);
    std::optional<Finding> finding = handoff->take(number);
    if (!finding) throw std::invalid_argument("no finding is parked under number " + std::to_string(number));
    return std::move(*finding);
  }

  std::vector<Finding> take_parked_batch(std::string_view payload) {
    const uint64_t number = parked_number(payload);
    std::optional<std::vector<Finding>> findings = handoff->take_batch(number);
    if (!findings) throw std::invalid_argument("no batch is parked under number " + std::to_string(number));
    return std::move(*findings);
  }

  void reject(const std::string& why) {
    malformed.fetch_add(1);
    on_error("skipped malformed message on " + endpoint + ": " + why);
  }

  // Everything marked done out of band since the last call.
  std::vector<Done> take_marked() {
    std::lock_guard lock(marked_mutex);
    return std::exchange(marked, {});
  }

  struct Run {
    std::set<std::string> expected;
    std::set<std::string> waiting;
    const std::function<void(Finding&&)>& on_finding;
    const std::function<void(const Done&)>& on_done;
  };

  void finish(Run& run, const Done& done, bool out_of_band) {
    if (run.waiting.erase(done.plugin) == 1) {
      run.on_done(done);
    } else if (!out_of_band && run.expected.count(done.plugin) == 0) {
      on_error("done message from scanner '" + done.plugin + "', which this run does not expect");
    }
  }

  void handle(Run& run, const detail::Received& message) {
    if (message.frame_count != 2) {
      reject("expected 2 frames (topic, payload), got " + std::to_string(message.frame_count));
      return;
    }
    try {
      if (message.topic == topic::kFindingHandoff) {
        Finding finding = take_parked(message.payload);
        received.fetch_add(1);
        run.on_finding(std::move(finding));
      } else if (message.topic == topic::kBatchHandoff) {
        handle_batch(run, take_parked_batch(message.payload));
      } else if (message.topic == topic::kFinding) {
        Finding finding = decode_finding(message.payload);
        received.fetch_add(1);
        run.on_finding(std::move(finding));
      } else if (message.topic == topic::kScannerDone) {
        finish(run, decode_done(message.payload), false);
      } else {
        reject("unknown topic '" + message.topic + "'");
      }
    } catch (const std::invalid_argument& e) {
      reject(e.what());
    }
  }

  // Each finding of a batch as if it had come alone: one that is refused
  // does not take the others with it.
  void handle_batch(Run& run, std::vector<Finding>&& findings) {
    for (Finding& finding : findings) {
      received.fetch_add(1);
      try {
        run.on_finding(std::move(finding));
      } catch (const std::invalid_argument& e) {
        reject(e.what());
      }
    }
  }

  // Handles what is queued, at most kBatch messages; false when none was.
  bool drain(Run& run) {
    for (int i = 0; i < kBatch; ++i) {
      auto message = detail::receive_message(socket, zmq::recv_flags::dontwait);
      if (!message) return i > 0;
      handle(run, *message);
      if (run.waiting.empty()) return true;
    }
    return true;
  }

  zmq::socket_t socket;
  std::string endpoint;
  ErrorHandler on_error;
  std::shared_ptr<LocalHandoff> handoff;  // for inproc:// endpoints
  std::unique_ptr<LocalHandoff::Registration> registration;
  std::atomic<uint64_t> malformed{0};
  std::atomic<uint64_t> received{0};
  std::mutex marked_mutex;
  std::vector<Done> marked;
};

FindingReceiver::FindingReceiver(zmq::context_t& context, const std::string& endpoint, ErrorHandler on_error)
    : impl_(std::make_unique<Impl>(context, endpoint, std::move(on_error))) {}

FindingReceiver::~FindingReceiver() = default;

bool FindingReceiver::run(const std::vector<std::string>& expected_plugins,
                          const std::function<void(Finding&&)>& on_finding,
                          const std::function<void(const Done&)>& on_done, const std::atomic<bool>& stop) {
  const std::set<std::string> expected(expected_plugins.begin(), expected_plugins.end());
  Impl::Run run{expected, expected, on_finding, on_done};
  zmq::pollitem_t items[] = {{impl_->socket.handle(), 0, ZMQ_POLLIN, 0}};
  try {
    while (!run.waiting.empty()) {
      for (const Done& done : impl_->take_marked()) impl_->finish(run, done, true);
      if (run.waiting.empty() || stop.load()) break;
      if (impl_->drain(run)) continue;
      zmq::poll(items, 1, std::chrono::milliseconds(kPollIntervalMs));
    }
  } catch (const zmq::error_t& e) {
    if (!detail::is_terminated(e)) throw;
    return false;
  }
  return run.waiting.empty();
}

void FindingReceiver::mark_done(Done done) {
  std::lock_guard lock(impl_->marked_mutex);
  impl_->marked.push_back(std::move(done));
}

uint64_t FindingReceiver::malformed() const { return impl_->malformed.load(); }
uint64_t FindingReceiver::received() const { return impl_->received.load(); }

}  // namespace assay::bus
