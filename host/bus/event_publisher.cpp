#include "bus/event_publisher.h"

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <zmq.hpp>

#include "bus/envelope.h"
#include "bus/ipc_lock.h"
#include "bus/socket_io.h"

namespace assay::bus {
namespace {

// One bound endpoint. The lock is declared first so that it is released only
// after the socket is closed.
struct Endpoint {
  IpcEndpointLock lock;
  zmq::socket_t socket;
  std::string address;
  std::set<std::string> subscriptions;  // prefixes some subscriber asked for
};

Endpoint bind_endpoint(zmq::context_t& context, const std::string& address, const PublisherOptions& options) {
  IpcEndpointLock lock(address);
  zmq::socket_t socket(context, zmq::socket_type::xpub);
  detail::set_linger(socket, address);
  socket.set(zmq::sockopt::sndhwm, options.send_hwm);
  socket.set(zmq::sockopt::xpub_nodrop, true);
  if (!options.curve_secret_key.empty() && address.rfind("tcp://", 0) == 0) {
    socket.set(zmq::sockopt::curve_server, true);
    socket.set(zmq::sockopt::curve_secretkey, options.curve_secret_key);
  }
  try {
    socket.bind(address);
  } catch (const zmq::error_t& e) {
    throw std::runtime_error("cannot bind event endpoint '" + address + "': " + e.what());
  }
  std::string resolved = socket.get(zmq::sockopt::last_endpoint);
  return Endpoint{std::move(lock), std::move(socket), resolved.empty() ? address : resolved, {}};
}

// XPUB queues subscription changes for its owner to read: a byte 1
// (subscribe) or 0 (unsubscribe), then the prefix. Without XPUB_VERBOSE it
// passes the first subscribe and the last unsubscribe of each prefix, so a
// set of prefixes is exactly what the endpoint's subscribers want.
void read_subscriptions(Endpoint& endpoint) {
  zmq::message_t message;
  while (endpoint.socket.recv(message, zmq::recv_flags::dontwait)) {
    if (message.size() == 0) continue;
    const auto* data = static_cast<const char*>(message.data());
    std::string prefix(data + 1, message.size() - 1);
    if (data[0] == 1) {
      endpoint.subscriptions.insert(std::move(prefix));
    } else if (data[0] == 0) {
      endpoint.subscriptions.erase(prefix);
    }
  }
}

bool subscribed(const Endpoint& endpoint, std::string_view topic) {
  for (const auto& prefix : endpoint.subscriptions) {
    if (topic.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

}  // namespace

struct EventPublisher::Impl {
  // A constructor, not aggregate initialisation: clang 14 lacks C++20's
  // parenthesised aggregate initialisation, which make_unique needs.
  Impl(zmq::context_t& ctx, std::string producer_id, PublisherOptions publisher_options)
      : context(ctx), producer(std::move(producer_id)), options(publisher_options) {}

  zmq::context_t& context;
  std::string producer;
  PublisherOptions options;
  uint64_t epoch = next_publisher_epoch();
  mutable std::mutex mutex;
  std::vector<Endpoint> endpoints;
  std::atomic<uint64_t> published{0};
  std::atomic<uint64_t> dropped{0};

  // True when the event was queued for every subscriber of the endpoint.
  bool deliver(Endpoint& endpoint, std::string_view topic, const std::string& payload) {
    try {
      read_subscriptions(endpoint);
      return detail::send_two_frames(endpoint.socket, topic, payload, zmq::send_flags::dontwait);
    } catch (const zmq::error_t&) {
      // ETERM once the bus shuts down; the event is lost on this endpoint.
      return false;
    }
  }
};

EventPublisher::EventPublisher(zmq::context_t& context, std::vector<std::string> bind_endpoints,
                               std::string producer, PublisherOptions options)
    : impl_(std::make_unique<Impl>(context, std::move(producer), options)) {
  if (impl_->producer.empty()) throw std::invalid_argument("event publisher needs a non-empty producer id");
  if (options.send_hwm < 1) {
    throw std::invalid_argument("event publisher send_hwm must be at least 1, got " +
                                std::to_string(options.send_hwm));
  }
  for (const auto& endpoint : bind_endpoints) bind(endpoint);
}

EventPublisher::~EventPublisher() = default;

void EventPublisher::bind(const std::string& endpoint) {
  Endpoint bound = bind_endpoint(impl_->context, endpoint, impl_->options);
  std::lock_guard lock(impl_->mutex);
  impl_->endpoints.push_back(std::move(bound));
}

uint64_t EventPublisher::publish(std::string_view topic, nlohmann::json payload) {
  if (topic.empty()) throw std::invalid_argument("event topic is empty");
  std::lock_guard lock(impl_->mutex);
  const uint64_t seq = impl_->published.load() + 1;
  stamp_event(payload, topic, Stamp{impl_->producer, impl_->epoch, seq, std::chrono::system_clock::now()});
  const std::string text = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  impl_->published.store(seq);
  for (auto& endpoint : impl_->endpoints) {
    if (!impl_->deliver(endpoint, topic, text)) impl_->dropped.fetch_add(1);
  }
  return seq;
}

bool EventPublisher::wanted(std::string_view topic) {
  std::lock_guard lock(impl_->mutex);
  for (auto& endpoint : impl_->endpoints) {
    try {
      read_subscriptions(endpoint);
    } catch (const zmq::error_t&) {
      continue;  // shut down: nobody receives anything on it any more
    }
    if (subscribed(endpoint, topic)) return true;
  }
  return false;
}

uint64_t EventPublisher::published() const { return impl_->published.load(); }
uint64_t EventPublisher::dropped() const { return impl_->dropped.load(); }
const std::string& EventPublisher::producer() const { return impl_->producer; }
uint64_t EventPublisher::epoch() const { return impl_->epoch; }

std::vector<std::string> EventPublisher::endpoints() const {
  std::lock_guard lock(impl_->mutex);
  std::vector<std::string> addresses;
  for (const auto& endpoint : impl_->endpoints) addresses.push_back(endpoint.address);
  return addresses;
}

}  // namespace assay::bus
