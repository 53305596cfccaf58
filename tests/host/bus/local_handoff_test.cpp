// Findings between threads of one process move as objects (LocalHandoff);
// the ZeroMQ messages carry only their numbers. Other endpoints still carry
// JSON.
#include "bus/local_handoff.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <future>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "bus/bus.h"
#include "bus/finding_receiver.h"
#include "bus/finding_sender.h"
#include "bus/topics.h"

namespace assay::bus {
namespace {

using namespace std::chrono_literals;

Finding with_text(const std::string& evidence) {
  Finding f;
  f.source = "p";
  f.rule = "r";
  f.title = "t";
  f.evidence = evidence;
  f.details_json = "{ \"kept\" : \"as it is\" }";
  return f;
}

// Runs the receiver until "p" is done; returns what arrived.
std::vector<Finding> receive_all(FindingReceiver& receiver) {
  std::vector<Finding> findings;
  std::atomic<bool> stop{false};
  EXPECT_TRUE(receiver.run(
      {"p"}, [&](Finding&& f) { findings.push_back(std::move(f)); }, [](const FindingReceiver::Done&) {}, stop));
  return findings;
}

TEST(LocalHandoff, ParksAndTakesByNumberOnce) {
  LocalHandoff handoff;
  const uint64_t first = handoff.park(with_text("one"));
  const uint64_t second = handoff.park(with_text("two"));
  EXPECT_NE(first, 0u);
  EXPECT_NE(first, second);
  EXPECT_EQ(handoff.parked(), 2u);
  EXPECT_EQ(handoff.take(second)->evidence, "two");
  EXPECT_FALSE(handoff.take(second).has_value());
  EXPECT_EQ(handoff.take(first)->evidence, "one");
  EXPECT_EQ(handoff.parked(), 0u);
}

TEST(LocalHandoff, InProcessFindingsArriveAsTheObjectsSent) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  const auto handoff = LocalHandoff::find(bus.context(), endpoint);
  ASSERT_NE(handoff, nullptr);
  {
    FindingSender sender(bus.context(), endpoint, "p");
    // Neither is what a JSON round trip would leave: the bytes and the
    // details text arrive untouched.
    EXPECT_TRUE(sender.send(with_text("invalid \xff byte")));
    Finding moved = with_text("second");
    EXPECT_TRUE(sender.send(std::move(moved)));
    EXPECT_TRUE(sender.done("ok"));
  }
  const std::vector<Finding> findings = receive_all(receiver);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].evidence, "invalid \xff byte");
  EXPECT_EQ(findings[0].details_json, "{ \"kept\" : \"as it is\" }");
  EXPECT_EQ(findings[1].evidence, "second");
  EXPECT_EQ(handoff->parked(), 0u);
  EXPECT_EQ(receiver.malformed(), 0u);
}

TEST(LocalHandoff, ABatchArrivesAsItsFindingsInOrderAmongTheOthers) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  const auto handoff = LocalHandoff::find(bus.context(), endpoint);
  ASSERT_NE(handoff, nullptr);
  FindingReceiver::Done done;
  std::vector<Finding> findings;
  {
    FindingSender sender(bus.context(), endpoint, "p");
    EXPECT_TRUE(sender.send(with_text("alone before")));
    std::vector<Finding> batch = {with_text("b1"), with_text("b2"), with_text("b3")};
    EXPECT_TRUE(sender.send_batch(std::move(batch)));
    EXPECT_TRUE(sender.send_batch({}));  // nothing to send is not a failure
    EXPECT_TRUE(sender.send(with_text("alone after")));
    EXPECT_EQ(sender.sent(), 5u) << "a batch counts its findings";
    EXPECT_TRUE(sender.done("ok"));
  }
  std::atomic<bool> stop{false};
  EXPECT_TRUE(receiver.run(
      {"p"}, [&](Finding&& f) { findings.push_back(std::move(f)); },
      [&](const FindingReceiver::Done& d) { done = d; }, stop));
  std::vector<std::string> order;
  for (const Finding& f : findings) order.push_back(f.evidence);
  EXPECT_EQ(order, (std::vector<std::string>{"alone before", "b1", "b2", "b3", "alone after"}));
  EXPECT_EQ(done.findings, 5u);
  EXPECT_EQ(receiver.received(), 5u);
  EXPECT_EQ(handoff->parked(), 0u);
}

TEST(LocalHandoff, ABatchThatCouldNotBeSentIsTakenBackWhole) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  FindingSender sender(bus.context(), endpoint, "p");
  EXPECT_TRUE(sender.done("ok"));
  EXPECT_FALSE(sender.send_batch({with_text("late"), with_text("later")})) << "after done";
  EXPECT_EQ(sender.sent(), 0u);
  EXPECT_EQ(LocalHandoff::find(bus.context(), endpoint)->parked(), 0u);
}

