#include "serve/scan_slots.h"

#include <gtest/gtest.h>

namespace assay::serve {
namespace {

ScanRequest request(const char* reason, std::optional<std::vector<std::string>> scanners = std::nullopt) {
  return {reason, std::move(scanners), std::nullopt};
}

TEST(ScanSlots, LimitQueuesAndFinishAdmitsInOrder) {
  ScanSlots slots(2);
  EXPECT_EQ(slots.request("a", request("every 1h")), Admission::start);
  EXPECT_EQ(slots.request("b", request("every 1h")), Admission::start);
  EXPECT_EQ(slots.request("c", request("every 1h")), Admission::queued);
  EXPECT_EQ(slots.running(), 2);
  EXPECT_EQ(slots.pending(), 1);
  auto started = slots.finish("a");
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].first, "c");
  EXPECT_EQ(slots.running(), 2);
  EXPECT_EQ(slots.pending(), 0);
}

TEST(ScanSlots, NeverTwoScansOfOneRepositoryAndFiresCoalesce) {
  ScanSlots slots(4);
  EXPECT_EQ(slots.request("a", request("every 1s", std::vector<std::string>{"osv"})), Admission::start);
  // Three more fires while it runs: one pending request, not three.
  EXPECT_EQ(slots.request("a", request("every 1s", std::vector<std::string>{"osv"})), Admission::coalesced);
  EXPECT_EQ(slots.request("a", request("cron 0 2 * * *", std::vector<std::string>{"markers"})),
            Admission::coalesced);
  EXPECT_EQ(slots.request("a", request("every 1s", std::vector<std::string>{"osv"})), Admission::coalesced);
  EXPECT_EQ(slots.running(), 1);
  EXPECT_EQ(slots.pending(), 1);
  EXPECT_TRUE(slots.is_running("a"));
  auto started = slots.finish("a");
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].first, "a");
  EXPECT_EQ(started[0].second.reason, "every 1s, cron 0 2 * * *");
  EXPECT_EQ(started[0].second.scanners, (std::vector<std::string>{"markers", "osv"}));
  EXPECT_TRUE(slots.finish("a").empty());
  EXPECT_EQ(slots.running(), 0);
}

TEST(ScanSlots, AllScannersAbsorbASubsetAndTheLaterCommitWins) {
  ScanRequest first{"every 1h", std::vector<std::string>{"osv"}, std::string("aaa")};
  first.merge({"commit bbb", std::nullopt, std::string("bbb")});
  EXPECT_FALSE(first.scanners.has_value());
  EXPECT_EQ(first.rev, "bbb");
}

TEST(ScanSlots, BusyRepositoryWaitsBehindOthers) {
  ScanSlots slots(1);
  EXPECT_EQ(slots.request("a", request("x")), Admission::start);
  EXPECT_EQ(slots.request("b", request("x")), Admission::queued);
  EXPECT_EQ(slots.request("a", request("y")), Admission::coalesced);
  auto started = slots.finish("a");
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].first, "b");
  started = slots.finish("b");
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].first, "a");
  EXPECT_EQ(started[0].second.reason, "y");
}

TEST(ScanSlots, RaisingTheLimitAdmitsWaitingScans) {
  ScanSlots slots(1);
  slots.request("a", request("x"));
  slots.request("b", request("x"));
  slots.request("c", request("x"));
  auto started = slots.set_limit(3);
  ASSERT_EQ(started.size(), 2u);
  EXPECT_EQ(started[0].first, "b");
  EXPECT_EQ(started[1].first, "c");
}

TEST(ScanSlots, ForgottenRepositoryIsNotStarted) {
  ScanSlots slots(1);
  slots.request("a", request("x"));
  slots.request("b", request("x"));
  slots.forget_pending("b");
  EXPECT_TRUE(slots.finish("a").empty());
  EXPECT_EQ(slots.pending(), 0);
}

}  // namespace
}  // namespace assay::serve
