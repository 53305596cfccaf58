// The findings pipeline end to end over inproc: FindingSender (PUSH) to
// FindingReceiver (PULL).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include <zmq.hpp>

#include "bus/bus.h"
#include "bus/finding_message.h"
#include "bus/finding_receiver.h"
#include "bus/finding_sender.h"
#include "bus/topics.h"

namespace assay::bus {
namespace {

using namespace std::chrono_literals;

// A finding whose line_start numbers it within its (plugin, thread) stream.
Finding numbered(const std::string& plugin, uint32_t stream, uint32_t n) {
  Finding f;
  f.source = plugin;
  f.rule = "stream-" + std::to_string(stream);
  f.title = "finding " + std::to_string(n);
  f.line_start = n;
  f.line_end = n;
  return f;
}

// What one run() saw, in arrival order.
struct Log {
  std::mutex mutex;
  std::vector<std::string> events;  // "F:<plugin>" or "D:<plugin>"
  std::vector<Finding> findings;
  std::vector<FindingReceiver::Done> dones;

  std::function<void(Finding&&)> finding_handler() {
    return [this](Finding&& f) {
      std::lock_guard lock(mutex);
      events.push_back("F:" + f.source);
      findings.push_back(std::move(f));
    };
  }
  std::function<void(const FindingReceiver::Done&)> done_handler() {
    return [this](const FindingReceiver::Done& d) {
      std::lock_guard lock(mutex);
      events.push_back("D:" + d.plugin);
      dones.push_back(d);
    };
  }
};

TEST(FindingsPipeline, OneSenderArrivesInOrderAndDoneLast) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  constexpr uint32_t kCount = 5000;  // more than both queues hold: the sender waits
  std::thread scanner([&] {
    FindingSender sender(bus.context(), endpoint, "markers");
    for (uint32_t i = 1; i <= kCount; ++i) ASSERT_TRUE(sender.send(numbered("markers", 0, i)));
    EXPECT_TRUE(sender.done("ok"));
    EXPECT_FALSE(sender.send(numbered("markers", 0, kCount + 1)));  // nothing after done
  });
  Log log;
  std::atomic<bool> stop{false};
  uint32_t slow = 0;
  auto on_finding = [&](Finding&& f) {
    if (++slow % 500 == 0) std::this_thread::sleep_for(20ms);  // a slow scoring stage
    log.finding_handler()(std::move(f));
  };
  EXPECT_TRUE(receiver.run({"markers"}, on_finding, log.done_handler(), stop));
  scanner.join();
  ASSERT_EQ(log.findings.size(), kCount);
  for (uint32_t i = 0; i < kCount; ++i) ASSERT_EQ(log.findings[i].line_start, i + 1);
  ASSERT_EQ(log.dones.size(), 1u);
  EXPECT_EQ(log.events.back(), "D:markers");
  EXPECT_EQ(log.dones[0].status, "ok");
  EXPECT_EQ(log.dones[0].findings, kCount);
  EXPECT_EQ(receiver.received(), kCount);
  EXPECT_EQ(receiver.malformed(), 0u);
}

TEST(FindingsPipeline, ManySendersFromManyThreadsKeepEachStreamsOrder) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  constexpr int kPlugins = 4;
  constexpr int kThreadsPerPlugin = 3;
  constexpr uint32_t kPerThread = 400;
  std::vector<std::string> plugins;
  for (int p = 0; p < kPlugins; ++p) plugins.push_back("scanner-" + std::to_string(p));

  std::vector<std::thread> runs;
  for (const auto& plugin : plugins) {
    runs.emplace_back([&, plugin] {
      FindingSender sender(bus.context(), endpoint, plugin);
      std::vector<std::thread> workers;
      for (uint32_t t = 0; t < kThreadsPerPlugin; ++t) {
        workers.emplace_back([&, t] {
          for (uint32_t i = 1; i <= kPerThread; ++i) EXPECT_TRUE(sender.send(numbered(plugin, t, i)));
        });
      }
      for (auto& w : workers) w.join();
      sender.done("ok");
    });
  }
  Log log;
  std::atomic<bool> stop{false};
  EXPECT_TRUE(receiver.run(plugins, log.finding_handler(), log.done_handler(), stop));
  for (auto& r : runs) r.join();