TEST(LocalHandoff, OnlyTheReceiversOwnContextAndEndpointFindIt) {
  Bus bus;
  Bus other;
  const std::string endpoint = bus.unique_endpoint("findings");
  {
    FindingReceiver receiver(bus.context(), endpoint);
    EXPECT_NE(LocalHandoff::find(bus.context(), endpoint), nullptr);
    EXPECT_EQ(LocalHandoff::find(other.context(), endpoint), nullptr);
    EXPECT_EQ(LocalHandoff::find(bus.context(), endpoint + "x"), nullptr);
  }
  EXPECT_EQ(LocalHandoff::find(bus.context(), endpoint), nullptr) << "withdrawn with its receiver";
}

TEST(LocalHandoff, AFindingThatCouldNotBeSentIsTakenBack) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);  // bound, never read
  std::atomic<bool> cancel{false};
  FindingSender sender(bus.context(), endpoint, "p", &cancel);
  auto flooding = std::async(std::launch::async, [&] {
    while (sender.send(with_text("flood"))) {
    }
  });
  EXPECT_EQ(flooding.wait_for(500ms), std::future_status::timeout) << "queue never filled";
  cancel = true;
  ASSERT_EQ(flooding.wait_for(2s), std::future_status::ready);
  // What is queued waits for the receiver; the one refused is not left behind.
  EXPECT_EQ(LocalHandoff::find(bus.context(), endpoint)->parked(), sender.sent());
}

TEST(LocalHandoff, BadHandoffMessagesAreSkippedAndCounted) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  std::vector<std::string> errors;
  FindingReceiver receiver(bus.context(), endpoint, [&](std::string_view e) { errors.emplace_back(e); });
  zmq::socket_t raw(bus.context(), zmq::socket_type::push);
  raw.set(zmq::sockopt::linger, 0);
  raw.connect(endpoint);
  auto send = [&](std::string_view topic, std::string_view payload) {
    raw.send(zmq::buffer(topic), zmq::send_flags::sndmore);
    raw.send(zmq::buffer(payload), zmq::send_flags::none);
  };
  send(topic::kFindingHandoff, "1234");  // wrong size
  const uint64_t never_parked = 77;
  send(topic::kFindingHandoff, std::string_view(reinterpret_cast<const char*>(&never_parked), 8));
  send(topic::kScannerDone, R"({"schema":1,"plugin":"p","status":"ok","findings":0})");
  EXPECT_TRUE(receive_all(receiver).empty());
  EXPECT_EQ(receiver.malformed(), 2u);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("4 bytes, expected 8"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("no finding is parked under number 77"), std::string::npos) << errors[1];
}

TEST(LocalHandoff, ABatchNumberNothingIsParkedUnderIsSkippedAndCounted) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  std::vector<std::string> errors;
  FindingReceiver receiver(bus.context(), endpoint, [&](std::string_view e) { errors.emplace_back(e); });
  zmq::socket_t raw(bus.context(), zmq::socket_type::push);
  raw.set(zmq::sockopt::linger, 0);
  raw.connect(endpoint);
  const uint64_t never_parked = 78;
  raw.send(zmq::buffer(topic::kBatchHandoff), zmq::send_flags::sndmore);
  raw.send(zmq::buffer(std::string_view(reinterpret_cast<const char*>(&never_parked), 8)), zmq::send_flags::none);
  raw.send(zmq::buffer(topic::kScannerDone), zmq::send_flags::sndmore);
  raw.send(zmq::buffer(std::string_view(R"({"schema":1,"plugin":"p","status":"ok","findings":0})")),
           zmq::send_flags::none);
  EXPECT_TRUE(receive_all(receiver).empty());
  EXPECT_EQ(receiver.malformed(), 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("no batch is parked under number 78"), std::string::npos) << errors[0];
}

TEST(LocalHandoff, OtherProcessesEndpointsCarryJson) {
  const auto dir = std::filesystem::temp_directory_path() / ("assay-handoff-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string endpoint = "ipc://" + (dir / "findings").string();
  std::vector<Finding> findings;
  {
    Bus bus;
    FindingReceiver receiver(bus.context(), endpoint);
    EXPECT_EQ(LocalHandoff::find(bus.context(), endpoint), nullptr);
    {
      FindingSender sender(bus.context(), endpoint, "p");
      EXPECT_TRUE(sender.send(with_text("invalid \xff byte")));
      EXPECT_TRUE(sender.send_batch({with_text("one of a batch"), with_text("two of a batch")}));
      EXPECT_EQ(sender.sent(), 3u);
      EXPECT_TRUE(sender.done("ok"));
    }
    findings = receive_all(receiver);
  }
  std::filesystem::remove_all(dir);
  ASSERT_EQ(findings.size(), 3u) << "a batch travels as its findings' JSON";
  EXPECT_EQ(findings[0].evidence, "invalid \xEF\xBF\xBD byte") << "the JSON encoding replaced the byte";
  EXPECT_EQ(findings[1].evidence, "one of a batch");
  EXPECT_EQ(findings[2].evidence, "two of a batch");
  EXPECT_EQ(findings[0].details_json, R"({"kept":"as it is"})");
}

}  // namespace
}  // namespace assay::bus
