#include "bus/socket_io.h"

namespace assay::bus::detail {

std::chrono::milliseconds linger_for(std::string_view endpoint) {
  constexpr std::chrono::milliseconds kExternalLinger{500};
  return endpoint.starts_with("inproc://") ? std::chrono::milliseconds{0} : kExternalLinger;
}

void set_linger(zmq::socket_t& socket, std::string_view endpoint) {
  socket.set(zmq::sockopt::linger, static_cast<int>(linger_for(endpoint).count()));
}

bool send_two_frames(zmq::socket_t& socket, std::string_view topic, std::string_view payload,
                     zmq::send_flags flags) {
  if (!socket.send(zmq::buffer(topic), flags | zmq::send_flags::sndmore)) return false;
  // Once the first frame is queued the rest of the message always fits: the
  // high-water mark counts whole messages. Loop for the send timeout anyway so
  // a message is never left half-sent.
  for (;;) {
    if (socket.send(zmq::buffer(payload), zmq::send_flags::none)) return true;
  }
}

std::optional<Received> receive_message(zmq::socket_t& socket, zmq::recv_flags flags) {
  zmq::message_t frame;
  if (!socket.recv(frame, flags)) return std::nullopt;
  Received received;
  received.topic = frame.to_string();
  received.frame_count = 1;
  // The remaining frames of a message are already here when its first is.
  while (frame.more()) {
    frame.rebuild();
    (void)socket.recv(frame, zmq::recv_flags::none);
    ++received.frame_count;
    if (received.frame_count == 2) received.payload = frame.to_string();
  }
  return received;
}

bool is_terminated(const zmq::error_t& error) { return error.num() == ETERM; }

}  // namespace assay::bus::detail
