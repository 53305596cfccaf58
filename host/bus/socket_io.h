// Internal to the bus: the two-frame message format on a ZeroMQ socket, and
// the socket options every bus socket gets. Not for use outside host/bus.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <zmq.hpp>

namespace assay::bus::detail {

// Linger for a socket on `endpoint`: 0 in process (nothing to flush once the
// peer is gone), bounded for ipc:// and tcp:// so that queued events get a
// short chance to leave but exit never waits longer than this.
std::chrono::milliseconds linger_for(std::string_view endpoint);
void set_linger(zmq::socket_t& socket, std::string_view endpoint);

// Sends topic and payload as one two-frame message. Returns false when the
// socket would block (with dontwait, or after the socket's send timeout);
// nothing is sent then. Throws zmq::error_t on other errors (ETERM).
bool send_two_frames(zmq::socket_t& socket, std::string_view topic, std::string_view payload,
                     zmq::send_flags flags);

// One received message: its frames in order (all of them, however many).
struct Received {
  std::string topic;
  std::string payload;
  size_t frame_count = 0;
};

// Receives one whole message. Returns nullopt when none is ready (with
// dontwait, or after the socket's receive timeout). Throws zmq::error_t on
// other errors (ETERM).
std::optional<Received> receive_message(zmq::socket_t& socket, zmq::recv_flags flags);

// True for the error a context shutdown makes every blocking call return.
bool is_terminated(const zmq::error_t& error);

}  // namespace assay::bus::detail
