// The event stream: EventPublisher (XPUB, binds) to Subscriber (SUB, connects).
#include "bus/event_publisher.h"

#include <gtest/gtest.h>

#include <thread>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <stdexcept>

#include "bus/bus.h"
#include "bus/subscriber.h"
#include "bus/topics.h"

namespace assay::bus {
namespace {

using namespace std::chrono_literals;

nlohmann::json scan_fields(nlohmann::json extra = nlohmann::json::object()) {
  extra["scan_id"] = "scan-7";
  extra["repository"] = "/srv/repo";
  return extra;
}

constexpr std::string_view kProbe = "assay.probe";

// Subscriptions travel to the publisher asynchronously: publish probes until
// the subscriber sees one. Returns the first event it received.
Event wait_until_subscribed(EventPublisher& publisher, Subscriber& subscriber) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    publisher.publish(kProbe, scan_fields());
    if (auto event = subscriber.receive(20ms)) return *event;
  }
  throw std::runtime_error("subscription did not reach the publisher within 10 s");
}

TEST(EventPublisher, EnvelopeAndSequenceWithoutGaps) {
  Bus bus;
  EventPublisher publisher(bus.context(), {std::string(kDefaultEventEndpoint)}, "test-host:1");
  Subscriber subscriber(bus.context(), std::string(kDefaultEventEndpoint), {"assay."});
  const Event first = wait_until_subscribed(publisher, subscriber);

  constexpr int kEvents = 200;
  for (int i = 0; i < kEvents; ++i) {
    publisher.publish(topic::kItemScored, scan_fields({{"key", "TD-" + std::to_string(i)}}));
  }
  uint64_t expected_seq = first.payload.at("seq").get<uint64_t>() + 1;
  int scored = 0;
  const std::regex iso(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)");
  while (scored < kEvents) {
    auto event = subscriber.receive(2s);
    ASSERT_TRUE(event) << "missing events after " << scored;
    const auto& p = event->payload;
    ASSERT_EQ(p.at("seq").get<uint64_t>(), expected_seq++) << "gap or reorder";
    EXPECT_EQ(p.at("schema"), 1);
    EXPECT_EQ(p.at("producer"), "test-host:1");
    EXPECT_EQ(p.at("epoch").get<uint64_t>(), publisher.epoch());
    EXPECT_EQ(p.at("scan_id"), "scan-7");
    EXPECT_EQ(p.at("repository"), "/srv/repo");
    EXPECT_TRUE(std::regex_match(p.at("time").get<std::string>(), iso)) << p.at("time");
    if (event->topic == kProbe) continue;
    EXPECT_EQ(event->topic, topic::kItemScored);
    EXPECT_EQ(p.at("key"), "TD-" + std::to_string(scored));
    ++scored;
  }
  EXPECT_EQ(publisher.published(), expected_seq - 1);
  EXPECT_EQ(publisher.dropped(), 0u);
}

TEST(EventPublisher, PrefixSubscriptionFilters) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("events");
  EventPublisher publisher(bus.context(), {endpoint}, "h");
  Subscriber items(bus.context(), endpoint, {"assay.item.", std::string(kProbe)});
  wait_until_subscribed(publisher, items);
  items.unsubscribe(std::string(kProbe));
  // The unsubscribe travels like a subscribe: a probe after a marker that is
  // received proves it arrived.
  publisher.publish(topic::kItemResolved, scan_fields({{"marker", true}}));
  for (;;) {
    auto event = items.receive(2s);
    ASSERT_TRUE(event);
    if (event->payload.contains("marker")) break;
  }
  for (auto topic : {topic::kScanStarted, topic::kItemScored, topic::kFinding, topic::kItemNew,
                     topic::kPluginFailed, topic::kItemResolved, kProbe, topic::kScanCompleted}) {
    publisher.publish(topic, scan_fields());
  }
  std::vector<std::string> seen;
  while (auto event = items.receive(300ms)) seen.push_back(event->topic);
  EXPECT_EQ(seen, (std::vector<std::string>{"assay.item.scored", "assay.item.new", "assay.item.resolved"}));
}

TEST(EventPublisher, InvalidEventIsRefusedWithoutUsingASeq) {
  Bus bus;
  EventPublisher publisher(bus.context(), {bus.unique_endpoint("events")}, "h");
  EXPECT_EQ(publisher.publish(topic::kScanStarted, scan_fields()), 1u);
  EXPECT_THROW(publisher.publish(topic::kScanStarted, nlohmann::json{{"scan_id", "s"}}),
               std::invalid_argument);
  EXPECT_THROW(publisher.publish("", scan_fields()), std::invalid_argument);
  EXPECT_EQ(publisher.publish(topic::kScanCompleted, scan_fields()), 2u);
  EXPECT_EQ(publisher.published(), 2u);
  EXPECT_THROW(EventPublisher(bus.context(), {}, ""), std::invalid_argument);
  EXPECT_THROW(EventPublisher(bus.context(), {}, "h", PublisherOptions{0, {}}), std::invalid_argument);
}

