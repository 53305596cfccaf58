#include "bus/bus.h"

#include <zmq.hpp>

namespace assay::bus {

Bus::Bus() : context_(std::make_unique<zmq::context_t>()) {
  // New sockets default to linger 0, so a socket whose owner forgot to set it
  // cannot hold the context open; every bus socket sets its own (socket_io.h).
  context_->set(zmq::ctxopt::blocky, false);
}

Bus::~Bus() {
  shutdown();
  context_->close();
}

zmq::context_t& Bus::context() { return *context_; }

std::string Bus::unique_endpoint(std::string_view stem) {
  return "inproc://" + std::string(stem) + "-" + std::to_string(next_endpoint_.fetch_add(1));
}

void Bus::shutdown() {
  if (shut_down_.exchange(true)) return;
  context_->shutdown();
}

}  // namespace assay::bus
