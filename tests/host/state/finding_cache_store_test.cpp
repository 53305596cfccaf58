// The findings cache's rows in the store: read back in one pass in the byte
// order of their paths (the order a rescan compares them in), an unchanged
// row left alone by put_cached_file, a changed one replaced.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "state_test_support.h"

namespace assay::state::test {
namespace {

class FindingCacheStore : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(dir_.file("state.db"));
    store_->write([&](StateWriter& w) {
      repository_ = w.add_repository("/repo", "repo");
      w.put_finding_cache({repository_, "markers", "1.0.0", "digest", "s1"});
    });
  }

  // Every row as the one-pass reader gives it: "path content context findings".
  std::vector<std::string> visited() {
    std::vector<std::string> out;
    store_->read([&](StateReader& r) {
      r.for_each_cached_file(repository_, "markers", [&](const CachedFileView& row) {
        out.push_back(std::string(row.path) + " " + std::string(row.content_digest) + " " +
                      std::string(row.context_digest) + " " + std::string(row.findings));
      });
    });
    return out;
  }

  TempDir dir_{"finding-cache"};
  std::unique_ptr<StateStore> store_;
  int64_t repository_ = 0;
};

TEST_F(FindingCacheStore, RowsAreVisitedInTheByteOrderOfTheirPaths) {
  store_->write([&](StateWriter& w) {
    for (const char* path : {"b.c", "\xc3\xa9.c", "a/b.c", "a-b.c", "Z.c", "a.c"})
      w.put_cached_file(repository_, "markers", {path, "c", "", "[]"});
    w.put_finding_cache({repository_, "other", "1.0.0", "digest", "s1"});
    w.put_cached_file(repository_, "other", {"0.c", "c", "", "[]"});
  });
  // std::string's order: 'Z' < 'a', '-' < '.' < '/', bytes above 0x7F last.
  EXPECT_EQ(visited(), (std::vector<std::string>{"Z.c c  []", "a-b.c c  []", "a.c c  []", "a/b.c c  []",
                                                 "b.c c  []", "\xc3\xa9.c c  []"}));
}

TEST_F(FindingCacheStore, PutLeavesAnEqualRowAndReplacesAChangedOne) {
  store_->write([&](StateWriter& w) {
    w.put_cached_file(repository_, "markers", {"a.c", "c1", "x1", "[1]"});
    w.put_cached_file(repository_, "markers", {"b.c", "c1", "", "[]"});
  });
  store_->write([&](StateWriter& w) {
    w.put_cached_file(repository_, "markers", {"a.c", "c1", "x1", "[1]"});
    w.put_cached_file(repository_, "markers", {"b.c", "c1", "", "[2]"});
    w.delete_cached_file(repository_, "markers", "a.c");
    w.put_cached_file(repository_, "markers", {"c.c", "c2", "x2", "[3]"});
  });
  EXPECT_EQ(visited(), (std::vector<std::string>{"b.c c1  [2]", "c.c c2 x2 [3]"}));
}

TEST_F(FindingCacheStore, AVisitThatThrowsLeavesTheReaderUsable) {
  store_->write([&](StateWriter& w) {
    w.put_cached_file(repository_, "markers", {"a.c", "c", "", "[]"});
    w.put_cached_file(repository_, "markers", {"b.c", "c", "", "[]"});
  });
  store_->read([&](StateReader& r) {
    EXPECT_THROW(r.for_each_cached_file(repository_, "markers",
                                        [](const CachedFileView&) { throw std::runtime_error("stop"); }),
                 std::runtime_error);
    size_t rows = 0;
    r.for_each_cached_file(repository_, "markers", [&](const CachedFileView&) { ++rows; });
    EXPECT_EQ(rows, 2u);
  });
}

}  // namespace
}  // namespace assay::state::test
