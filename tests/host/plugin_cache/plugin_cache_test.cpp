// The plugin cache across scans: what a scanner used is kept, what it did
// not use is dropped after its complete run, a new version starts empty, a
// damaged file costs only the damaged part, and nothing is written when
// nothing changed.
#include "plugin_cache/plugin_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "plugin_cache/cache_file.h"

namespace assay::plugin_cache {
namespace {

class PluginCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("plugin-cache-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    file_ = dir_ / "plugin.cache";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // One scan: `run` with the cache of `name` at `version`, then its end.
  template <class Run>
  void scan(const std::string& name, const std::string& version, bool complete, Run run) {
    auto cache = PluginCache::open(file_);
    run(cache->scanner(name, version));
    cache->finish(name, complete);
    cache->save();
  }

  std::map<std::string, std::string> stored(const std::string& name) {
    const ReadResult read = read_cache_file(file_);
    EXPECT_EQ(read.problem, "");
    std::map<std::string, std::string> out;
    if (auto it = read.scanners.find(name); it != read.scanners.end())
      for (const auto& [k, v] : it->second.entries) out[k] = v;
    return out;
  }

  std::filesystem::path dir_;
  std::filesystem::path file_;
};

using Entries = std::map<std::string, std::string>;

TEST_F(PluginCacheTest, AValuePutInOneScanIsReadInTheNext) {
  scan("hotspots", "1.0.0", true, [](ScannerEntries& e) {
    EXPECT_EQ(e.get("blob-a"), std::nullopt);
    e.put("blob-a", "measure a");
  });
  scan("hotspots", "1.0.0", true, [](ScannerEntries& e) {
    EXPECT_EQ(e.get("blob-a"), std::optional<std::string_view>("measure a"));
    EXPECT_EQ(e.hits(), 1u);
  });
  EXPECT_EQ(stored("hotspots"), (Entries{{"blob-a", "measure a"}}));
}

TEST_F(PluginCacheTest, AStaleEntryIsDroppedAfterACompleteRun) {
  scan("hotspots", "1", true, [](ScannerEntries& e) {
    e.put("old-blob", "a");
    e.put("same-blob", "b");
  });
  // The file changed: its old blob is not asked for, its new one is put.
  scan("hotspots", "1", true, [](ScannerEntries& e) {
    EXPECT_TRUE(e.get("same-blob"));
    EXPECT_FALSE(e.get("new-blob"));
    e.put("new-blob", "c");
  });
  EXPECT_EQ(stored("hotspots"), (Entries{{"new-blob", "c"}, {"same-blob", "b"}}));
}

TEST_F(PluginCacheTest, AFailedRunKeepsEveryEntry) {
  scan("hotspots", "1", true, [](ScannerEntries& e) { e.put("a", "1"); });
  scan("hotspots", "1", false, [](ScannerEntries& e) { e.put("b", "2"); });
  EXPECT_EQ(stored("hotspots"), (Entries{{"a", "1"}, {"b", "2"}}));
}

TEST_F(PluginCacheTest, AScannerThatDidNotRunKeepsItsEntries) {
  scan("testgaps", "1", true, [](ScannerEntries& e) { e.put("t", "x"); });
  scan("hotspots", "1", true, [](ScannerEntries& e) { e.put("h", "y"); });
  EXPECT_EQ(stored("testgaps"), (Entries{{"t", "x"}}));
  EXPECT_EQ(stored("hotspots"), (Entries{{"h", "y"}}));
}

TEST_F(PluginCacheTest, ANewVersionOfTheScannerStartsEmpty) {
  scan("hotspots", "1.0.0", true, [](ScannerEntries& e) { e.put("a", "old measure"); });
  scan("hotspots", "1.1.0", true, [](ScannerEntries& e) { EXPECT_FALSE(e.get("a")); });
  const ReadResult read = read_cache_file(file_);
  EXPECT_EQ(read.scanners.count("hotspots"), 0u);  // no entries left: not written
}

TEST_F(PluginCacheTest, AValueHandedOutStaysValidAfterAPutOfItsKey) {
  scan("s", "1", true, [](ScannerEntries& e) { e.put("k", "first value, long enough to be on the heap"); });
  scan("s", "1", true, [](ScannerEntries& e) {
    const std::optional<std::string_view> before = e.get("k");
    ASSERT_TRUE(before);
    e.put("k", "second");
    EXPECT_EQ(*before, "first value, long enough to be on the heap");
    EXPECT_EQ(e.get("k"), std::optional<std::string_view>("second"));
  });
  EXPECT_EQ(stored("s"), (Entries{{"k", "second"}}));
}

TEST_F(PluginCacheTest, NothingChangedWritesNothing) {
  scan("s", "1", true, [](ScannerEntries& e) { e.put("k", "v"); });
  const auto written = std::filesystem::last_write_time(file_);
  // Make a rewrite visible: the next scan only reads.
  std::filesystem::last_write_time(file_, written - std::chrono::hours(1));
  scan("s", "1", true, [](ScannerEntries& e) {
    EXPECT_TRUE(e.get("k"));
    e.put("k", "v");  // the same value again
  });
  EXPECT_EQ(std::filesystem::last_write_time(file_), written - std::chrono::hours(1));
}

TEST_F(PluginCacheTest, ACorruptEntryIsMissedAndRewritten) {
  scan("s", "1", true, [](ScannerEntries& e) {
    e.put("a", "value a");
    e.put("b", "value b");
  });
  // Damage the value of "b" (entries are written sorted by key).
  std::string bytes;
  {
    std::ifstream in(file_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const size_t at = bytes.find("value b");
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'V';
  {
    std::ofstream out(file_, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  scan("s", "1", true, [](ScannerEntries& e) {
    EXPECT_EQ(e.get("a"), std::optional<std::string_view>("value a"));
    EXPECT_EQ(e.get("b"), std::nullopt);  // the damaged entry is a miss
    e.put("b", "value b");
  });
  EXPECT_EQ(stored("s"), (Entries{{"a", "value a"}, {"b", "value b"}}));
}

TEST_F(PluginCacheTest, AnUnwritableFileIsLoggedNotThrown) {
  std::filesystem::create_directories(file_);  // a directory where the file should be
  auto cache = PluginCache::open(file_);
  cache->scanner("s", "1").put("k", "v");
  cache->finish("s", true);
  EXPECT_NO_THROW(cache->save());
  EXPECT_TRUE(std::filesystem::is_directory(file_));
}

}  // namespace
}  // namespace assay::plugin_cache
