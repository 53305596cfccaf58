// The keys of the findings cache: a file's blob id, and a digest of the
// commits that changed it, on a repository with a known history.
#include "scan/file_keys.h"

#include <gtest/gtest.h>

#include <string>

#include "../history/history_repo.h"

namespace assay::scan {
namespace {

using history::testing::commit_as;
using history::testing::file_at;
using history::testing::kAlice;
using history::testing::kBob;
using history::testing::Opened;
using history::testing::seconds;

bool is_digest(const std::string& text) {
  if (text.size() != 32) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

class FileKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    history::testing::init_repository(dir);
    history::testing::write_file(dir, "a.txt", "one\n");
    history::testing::write_file(dir, "b.txt", "one\n");
    history::testing::write_file(dir, "c.txt", "one\n");
    commit_as(dir, "c1", "2021-01-01T00:00:00Z", kAlice);
    history::testing::write_file(dir, "a.txt", "one\ntwo\n");
    history::testing::write_file(dir, "b.txt", "one\ntwo\n");
    commit_as(dir, "c2", "2021-02-01T00:00:00Z", kBob);
  }

  Opened open() const {
    return history::testing::open_history(repo_.path(), history::testing::uncached(),
                                          seconds("2021-06-01T00:00:00Z"));
  }

  history::testing::TempDir repo_;
};

TEST_F(FileKeys, ContentIsTheBlobIdAndContextDigestsTheCommits) {
  const Opened opened = open();
  const std::vector<FileKey> keys = file_keys(*opened.view, opened.history.get());
  ASSERT_EQ(keys.size(), 3u);
  const size_t a = file_at(*opened.view, "a.txt");
  const size_t b = file_at(*opened.view, "b.txt");
  const size_t c = file_at(*opened.view, "c.txt");
  EXPECT_EQ(keys[a].content, history::testing::git(repo_.path(), "rev-parse HEAD:a.txt"));
  EXPECT_TRUE(keys[a].cacheable());
  EXPECT_TRUE(is_digest(keys[a].context)) << keys[a].context;
  // a and b were changed by the same commits (c1, c2), c only by c1.
  EXPECT_EQ(keys[a].context, keys[b].context);
  EXPECT_NE(keys[a].context, keys[c].context);
  EXPECT_TRUE(is_digest(keys[c].context)) << keys[c].context;
}

TEST_F(FileKeys, TheSameHistoryGivesTheSameKeys) {
  const Opened first = open();
  const Opened second = open();
  const std::vector<FileKey> x = file_keys(*first.view, first.history.get());
  const std::vector<FileKey> y = file_keys(*second.view, second.history.get());
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].content, y[i].content);
    EXPECT_EQ(x[i].context, y[i].context);
  }
}

TEST_F(FileKeys, ANewCommitChangesTheContextOfTheFilesItTouchedOnly) {
  const Opened before = open();
  const std::vector<FileKey> old_keys = file_keys(*before.view, before.history.get());
  // Same content again for a (a commit that leaves the blob as it was is
  // still a new commit of the file: its lines may be re-dated).
  history::testing::write_file(repo_.path(), "a.txt", "one\n");
  commit_as(repo_.path(), "c3", "2021-03-01T00:00:00Z", kAlice);
  history::testing::write_file(repo_.path(), "a.txt", "one\ntwo\n");
  commit_as(repo_.path(), "c4", "2021-04-01T00:00:00Z", kAlice);
  const Opened after = open();
  const std::vector<FileKey> new_keys = file_keys(*after.view, after.history.get());
  const size_t a = file_at(*after.view, "a.txt");
  const size_t b = file_at(*after.view, "b.txt");
  const size_t c = file_at(*after.view, "c.txt");
  EXPECT_EQ(new_keys[a].content, old_keys[a].content);
  EXPECT_NE(new_keys[a].context, old_keys[a].context);
  EXPECT_EQ(new_keys[b].context, old_keys[b].context);
  EXPECT_EQ(new_keys[c].context, old_keys[c].context);
}

TEST_F(FileKeys, WithoutHistoryTheContextIsEmpty) {
  const Opened opened = open();
  const std::vector<FileKey> keys = file_keys(*opened.view, nullptr);
  ASSERT_EQ(keys.size(), 3u);
  for (const FileKey& key : keys) {
    EXPECT_TRUE(key.cacheable());
    EXPECT_EQ(key.context, "");
  }
}

TEST(ConfigDigest, PinsTheCacheFormatAndTheConfiguration) {
  // The digest of format text "assay findings cache 2" and "{}", worked out
  // with an independent implementation of the digest (two 64-bit lanes,
  // one word per byte and a 0x1f after each text): a change of the format
  // or the digest shows here, and must come with a new format text.
  EXPECT_EQ(config_digest("{}"), "8861b8535897d5582ec4f1b4667589b0");
  EXPECT_NE(config_digest("{\"a\":1}"), config_digest("{}"));
  EXPECT_NE(config_digest("{\"a\":1}"), config_digest("{\"a\":2}"));
}

}  // namespace
}  // namespace assay::scan
