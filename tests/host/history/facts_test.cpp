// Per-file facts from one walk of a known history: commits, distinct
// authors, first and last change, renames followed, merges not counted,
// the window, first-parent walks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <vector>

#include "history/time_text.h"
#include "history_repo.h"

namespace assay::history::testing {
namespace {

// a.txt renamed to dir/a2.txt in c3; a side branch adds c.txt and is merged.
class KnownHistory : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    init_repository(dir);
    write_file(dir, "a.txt", "one\ntwo\nthree\n");
    write_file(dir, "b.txt", "bee\n");
    c1_ = commit_as(dir, "c1", "2020-01-01T00:00:00Z", kAlice);
    write_file(dir, "a.txt", "one\ntwo\nthree\nTODO: four\n");
    c2_ = commit_as(dir, "c2", "2020-02-01T00:00:00Z", kBob);
    std::filesystem::create_directories(dir / "dir");
    git(dir, "mv a.txt dir/a2.txt");
    c3_ = commit_as(dir, "c3", "2020-03-01T00:00:00Z", kAlice);
    write_file(dir, "dir/a2.txt", "one\nTWO\nthree\nTODO: four\n");
    c4_ = commit_as(dir, "c4", "2020-04-01T00:00:00Z", kCarol);
    write_file(dir, "b.txt", "bee\nsting\n");
    c5_ = commit_as(dir, "c5", "2020-05-01T00:00:00Z", kBob);
    git(dir, "checkout -q -b feature");
    write_file(dir, "c.txt", "sea\n");
    f1_ = commit_as(dir, "f1", "2020-05-10T00:00:00Z", kCarol);
    git(dir, "checkout -q main");
    write_file(dir, "b.txt", "bee\nsting\nhoney\n");
    m6_ = commit_as(dir, "m6", "2020-05-15T00:00:00Z", kAlice);
    act_as(kBob, "2020-05-20T00:00:00Z");
    git(dir, "merge -q --no-ff -m merge feature");
    merge_ = git(dir, "rev-parse HEAD");
  }

  Opened open(const HistoryOptions& options) { return open_history(repo_.path(), options, now_); }

  TempDir repo_;
  int64_t now_ = seconds("2020-06-01T00:00:00Z");
  std::string c1_, c2_, c3_, c4_, c5_, f1_, m6_, merge_;
};

TEST_F(KnownHistory, CountsCommitsAuthorsAndDatesFollowingTheRename) {
  Opened o = open(uncached());
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  const FileFacts* a2 = o.history->facts(file_at(*o.view, "dir/a2.txt"));
  ASSERT_NE(a2, nullptr);
  EXPECT_EQ(a2->commits, 4u);  // c1 and c2 under the old name, the rename c3, c4
  EXPECT_EQ(a2->authors, 3u);
  EXPECT_EQ(a2->first_change, seconds("2020-01-01T00:00:00Z"));
  EXPECT_EQ(a2->last_change, seconds("2020-04-01T00:00:00Z"));
  ASSERT_EQ(a2->commit_list.size(), 4u);
  EXPECT_EQ(o.history->commit_text(a2->commit_list[0]), c4_);
  EXPECT_EQ(o.history->commit_text(a2->commit_list[1]), c3_);
  EXPECT_EQ(o.history->commit_text(a2->commit_list[2]), c2_);
  EXPECT_EQ(o.history->commit_text(a2->commit_list[3]), c1_);
  EXPECT_EQ(o.history->author_text(a2->commit_list[0]), "Carol <carol@example.com>");
}

TEST_F(KnownHistory, CommitTextsAreMadeOnceWhateverThreadAsksFirst) {
  Opened o = open(uncached());
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  const size_t count = o.history->index().commits().size();
  ASSERT_EQ(count, 8u);  // c1 c2 c3 c4 c5 f1 m6 and the merge
  // Four threads ask for every commit at once; each text must be one
  // object, the same for every caller and later calls.
  std::vector<std::vector<const std::string*>> seen(4, std::vector<const std::string*>(count));
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < count; ++i) seen[t][i] = &o.history->commit_text(static_cast<uint32_t>(i));
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> texts;
  for (size_t i = 0; i < count; ++i) {
    for (size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t][i], seen[0][i]);
    EXPECT_EQ(&o.history->commit_text(static_cast<uint32_t>(i)), seen[0][i]);
    texts.insert(*seen[0][i]);
  }
  EXPECT_EQ(texts, (std::set<std::string>{c1_, c2_, c3_, c4_, c5_, f1_, m6_, merge_}));
  EXPECT_THROW(o.history->commit_text(static_cast<uint32_t>(count)), std::out_of_range);
}