TEST(EventPublisher, DropsAtHighWaterMarkAreCountedAndVisibleAsGaps) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("events");
  EventPublisher publisher(bus.context(), {endpoint}, "h", PublisherOptions{50, {}});
  Subscriber slow(bus.context(), endpoint, {""});
  wait_until_subscribed(publisher, slow);
  while (slow.receive(50ms)) {
  }
  const uint64_t before = publisher.published();
  constexpr uint64_t kBurst = 5000;  // far beyond both queues (publisher 50 + subscriber 1000)
  for (uint64_t i = 0; i < kBurst; ++i) publisher.publish(topic::kFinding, scan_fields());
  EXPECT_EQ(publisher.published(), before + kBurst);
  ASSERT_GT(publisher.dropped(), 0u);

  uint64_t received = 0;
  uint64_t missing = 0;
  uint64_t last = before;
  while (auto event = slow.receive(300ms)) {
    const auto seq = event->payload.at("seq").get<uint64_t>();
    ASSERT_GT(seq, last);
    missing += seq - last - 1;
    last = seq;
    ++received;
  }
  missing += publisher.published() - last;
  EXPECT_EQ(received + publisher.dropped(), kBurst);
  EXPECT_EQ(missing, publisher.dropped()) << "the subscriber's seq gaps are exactly the drops";
}

TEST(EventPublisher, SlowSubscriberOnOneEndpointDoesNotStarveAnother) {
  Bus bus;
  const std::string internal = bus.unique_endpoint("events");
  EventPublisher publisher(bus.context(), {internal}, "h", PublisherOptions{20, {}});
  publisher.bind("tcp://127.0.0.1:*");
  const auto endpoints = publisher.endpoints();
  ASSERT_EQ(endpoints.size(), 2u);
  EXPECT_EQ(endpoints[0], internal);
  ASSERT_TRUE(endpoints[1].starts_with("tcp://127.0.0.1:")) << endpoints[1];
  EXPECT_NE(endpoints[1], "tcp://127.0.0.1:*");

  Subscriber fast(bus.context(), internal, {""});
  Subscriber stalled(bus.context(), endpoints[1], {""});
  wait_until_subscribed(publisher, stalled);
  wait_until_subscribed(publisher, fast);
  while (fast.receive(20ms)) {
  }
  const uint64_t before = publisher.published();
  // How much the stalled TCP path absorbs before it overflows depends on the
  // kernel's socket buffers: publish until it has, within a bound.
  constexpr uint64_t kBurst = 3000;
  constexpr uint64_t kLimit = 300000;
  uint64_t sent = 0;
  uint64_t got = 0;
  for (; sent < kLimit && (sent < kBurst || publisher.dropped() == 0); ++sent) {
    publisher.publish(topic::kFinding, scan_fields());
    while (fast.receive(0ms)) ++got;  // the internal listener keeps up
  }
  while (fast.receive(200ms)) ++got;
  EXPECT_EQ(got, sent);
  EXPECT_EQ(publisher.published(), before + sent);
  EXPECT_GT(publisher.dropped(), 0u) << "the stalled tcp subscriber should have overflowed";
}

TEST(EventPublisher, WantedFollowsSubscriptions) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("events");
  EventPublisher publisher(bus.context(), {endpoint}, "h");
  EXPECT_FALSE(publisher.wanted(topic::kFinding));
  {
    Subscriber subscriber(bus.context(), endpoint, {"assay.item.", std::string(kProbe)});
    wait_until_subscribed(publisher, subscriber);
    EXPECT_TRUE(publisher.wanted(topic::kItemScored));
    EXPECT_FALSE(publisher.wanted(topic::kFinding));
  }
  // The subscriber left: its unsubscriptions reach the publisher in time.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (publisher.wanted(topic::kItemScored) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_FALSE(publisher.wanted(topic::kItemScored));
}

TEST(EventPublisher, SecondPublisherOnSameIpcPathIsRefused) {
  Bus bus;
  const auto dir = std::filesystem::temp_directory_path() / ("assay-bus-ipc-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string endpoint = "ipc://" + (dir / "events").string();
  {
    EventPublisher first(bus.context(), {endpoint}, "h1");
    try {
      EventPublisher second(bus.context(), {endpoint}, "h2");
      FAIL() << "second bind stole the path";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(endpoint), std::string::npos) << e.what();
    }
    Subscriber subscriber(bus.context(), endpoint, {""});
    const Event probe = wait_until_subscribed(first, subscriber);
    EXPECT_EQ(probe.payload.at("producer"), "h1");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace assay::bus
