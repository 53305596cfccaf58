// The host's event stream: lifecycle and result events (docs/events.md),
// PUBlished to internal listeners and, when configured, external subscribers.
//
// The publisher binds; subscribers connect (the other way round loses the
// first messages). Each bound endpoint has its own socket, so a slow external
// subscriber can never make an internal listener miss an event.
//
// Drops: a plain PUB socket drops silently at the high-water mark. Each
// socket here is an XPUB with ZMQ_XPUB_NODROP, sent to with ZMQ_DONTWAIT:
// when a subscriber's queue is full the send fails with EAGAIN instead, the
// event is not delivered on that endpoint (to none of its subscribers, as
// ZeroMQ sends a message to all matching subscribers or to none) and
// dropped() counts it. publish() never blocks. Subscribers see the loss as a
// gap in seq.
//
// Thread-safety: every member may be called from any thread; a mutex
// serialises the sockets, which also orders seq with the send order.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace zmq {
class context_t;
}

namespace assay::bus {

inline constexpr std::string_view kDefaultEventEndpoint = "inproc://assay-events";

struct PublisherOptions {
  // Events queued per subscriber before further events are dropped for it.
  int send_hwm = 10000;
  // Z85 CURVE secret key (40 characters). When set, every tcp:// endpoint
  // bound afterwards is a CURVE server: subscribers must know the matching
  // public key, and traffic is encrypted.
  std::string curve_secret_key;
};

class EventPublisher {
 public:
  // Binds every endpoint (see bind()). `producer` identifies this host in
  // every event, e.g. default_producer_id() (envelope.h).
  EventPublisher(zmq::context_t& context, std::vector<std::string> bind_endpoints, std::string producer,
                 PublisherOptions options = {});
  ~EventPublisher();
  EventPublisher(const EventPublisher&) = delete;
  EventPublisher& operator=(const EventPublisher&) = delete;

  // Binds one more endpoint, e.g. for external subscribers once the service
  // starts. An ipc:// path is guarded by a lock file (ipc_lock.h). Throws
  // std::runtime_error naming the endpoint when it cannot be bound.
  void bind(const std::string& endpoint);

  // Publishes one event: topic frame, then the payload with the envelope
  // (schema, time, producer, epoch, seq) added. The payload must be a JSON
  // object with string fields "scan_id" and "repository"; otherwise, or for
  // an empty topic, throws std::invalid_argument and no seq is used. Returns
  // the event's seq.
  uint64_t publish(std::string_view topic, nlohmann::json payload);

  // True when a subscriber on some endpoint has subscribed to a prefix of
  // `topic`, as far as its subscription has reached the publisher. Lets a
  // producer skip building payloads nobody receives (one per finding adds
  // up); lifecycle events are published regardless.
  bool wanted(std::string_view topic);

  // Events published so far (the last seq).
  uint64_t published() const;
  // Deliveries refused because a subscriber's queue was full or the socket
  // was shut down, summed over endpoints.
  uint64_t dropped() const;

  const std::string& producer() const;
  uint64_t epoch() const;
  // The bound endpoints, with wildcards resolved (tcp://127.0.0.1:* → port).
  std::vector<std::string> endpoints() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace assay::bus
