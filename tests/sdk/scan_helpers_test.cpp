// The C++ helpers of plugin.hpp over a host API table whose parallel_for runs
// the calls in order on the calling thread.
#include <gtest/gtest.h>

#include <assay/plugin.hpp>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>
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

// A table with a cache of one entry, "k" -> "v", that counts its calls.
int cache_calls = 0;
assay_status one_entry_get(const assay_scan*, const char* key, size_t key_size, const char** value,
                           size_t* value_size) {
  ++cache_calls;
  const bool hit = std::string_view(key, key_size) == "k";
  *value = hit ? "v" : nullptr;
  *value_size = hit ? 1 : 0;
  return ASSAY_OK;
}
assay_status accept_put(const assay_scan*, const char*, size_t, const char*, size_t) {
  ++cache_calls;
  return ASSAY_OK;
}

TEST(ScanCache, HitMissAndPutOnA14Host) {
  assay_host_api api = sequential_host();
  api.api_minor = 4;
  api.cache_get = one_entry_get;
  api.cache_put = accept_put;
  const assay::sdk::Scan scan(&api, nullptr);
  EXPECT_TRUE(scan.has_cache_api());
  EXPECT_EQ(scan.cache_get("k"), std::optional<std::string_view>("v"));
  EXPECT_EQ(scan.cache_get("other"), std::nullopt);
  EXPECT_TRUE(scan.cache_put("k", "w"));
}

TEST(ScanCache, AHostBefore14IsNeverCalled) {
  // A 1.3 host's table ends at commits_since: what lies beyond is not its.
  assay_host_api api = sequential_host();
  api.api_minor = 3;
  api.struct_size = offsetof(assay_host_api, cache_get);
  api.cache_get = one_entry_get;
  api.cache_put = accept_put;
  cache_calls = 0;
  const assay::sdk::Scan scan(&api, nullptr);
  EXPECT_FALSE(scan.has_cache_api());
  EXPECT_EQ(scan.cache_get("k"), std::nullopt);
  EXPECT_FALSE(scan.cache_put("k", "w"));
  EXPECT_EQ(cache_calls, 0);
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
