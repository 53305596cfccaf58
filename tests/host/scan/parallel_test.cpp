// parallel_for: every index once, cancellation, and no deadlock when every
// pool thread is itself a caller waiting in parallel_for.
#include "scan/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <future>
#include <vector>

namespace assay::scan {
namespace {

TEST(ParallelFor, VisitsEveryIndexExactlyOnce) {
  boost::asio::thread_pool pool(4);
  std::vector<std::atomic<int>> hits(10000);
  std::atomic<bool> cancelled{false};
  EXPECT_TRUE(parallel_for(pool, 4, hits.size(), [&](size_t i) { hits[i].fetch_add(1); }, cancelled));
  for (const auto& h : hits) ASSERT_EQ(h.load(), 1);
  pool.join();
}

TEST(ParallelFor, ZeroAndOneItems) {
  boost::asio::thread_pool pool(2);
  std::atomic<bool> cancelled{false};
  int calls = 0;
  EXPECT_TRUE(parallel_for(pool, 2, 0, [&](size_t) { ++calls; }, cancelled));
  EXPECT_TRUE(parallel_for(pool, 2, 1, [&](size_t) { ++calls; }, cancelled));
  EXPECT_EQ(calls, 1);
  pool.join();
}

TEST(ParallelFor, CancellationSkipsTheRest) {
  boost::asio::thread_pool pool(2);
  std::atomic<bool> cancelled{false};
  std::atomic<size_t> calls{0};
  bool finished = parallel_for(
      pool, 2, 100000,
      [&](size_t i) {
        calls.fetch_add(1);
        if (i == 10) cancelled.store(true);
      },
      cancelled);
  EXPECT_FALSE(finished);
  EXPECT_LT(calls.load(), 100000u);
  pool.join();
}

// Two "scanners" occupy both pool threads and each calls parallel_for: the
// helpers they post can never start, so the callers must do all the work.
TEST(ParallelFor, CallersOnEveryPoolThreadDoNotDeadlock) {
  boost::asio::thread_pool pool(2);
  std::atomic<bool> cancelled{false};
  std::atomic<size_t> total{0};
  std::promise<void> a_done;
  std::promise<void> b_done;
  auto scanner = [&](std::promise<void>& done) {
    parallel_for(pool, 2, 5000, [&](size_t) { total.fetch_add(1); }, cancelled);
    done.set_value();
  };
  boost::asio::post(pool, [&] { scanner(a_done); });
  boost::asio::post(pool, [&] { scanner(b_done); });
  ASSERT_EQ(a_done.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
  ASSERT_EQ(b_done.get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
  EXPECT_EQ(total.load(), 10000u);
  pool.join();
}

}  // namespace
}  // namespace assay::scan