  ASSERT_EQ(log.findings.size(), size_t{kPlugins * kThreadsPerPlugin * kPerThread});
  std::map<std::pair<std::string, std::string>, uint32_t> last;  // (plugin, stream) → last number
  std::map<std::string, bool> done_seen;
  for (size_t i = 0, f = 0; i < log.events.size(); ++i) {
    const std::string plugin = log.events[i].substr(2);
    if (log.events[i][0] == 'D') {
      done_seen[plugin] = true;
      continue;
    }
    const Finding& finding = log.findings[f++];
    EXPECT_FALSE(done_seen[plugin]) << "finding of " << plugin << " after its done";
    auto& previous = last[{finding.source, finding.rule}];
    ASSERT_EQ(finding.line_start, previous + 1) << finding.source << " " << finding.rule;
    previous = finding.line_start;
  }
  EXPECT_EQ(last.size(), size_t{kPlugins * kThreadsPerPlugin});
  ASSERT_EQ(log.dones.size(), size_t{kPlugins});
  for (const auto& done : log.dones) EXPECT_EQ(done.findings, kThreadsPerPlugin * kPerThread);
}

TEST(FindingsPipeline, RunReturnsOnlyWhenEveryExpectedScannerIsDone) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  FindingSender first(bus.context(), endpoint, "first");
  FindingSender second(bus.context(), endpoint, "second");
  Log log;
  std::atomic<bool> stop{false};
  auto running = std::async(std::launch::async, [&] {
    return receiver.run({"first", "second"}, log.finding_handler(), log.done_handler(), stop);
  });
  ASSERT_TRUE(first.send(numbered("first", 0, 1)));
  ASSERT_TRUE(first.done("ok"));
  EXPECT_EQ(running.wait_for(300ms), std::future_status::timeout) << "returned before 'second' was done";
  ASSERT_TRUE(second.done("cancelled", "stopped by user"));
  ASSERT_EQ(running.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(running.get());
  EXPECT_EQ(log.events, (std::vector<std::string>{"F:first", "D:first", "D:second"}));
  EXPECT_EQ(log.dones[1].status, "cancelled");
  EXPECT_EQ(log.dones[1].error, "stopped by user");
  EXPECT_EQ(log.dones[1].findings, 0u);
}

TEST(FindingsPipeline, StopFlagEndsRunPromptly) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  Log log;
  std::atomic<bool> stop{false};
  auto running = std::async(std::launch::async, [&] {
    return receiver.run({"never-done"}, log.finding_handler(), log.done_handler(), stop);
  });
  std::this_thread::sleep_for(100ms);
  const auto asked = std::chrono::steady_clock::now();
  stop = true;
  ASSERT_EQ(running.wait_for(2s), std::future_status::ready);
  EXPECT_LT(std::chrono::steady_clock::now() - asked, 500ms);
  EXPECT_FALSE(running.get());
  EXPECT_TRUE(log.dones.empty());
}

TEST(FindingsPipeline, SenderDestroyedWithoutDoneIsReportedFailed) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  {
    FindingSender crashed(bus.context(), endpoint, "crashy");
    ASSERT_TRUE(crashed.send(numbered("crashy", 0, 1)));
    ASSERT_TRUE(crashed.send(numbered("crashy", 0, 2)));
  }  // closed before the receiver read anything: the findings still arrive
  Log log;
  std::atomic<bool> stop{false};
  EXPECT_TRUE(receiver.run({"crashy"}, log.finding_handler(), log.done_handler(), stop));
  EXPECT_EQ(log.findings.size(), 2u);
  ASSERT_EQ(log.dones.size(), 1u);
  EXPECT_EQ(log.dones[0].status, "failed");
  EXPECT_EQ(log.dones[0].findings, 2u);
  EXPECT_NE(log.dones[0].error.find("without reporting done"), std::string::npos);
}

