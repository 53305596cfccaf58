// Shutting the bus down while sockets are open and threads are blocked in
// them must end every blocking call, so the threads can be joined and the
// process can exit.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <thread>

#include "bus/bus.h"
#include "bus/event_publisher.h"
#include "bus/finding_receiver.h"
#include "bus/finding_sender.h"
#include "bus/subscriber.h"

namespace assay::bus {
namespace {

using namespace std::chrono_literals;

// Ends the process if the test hangs: a hang here would otherwise block in a
// destructor, out of reach of any assertion.
class Watchdog {
 public:
  explicit Watchdog(std::chrono::seconds limit)
      : thread_([this, limit] {
          if (done_.wait_for(limit) == std::future_status::timeout) {
            std::fprintf(stderr, "bus shutdown hung for more than %lld s\n",
                         static_cast<long long>(limit.count()));
            std::_Exit(1);
          }
        }) {}
  ~Watchdog() {
    finished_.set_value();
    thread_.join();
  }

 private:
  std::promise<void> finished_;
  std::shared_future<void> done_ = finished_.get_future().share();
  std::thread thread_;
};

TEST(BusShutdown, ShutdownWithBlockedSocketsDoesNotHang) {
  Watchdog watchdog(20s);
  Bus bus;
  const std::string findings = bus.unique_endpoint("findings");
  const std::string events = bus.unique_endpoint("events");
  EventPublisher publisher(bus.context(), {events}, "h");
  FindingReceiver receiver(bus.context(), findings);
  auto subscriber = std::make_unique<Subscriber>(bus.context(), events, std::vector<std::string>{""});

  std::atomic<bool> stop{false};
  auto receiving = std::async(std::launch::async, [&] {
    return receiver.run(
        {"scanner"}, [](Finding&&) {}, [](const FindingReceiver::Done&) {}, stop);
  });
  auto listening = std::async(std::launch::async, [&] { return subscriber->receive(60s).has_value(); });
  // A second receiver nobody reads from, so this sender ends up waiting on a
  // full queue when the shutdown comes.
  const std::string stuck_endpoint = bus.unique_endpoint("stuck");
  FindingReceiver unread(bus.context(), stuck_endpoint);
  FindingSender stuck(bus.context(), stuck_endpoint, "stuck");
  auto flooding = std::async(std::launch::async, [&] {
    Finding f;
    f.source = "stuck";
    f.rule = "r";
    f.title = "t";
    while (stuck.send(f)) {
    }
  });
  std::this_thread::sleep_for(300ms);
  ASSERT_EQ(flooding.wait_for(0ms), std::future_status::timeout) << "sender never blocked";

  const auto start = std::chrono::steady_clock::now();
  bus.shutdown();
  ASSERT_EQ(receiving.wait_for(2s), std::future_status::ready);
  ASSERT_EQ(listening.wait_for(2s), std::future_status::ready);
  ASSERT_EQ(flooding.wait_for(2s), std::future_status::ready);
  EXPECT_FALSE(receiving.get());
  EXPECT_FALSE(listening.get());
  publisher.publish("assay.scan.completed", {{"scan_id", "s"}, {"repository", "r"}});  // no throw, no block
  EXPECT_EQ(publisher.dropped(), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  // Objects close their sockets as they go out of scope, then ~Bus closes
  // the context; ~FindingSender's done message fails at once (ETERM).
}

}  // namespace
}  // namespace assay::bus
