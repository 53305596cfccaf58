// The owner of the ZeroMQ context every bus socket lives in.
//
// Shutdown order (the one ZeroMQ needs so that exit never hangs):
//   1. shutdown()     - every blocking call on every socket returns at once;
//   2. join the threads that use sockets;
//   3. destroy the sockets' owners (FindingSender, FindingReceiver,
//      EventPublisher, Subscriber);
//   4. destroy the Bus, which closes the context.
// Declare the Bus before the objects that use it so that scope exit follows
// this order; the destructor calls shutdown() itself.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace zmq {
class context_t;
}

namespace assay::bus {

class Bus {
 public:
  Bus();
  ~Bus();
  Bus(const Bus&) = delete;
  Bus& operator=(const Bus&) = delete;

  zmq::context_t& context();

  // A fresh in-process endpoint, "inproc://<stem>-<n>", unique within this Bus.
  std::string unique_endpoint(std::string_view stem);

  // Makes every blocking socket call in this context fail at once, so the
  // threads that own sockets can be joined. Idempotent, any thread.
  void shutdown();

 private:
  std::unique_ptr<zmq::context_t> context_;
  std::atomic<uint64_t> next_endpoint_{1};
  std::atomic<bool> shut_down_{false};
};

}  // namespace assay::bus
