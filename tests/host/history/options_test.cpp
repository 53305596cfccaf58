// The history section as the host reads it: the window and the limits.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "history/history_options.h"

namespace assay::history {
namespace {

constexpr int64_t kDay = 86400;

TEST(HistoryWindow, ReadsAllDaysWeeksAndYears) {
  EXPECT_EQ(parse_window("all"), std::nullopt);
  EXPECT_EQ(parse_window("365d"), 365 * kDay);
  EXPECT_EQ(parse_window("2w"), 14 * kDay);
  EXPECT_EQ(parse_window("3y"), 3 * 365 * kDay);
}

TEST(HistoryWindow, RefusesAnythingElse) {
  for (const char* bad : {"", "0d", "10", "d", "10x", "1000000d", "-5d", "all "}) {
    EXPECT_THROW(parse_window(bad), std::invalid_argument) << bad;
  }
}

TEST(HistoryOptions, DefaultsWithoutASection) {
  const HistoryOptions options = HistoryOptions::from_yaml(YAML::Node());
  EXPECT_TRUE(options.enabled);
  EXPECT_EQ(options.window_seconds, std::nullopt);
  EXPECT_EQ(options.cache_file, ".assay/history.cache");
  EXPECT_EQ(options.max_blob_bytes, 1u << 20);
  EXPECT_DOUBLE_EQ(options.hotspot.per_doubling, 0.5);
}

TEST(HistoryOptions, ReadsEveryKey) {
  const HistoryOptions options = HistoryOptions::from_yaml(
      YAML::Load("enabled: false\nsince: 26w\nfirst_parent: true\nmax_blob_size: 2048\ncache_file: ''\n"
                 "hotspot: {per_doubling: 1, min_multiplier: 0.25, max_multiplier: 4}\n"));
  EXPECT_FALSE(options.enabled);
  EXPECT_EQ(options.window_seconds, 26 * 7 * kDay);
  EXPECT_EQ(options.window_text, "26w");
  EXPECT_TRUE(options.first_parent);
  EXPECT_EQ(options.max_blob_bytes, 2048u);
  EXPECT_EQ(options.cache_file, "");
  EXPECT_DOUBLE_EQ(options.hotspot.per_doubling, 1.0);
  EXPECT_DOUBLE_EQ(options.hotspot.min_multiplier, 0.25);
  EXPECT_DOUBLE_EQ(options.hotspot.max_multiplier, 4.0);
}

TEST(HistoryOptions, ErrorsNameTheField) {
  try {
    HistoryOptions::from_yaml(YAML::Load("since: forever\n"));
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("history.since: 'forever' is not a window", 0), 0u) << e.what();
  }
  try {
    HistoryOptions::from_yaml(YAML::Load("hotspot: {min_multiplier: 2}\n"));
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).rfind("history.hotspot.min_multiplier: must be a number in", 0), 0u)
        << e.what();
  }
}

TEST(HistoryOptions, TheCacheFileLivesUnderTheRootUnlessAbsolute) {
  HistoryOptions options;
  EXPECT_EQ(options.cache_path("/repo"), std::filesystem::path("/repo/.assay/history.cache"));
  options.cache_file = "../caches/./h.cache";
  EXPECT_EQ(options.cache_path("/repo/sub"), std::filesystem::path("/repo/caches/h.cache"));
  options.cache_file = "/var/cache/assay/h.cache";
  EXPECT_EQ(options.cache_path("/repo"), std::filesystem::path("/var/cache/assay/h.cache"));
  options.cache_file.clear();
  EXPECT_TRUE(options.cache_path("/repo").empty());
}

}  // namespace
}  // namespace assay::history
