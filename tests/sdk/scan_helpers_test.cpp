// The C++ helpers of plugin.hpp over a host API table whose parallel_for runs
// the calls in order on the calling thread.
#include <gtest/gtest.h>

#include <assay/plugin.hpp>
#include <stdexcept>
#include <vector>

namespace {

assay_status sequential_parallel_for(const assay_scan*, size_t count, void (*fn)(void*, size_t), void* user) {
  for (size_t i = 0; i < count; ++i) fn(user, i);
  return ASSAY_OK;
}

assay_host_api sequential_host() {
  assay_host_api api{};
  api.struct_size = sizeof(api);
  api.parallel_for = sequential_parallel_for;
  return api;
}

TEST(ScanParallelFor, TakesANamedCallable) {
  const assay_host_api api = sequential_host();
  const assay::sdk::Scan scan(&api, nullptr);
  std::vector<size_t> seen;
  auto record = [&seen](size_t i) { seen.push_back(i); };
  EXPECT_TRUE(scan.parallel_for(3, record));
  EXPECT_EQ(seen, (std::vector<size_t>{0, 1, 2}));
}

TEST(ScanParallelFor, TakesAConstNamedCallable) {
  const assay_host_api api = sequential_host();
  const assay::sdk::Scan scan(&api, nullptr);
  size_t sum = 0;
  const auto add = [&sum](size_t i) { sum += i; };
  EXPECT_TRUE(scan.parallel_for(4, add));
  EXPECT_EQ(sum, 6u);
}

TEST(ScanParallelFor, RethrowsTheFirstExceptionAfterAllCalls) {
  const assay_host_api api = sequential_host();
  const assay::sdk::Scan scan(&api, nullptr);
  size_t calls = 0;
  try {
    scan.parallel_for(5, [&calls](size_t i) {
      ++calls;
      if (i == 1) throw std::runtime_error("first");
      if (i == 3) throw std::runtime_error("second");
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "first");
  }
  EXPECT_EQ(calls, 5u);
}

}  // namespace
