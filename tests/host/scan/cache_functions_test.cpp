// The cache functions of the host API (API 1.4) as a plugin sees them: a
// miss, a hit after a put, each scanner with its own keys, bad arguments,
// and what a scan without a cache answers.
#include "scan/cache_functions.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "plugin_cache/plugin_cache.h"
#include "scan/scan_target.h"

namespace assay::scan {
namespace {

class CacheFunctions : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() / ("cache-functions-" + std::to_string(::getpid()));
    std::filesystem::remove_all(file_);
    cache_ = plugin_cache::PluginCache::open(file_);
    for (assay_scan* target : {&hotspots_, &testgaps_}) {
      target->plugin_cache = cache_.get();
      target->plugin_version = "1.0.0";
    }
    hotspots_.plugin = "hotspots";
    testgaps_.plugin = "testgaps";
    add_cache_functions(api_);
  }
  void TearDown() override { std::filesystem::remove_all(file_); }

  // The value of `key` for `target`, or "<miss>".
  std::string get(const assay_scan& target, std::string_view key) {
    const char* value = reinterpret_cast<const char*>(1);  // must be overwritten
    size_t size = 99;
    EXPECT_EQ(api_.cache_get(&target, key.data(), key.size(), &value, &size), ASSAY_OK);
    if (value) return std::string(value, size);
    EXPECT_EQ(size, 0u);
    return "<miss>";
  }

  std::filesystem::path file_;
  std::unique_ptr<plugin_cache::PluginCache> cache_;
  assay_scan hotspots_;
  assay_scan testgaps_;
  assay_host_api api_{};
};

TEST_F(CacheFunctions, AMissThenAHitAfterAPut) {
  EXPECT_EQ(get(hotspots_, "k"), "<miss>");
  ASSERT_EQ(api_.cache_put(&hotspots_, "k", 1, "v\0w", 3), ASSAY_OK);
  EXPECT_EQ(get(hotspots_, "k"), std::string("v\0w", 3));
  ASSERT_EQ(api_.cache_put(&hotspots_, "e", 1, nullptr, 0), ASSAY_OK);  // an empty value is a value
  EXPECT_EQ(get(hotspots_, "e"), "");
}

TEST_F(CacheFunctions, EachScannerHasItsOwnKeys) {
  ASSERT_EQ(api_.cache_put(&hotspots_, "k", 1, "h", 1), ASSAY_OK);
  EXPECT_EQ(get(testgaps_, "k"), "<miss>");
  ASSERT_EQ(api_.cache_put(&testgaps_, "k", 1, "t", 1), ASSAY_OK);
  EXPECT_EQ(get(hotspots_, "k"), "h");
  EXPECT_EQ(get(testgaps_, "k"), "t");
}

TEST_F(CacheFunctions, BadArgumentsAreInvalid) {
  const char* value = nullptr;
  size_t size = 0;
  EXPECT_EQ(api_.cache_get(&hotspots_, nullptr, 1, &value, &size), ASSAY_INVALID);
  EXPECT_EQ(api_.cache_get(&hotspots_, "k", 0, &value, &size), ASSAY_INVALID);
  EXPECT_EQ(api_.cache_get(&hotspots_, "k", 1, nullptr, &size), ASSAY_INVALID);
  EXPECT_EQ(api_.cache_get(&hotspots_, "k", 1, &value, nullptr), ASSAY_INVALID);
  const std::string long_key(ASSAY_CACHE_MAX_KEY + 1, 'k');
  EXPECT_EQ(api_.cache_get(&hotspots_, long_key.data(), long_key.size(), &value, &size), ASSAY_INVALID);
  EXPECT_EQ(api_.cache_put(&hotspots_, long_key.data(), long_key.size(), "v", 1), ASSAY_INVALID);
  EXPECT_EQ(api_.cache_put(&hotspots_, long_key.data(), ASSAY_CACHE_MAX_KEY, "v", 1), ASSAY_OK);
  const std::string big(ASSAY_CACHE_MAX_VALUE + 1, 'v');
  EXPECT_EQ(api_.cache_put(&hotspots_, "k", 1, big.data(), big.size()), ASSAY_INVALID);
  EXPECT_EQ(api_.cache_put(&hotspots_, "k", 1, nullptr, 1), ASSAY_INVALID);
  EXPECT_EQ(api_.cache_put(nullptr, "k", 1, "v", 1), ASSAY_INVALID);
  EXPECT_EQ(get(hotspots_, "k"), "<miss>");  // none of the refused puts stored anything
}

TEST_F(CacheFunctions, AScanWithoutACacheIsUnsupported) {
  assay_scan target;
  target.plugin = "hotspots";
  const char* value = reinterpret_cast<const char*>(1);
  size_t size = 5;
  EXPECT_EQ(api_.cache_get(&target, "k", 1, &value, &size), ASSAY_UNSUPPORTED);
  EXPECT_EQ(value, nullptr);
  EXPECT_EQ(size, 0u);
  EXPECT_EQ(api_.cache_put(&target, "k", 1, "v", 1), ASSAY_UNSUPPORTED);
}

}  // namespace
}  // namespace assay::scan
