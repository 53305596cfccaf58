// The plugin cache's file: what is written reads back, and a damaged file
// gives what precedes the damage and says where it is.
#include "plugin_cache/cache_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace assay::plugin_cache {
namespace {

StoredCache two_scanners() {
  StoredCache cache;
  cache["hotspots"] = {"1.0.0", {{"k1", "v1"}, {"k2", std::string("bin\0ary", 7)}}};
  cache["testgaps"] = {"2.1.0", {{"t", ""}}};
  return cache;
}

TEST(PluginCacheFile, WhatIsEncodedDecodesTheSame) {
  const StoredCache cache = two_scanners();
  const ReadResult read = decode_cache(encode_cache(cache), "f");
  EXPECT_EQ(read.problem, "");
  ASSERT_EQ(read.scanners.size(), 2u);
  EXPECT_EQ(read.scanners.at("hotspots").version, "1.0.0");
  EXPECT_EQ(read.scanners.at("hotspots").entries, cache.at("hotspots").entries);
  EXPECT_EQ(read.scanners.at("testgaps").version, "2.1.0");
  EXPECT_EQ(read.scanners.at("testgaps").entries, cache.at("testgaps").entries);
}

TEST(PluginCacheFile, ADamagedEntryKeepsTheEntriesBeforeIt) {
  std::string bytes = encode_cache(two_scanners());
  // The value "v1" of the first entry: flip one of its bytes.
  const size_t at = bytes.find("v1");
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'w';
  const ReadResult read = decode_cache(bytes, "cache.bin");
  // Magic (19 bytes) and format (4), then the hotspots header: 4 + 8 + 4 + 5
  // + 4 + 8 (digest) = 33 bytes, so the first entry starts at byte 56.
  EXPECT_EQ(read.problem,
            "plugin cache cache.bin: an entry fails its digest at byte 56; it and the rest of the file are ignored");
  ASSERT_EQ(read.scanners.count("hotspots"), 1u);
  EXPECT_TRUE(read.scanners.at("hotspots").entries.empty());
  EXPECT_EQ(read.scanners.count("testgaps"), 0u);
}

TEST(PluginCacheFile, ACutFileKeepsWhatPrecedesTheCut) {
  const std::string bytes = encode_cache(two_scanners());
  // Cut inside the last entry (testgaps' "t"): hotspots is whole.
  const ReadResult read = decode_cache(bytes.substr(0, bytes.size() - 3), "c");
  EXPECT_NE(read.problem.find("plugin cache c: an entry fails its digest at byte"), std::string::npos)
      << read.problem;
  EXPECT_EQ(read.scanners.at("hotspots").entries.size(), 2u);
  EXPECT_TRUE(read.scanners.at("testgaps").entries.empty());
}

TEST(PluginCacheFile, AnOverlongSizeIsDamageNotAnAllocation) {
  std::string bytes = encode_cache({{"s", {"1", {{"k", "v"}}}}});
  // The key size of the only entry (after magic, format, the header of "s"
  // at 23 + 4 + 1 + 4 + 1 + 4 + 8 = 45) claims 4 GiB.
  bytes.replace(45, 4, std::string(4, '\xff'));
  const ReadResult read = decode_cache(bytes, "c");
  EXPECT_EQ(read.problem,
            "plugin cache c: an entry is cut short or too large at byte 45; it and the rest of the file are ignored");
}

TEST(PluginCacheFile, AForeignFileOrFormatIsIgnored) {
  EXPECT_EQ(decode_cache("SQLite format 3", "x").problem, "plugin cache x is not a plugin cache file; it is ignored");
  std::string bytes = encode_cache({});
  bytes[19] = 2;  // format 2
  EXPECT_EQ(decode_cache(bytes, "x").problem, "plugin cache x has format 2, not 1; it is ignored");
}

TEST(PluginCacheFile, WritesAtomicallyAndReadsBack) {
  const auto dir = std::filesystem::temp_directory_path() / ("plugin-cache-file-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const auto file = dir / "sub" / "plugin.cache";
  EXPECT_EQ(read_cache_file(file).problem, "");  // missing: empty, no problem
  write_cache_file(file, two_scanners());
  const ReadResult read = read_cache_file(file);
  EXPECT_EQ(read.problem, "");
  EXPECT_EQ(read.scanners.at("hotspots").entries.size(), 2u);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "sub")) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);  // no temporary file left
  std::filesystem::remove_all(dir);
}

// A cache in the repository's own .assay directory stays out of `git status`
// even when no report or store was written there (--out elsewhere, state off).
TEST(PluginCacheFile, AnAssayDirectoryItCreatesIsIgnoredByGit) {
  const auto repo = std::filesystem::temp_directory_path() / ("plugin-cache-git-" + std::to_string(::getpid()));
  std::filesystem::remove_all(repo);
  write_cache_file(repo / ".assay" / "plugin.cache", two_scanners());
  std::ifstream ignore(repo / ".assay" / ".gitignore");
  std::string text((std::istreambuf_iterator<char>(ignore)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "# Written by assay: reports are not source.\n*\n");
  write_cache_file(repo / "other" / "plugin.cache", two_scanners());
  EXPECT_FALSE(std::filesystem::exists(repo / "other" / ".gitignore"));  // a directory the user chose
  std::filesystem::remove_all(repo);
}

}  // namespace
}  // namespace assay::plugin_cache