TEST(FindingsPipeline, MarkDoneOutOfBandEndsWaitForDeadScanner) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  Log log;
  std::atomic<bool> stop{false};
  auto running = std::async(std::launch::async, [&] {
    return receiver.run({"worker"}, log.finding_handler(), log.done_handler(), stop);
  });
  std::this_thread::sleep_for(100ms);
  receiver.mark_done({"worker", "failed", "worker process exited with signal 9", 0});
  receiver.mark_done({"worker", "failed", "reported twice", 0});  // ignored: already done
  ASSERT_EQ(running.wait_for(2s), std::future_status::ready);
  EXPECT_TRUE(running.get());
  ASSERT_EQ(log.dones.size(), 1u);
  EXPECT_EQ(log.dones[0].error, "worker process exited with signal 9");
}

TEST(FindingsPipeline, CancelUnblocksSenderWaitingOnFullQueue) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);  // bound, never read
  std::atomic<bool> cancel{false};
  FindingSender sender(bus.context(), endpoint, "flood", &cancel);
  auto flooding = std::async(std::launch::async, [&] {
    uint32_t n = 0;
    while (sender.send(numbered("flood", 0, ++n))) {
    }
    return n - 1;
  });
  EXPECT_EQ(flooding.wait_for(500ms), std::future_status::timeout) << "queue never filled";
  cancel = true;
  ASSERT_EQ(flooding.wait_for(2s), std::future_status::ready);
  EXPECT_EQ(flooding.get(), sender.sent());
  EXPECT_GT(sender.sent(), 0u);
}

TEST(FindingsPipeline, MalformedMessagesAreSkippedAndCounted) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  std::vector<std::string> errors;
  FindingReceiver receiver(bus.context(), endpoint, [&](std::string_view e) { errors.emplace_back(e); });
  zmq::socket_t raw(bus.context(), zmq::socket_type::push);
  raw.set(zmq::sockopt::linger, 0);
  raw.connect(endpoint);
  auto send = [&](std::vector<std::string> frames) {
    for (size_t i = 0; i < frames.size(); ++i) {
      raw.send(zmq::buffer(frames[i]),
               i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none);
    }
  };
  send({"assay.finding"});                                                                   // one frame
  send({"assay.finding", R"({"schema":1})", "extra"});                                       // three frames
  send({"assay.finding", "{oops"});                                                          // bad JSON
  send({"assay.finding", R"({"schema":1,"source":"x","rule":"r"})"});                        // no title
  send({"assay.bogus", R"({"schema":1})"});                                                  // unknown topic
  send({"assay.scanner.done", R"({"schema":1,"plugin":"x","status":"meh","findings":0})"});  // bad status
  // On the same socket, so that they arrive after the malformed ones.
  send({"assay.finding", encode_finding(numbered("x", 0, 1))});
  send({"assay.scanner.done", encode_done({"x", "ok", "", 1})});
  Log log;
  std::atomic<bool> stop{false};
  EXPECT_TRUE(receiver.run({"x"}, log.finding_handler(), log.done_handler(), stop));
  EXPECT_EQ(log.findings.size(), 1u);
  EXPECT_EQ(receiver.malformed(), 6u);
  ASSERT_EQ(errors.size(), 6u);
  EXPECT_NE(errors[0].find(endpoint), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("got 3"), std::string::npos) << errors[1];
  EXPECT_NE(errors[3].find("title"), std::string::npos) << errors[3];
  EXPECT_NE(errors[4].find("assay.bogus"), std::string::npos) << errors[4];
}

TEST(FindingsPipeline, InvalidDoneStatusIsRefused) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  FindingSender sender(bus.context(), endpoint, "p");
  EXPECT_THROW(sender.done("finished"), std::invalid_argument);
  EXPECT_TRUE(sender.done("ok"));
  EXPECT_FALSE(sender.done("ok"));  // only the first done is sent
}

TEST(FindingsPipeline, BindingTwiceNamesTheEndpoint) {
  Bus bus;
  const std::string endpoint = bus.unique_endpoint("findings");
  FindingReceiver receiver(bus.context(), endpoint);
  try {
    FindingReceiver again(bus.context(), endpoint);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(endpoint), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace assay::bus
