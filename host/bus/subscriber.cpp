#include "bus/subscriber.h"

#include <stdexcept>
#include <zmq.hpp>

#include "bus/socket_io.h"

namespace assay::bus {

struct Subscriber::Impl {
  explicit Impl(zmq::context_t& context) : socket(context, zmq::socket_type::sub) {}
  zmq::socket_t socket;
};

Subscriber::Subscriber(zmq::context_t& context, const std::string& endpoint,
                       const std::vector<std::string>& prefixes)
    : impl_(std::make_unique<Impl>(context)) {
  detail::set_linger(impl_->socket, endpoint);
  for (const auto& prefix : prefixes) subscribe(prefix);
  try {
    impl_->socket.connect(endpoint);
  } catch (const zmq::error_t& e) {
    throw std::runtime_error("cannot connect to event endpoint '" + endpoint + "': " + e.what());
  }
}

Subscriber::~Subscriber() = default;

void Subscriber::subscribe(const std::string& prefix) { impl_->socket.set(zmq::sockopt::subscribe, prefix); }

void Subscriber::unsubscribe(const std::string& prefix) {
  impl_->socket.set(zmq::sockopt::unsubscribe, prefix);
}

std::optional<Event> Subscriber::receive(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  zmq::pollitem_t items[] = {{impl_->socket.handle(), 0, ZMQ_POLLIN, 0}};
  try {
    for (;;) {
      auto message = detail::receive_message(impl_->socket, zmq::recv_flags::dontwait);
      if (message) {
        auto payload = nlohmann::json::parse(message->payload, nullptr, false);
        if (message->frame_count == 2 && payload.is_object())
          return Event{message->topic, std::move(payload)};
        ++malformed_;
        continue;
      }
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      zmq::poll(items, 1, left);
    }
  } catch (const zmq::error_t& e) {
    if (!detail::is_terminated(e)) throw;
    return std::nullopt;
  }
}

}  // namespace assay::bus
