// A SUB socket for internal listeners and tests: connects to an event
// endpoint, filters by topic prefix, and hands out events as parsed JSON.
// One owner thread (ZeroMQ sockets are not thread-safe).
//
// Subscriptions reach the publisher asynchronously: events published right
// after connect() or subscribe() may be missed (docs/events.md, "Joining").
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace zmq {
class context_t;
}

namespace assay::bus {

struct Event {
  std::string topic;
  nlohmann::json payload;
};

class Subscriber {
 public:
  // Connects to `endpoint` and subscribes to every prefix in `prefixes`
  // ("" is every topic). Throws std::runtime_error naming the endpoint when
  // it is malformed.
  Subscriber(zmq::context_t& context, const std::string& endpoint, const std::vector<std::string>& prefixes);
  ~Subscriber();
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;

  void subscribe(const std::string& prefix);
  void unsubscribe(const std::string& prefix);

  // The next event, waiting up to `timeout`; nullopt when none came in time or
  // the context was shut down. Messages that are not a topic plus a JSON
  // object are counted in malformed() and skipped.
  std::optional<Event> receive(std::chrono::milliseconds timeout);

  uint64_t malformed() const { return malformed_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint64_t malformed_ = 0;
};

}  // namespace assay::bus
