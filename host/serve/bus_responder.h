// The service's bus thread: a ROUTER socket on an in-process endpoint that
// answers "ping" (the health check's proof that the bus and its thread
// answer), and, when configured, a ROUTER socket on the external snapshot
// endpoint that answers a late subscriber's request for a repository's
// current backlog (docs/events.md, "Snapshot"). ZeroMQ sockets have one owner
// thread; both live on this one.
#pragma once

#include <atomic>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <thread>

namespace zmq {
class context_t;
}

namespace assay::serve {

inline constexpr const char* kControlEndpoint = "inproc://assay-control";

class BusResponder {
 public:
  // Answers a snapshot request: the request text (a repository path, or a
  // JSON object {"repository": path}) → the reply object.
  using SnapshotFn = std::function<nlohmann::json(const std::string& repository)>;

  // Binds the control endpoint and, when `snapshot_endpoint` is not empty,
  // the snapshot endpoint (a CURVE server when `curve_secret_key` is set and
  // the endpoint is tcp://), then starts the thread. Throws
  // std::runtime_error naming the endpoint when a bind fails.
  BusResponder(zmq::context_t& context, const std::string& snapshot_endpoint,
               const std::string& curve_secret_key, SnapshotFn snapshot);
  // Stops and joins the thread, closing the sockets with linger 0.
  ~BusResponder();
  BusResponder(const BusResponder&) = delete;
  BusResponder& operator=(const BusResponder&) = delete;

  // The snapshot endpoint as bound (wildcard ports resolved), or "".
  const std::string& snapshot_endpoint() const { return snapshot_endpoint_; }

 private:
  void loop();

  struct Sockets;
  std::unique_ptr<Sockets> sockets_;
  SnapshotFn snapshot_;
  std::string snapshot_endpoint_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Asks the control endpoint for "pong" within `timeout_ms`. True when it
// answered; `error` says what failed otherwise. Any thread.
bool ping_bus(zmq::context_t& context, int timeout_ms, std::string& error);

}  // namespace assay::serve