TEST_F(KnownHistory, MergesAreNotCountedButTheBranchCommitsAre) {
  Opened o = open(uncached());
  const FileFacts* b = o.history->facts(file_at(*o.view, "b.txt"));
  EXPECT_EQ(b->commits, 3u);  // c1 (Alice), c5 (Bob), m6 (Alice)
  EXPECT_EQ(b->authors, 2u);
  const FileFacts* c = o.history->facts(file_at(*o.view, "c.txt"));
  EXPECT_EQ(c->commits, 1u);  // f1; the merge that brought it is not counted
  EXPECT_EQ(c->authors, 1u);
  EXPECT_EQ(o.history->commit_text(c->commit_list[0]), f1_);
  EXPECT_EQ(o.history->build_report().walked_commits, 8u);
}

TEST_F(KnownHistory, FirstParentWalkCountsTheMergeInsteadOfTheBranch) {
  HistoryOptions options = uncached();
  options.first_parent = true;
  Opened o = open(options);
  const FileFacts* c = o.history->facts(file_at(*o.view, "c.txt"));
  EXPECT_EQ(c->commits, 1u);
  EXPECT_EQ(o.history->commit_text(c->commit_list[0]), merge_);
  EXPECT_EQ(c->authors, 1u);                                // Bob merged it
  EXPECT_EQ(o.history->build_report().walked_commits, 7u);  // f1 is not on the first-parent line
}

TEST_F(KnownHistory, TheWindowEndsTheWalkAndTheCounts) {
  HistoryOptions options = uncached();
  options.window_seconds = now_ - seconds("2020-03-15T00:00:00Z");
  options.window_text = "78d";
  Opened o = open(options);
  const FileFacts* a2 = o.history->facts(file_at(*o.view, "dir/a2.txt"));
  EXPECT_EQ(a2->commits, 1u);  // c4 only
  EXPECT_EQ(a2->authors, 1u);
  EXPECT_EQ(a2->first_change, seconds("2020-04-01T00:00:00Z"));
  const FileFacts* b = o.history->facts(file_at(*o.view, "b.txt"));
  EXPECT_EQ(b->commits, 2u);  // c5, m6
  EXPECT_TRUE(o.history->build_report().stopped_at_since);
  EXPECT_EQ(o.history->build_report().walked_commits, 5u);  // merge, m6, f1, c5, c4
  EXPECT_EQ(o.history->summary()["history_cut"], true);
}

TEST_F(KnownHistory, HotspotMultiplierComparesAFileWithTheMedianFile) {
  Opened o = open(uncached());
  // Commits per file: dir/a2.txt 4, b.txt 3, c.txt 1; median 3.
  const Hotspot a2 = o.history->hotspot(file_at(*o.view, "dir/a2.txt"));
  EXPECT_EQ(a2.commits, 4u);
  EXPECT_DOUBLE_EQ(a2.median_commits, 3.0);
  // 1 + 0.5 × log2(5 / 4) = 1.161 -> 1.16
  EXPECT_DOUBLE_EQ(a2.multiplier, 1.16);
  // 1 + 0.5 × log2(2 / 4) = 0.5
  EXPECT_DOUBLE_EQ(o.history->hotspot(file_at(*o.view, "c.txt")).multiplier, 0.5);
  EXPECT_DOUBLE_EQ(o.history->hotspot(file_at(*o.view, "b.txt")).multiplier, 1.0);
}

TEST_F(KnownHistory, AFileNotInTheTipHasNoFacts) {
  Opened o = open(uncached());
  EXPECT_TRUE(o.history->index().changes("a.txt").empty());  // renamed away
  EXPECT_EQ(o.history->facts(o.view->files().size()), nullptr);
}

TEST(HistoryWithoutCommits, AnUnbornHeadHasNoHistoryAndSaysWhy) {
  TempDir repo;
  init_repository(repo.path());
  write_file(repo.path(), "a.txt", "a\n");
  Opened o = open_history(repo.path(), uncached(), 0);
  EXPECT_FALSE(o.history->available());
  EXPECT_EQ(o.history->reason(), "HEAD is unborn: the repository has no commits yet");
  EXPECT_EQ(o.history->summary()["available"], false);
}

TEST(HistoryWithoutCommits, APlainDirectoryHasNoHistory) {
  TempDir dir;
  write_file(dir.path(), "a.txt", "a\n");
  Opened o = open_history(dir.path(), uncached(), 0);
  EXPECT_FALSE(o.history->available());
  EXPECT_EQ(o.history->reason(), "not a git repository");
}

TEST(HistoryWithoutCommits, DisabledHistoryIsNotWalked) {
  TempDir repo;
  init_repository(repo.path());
  write_file(repo.path(), "a.txt", "a\n");
  commit_as(repo.path(), "c1", "2020-01-01T00:00:00Z", kAlice);
  HistoryOptions options = uncached();
  options.enabled = false;
  Opened o = open_history(repo.path(), options, 0);
  EXPECT_FALSE(o.history->available());
  EXPECT_EQ(o.history->reason(), "history is disabled (history.enabled: false)");
}

}  // namespace
}  // namespace assay::history::testing
