// Line origins from the file's own versions: renames, merges, reverts,
// working-tree changes, the window, first-parent walks.
#include <gtest/gtest.h>

#include "history_repo.h"

namespace assay::history::testing {
namespace {

// "commit" of a committed line, "~commit" of a line already there at that
// commit, or the kind's name.
std::string origin_text(HistoryService& history, size_t file, uint32_t line) {
  const LineOrigin o = history.line_origin(file, line);
  switch (o.kind) {
    case LineOrigin::Kind::committed:
      return history.commit_text(*o.commit);
    case LineOrigin::Kind::at_or_before:
      return "~" + history.commit_text(*o.commit);
    case LineOrigin::Kind::before_history:
      return "before-history";
    case LineOrigin::Kind::uncommitted:
      return "uncommitted";
    case LineOrigin::Kind::no_such_line:
      return "no-such-line";
    case LineOrigin::Kind::unavailable:
      return "unavailable: " + o.problem;
  }
  return "";
}

class RenamedFile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    init_repository(dir);
    write_file(dir, "a.txt", "one\ntwo\nthree\n");
    c1_ = commit_as(dir, "c1", "2020-01-01T00:00:00Z", kAlice);
    write_file(dir, "a.txt", "one\ntwo\nthree\nTODO: four\n");
    c2_ = commit_as(dir, "c2", "2020-02-01T00:00:00Z", kBob);
    std::filesystem::create_directories(dir / "dir");
    git(dir, "mv a.txt dir/a2.txt");
    c3_ = commit_as(dir, "c3", "2020-03-01T00:00:00Z", kAlice);
    write_file(dir, "dir/a2.txt", "one\nTWO\nthree\nTODO: four\n");
    c4_ = commit_as(dir, "c4", "2020-04-01T00:00:00Z", kCarol);
  }

  TempDir repo_;
  int64_t now_ = seconds("2020-06-01T00:00:00Z");
  std::string c1_, c2_, c3_, c4_;
};

TEST_F(RenamedFile, EachLineKeepsTheCommitThatWroteIt) {
  Opened o = open_history(repo_.path(), uncached(), now_);
  const size_t file = file_at(*o.view, "dir/a2.txt");
  EXPECT_EQ(origin_text(*o.history, file, 1), c1_);
  EXPECT_EQ(origin_text(*o.history, file, 2), c4_);
  EXPECT_EQ(origin_text(*o.history, file, 3), c1_);
  EXPECT_EQ(origin_text(*o.history, file, 4), c2_);
  EXPECT_EQ(origin_text(*o.history, file, 5), "no-such-line");
  EXPECT_EQ(origin_text(*o.history, file, 0), "no-such-line");
  const LineOrigin four = o.history->line_origin(file, 4);
  EXPECT_EQ(o.history->author_text(*four.commit), "Bob <bob@example.com>");
  EXPECT_EQ(o.history->index().commits()[*four.commit].author_time, seconds("2020-02-01T00:00:00Z"));
}

TEST_F(RenamedFile, WorkingTreeChangesAreUncommitted) {
  write_file(repo_.path(), "dir/a2.txt", "zero\none\nTWO\nthree\nTODO: four\n");
  write_file(repo_.path(), "new.txt", "fresh\n");
  Opened o = open_history(repo_.path(), uncached(), now_);
  const size_t file = file_at(*o.view, "dir/a2.txt");
  EXPECT_EQ(origin_text(*o.history, file, 1), "uncommitted");
  EXPECT_EQ(origin_text(*o.history, file, 2), c1_);
  EXPECT_EQ(origin_text(*o.history, file, 3), c4_);
  EXPECT_EQ(origin_text(*o.history, file, 5), c2_);
  EXPECT_EQ(origin_text(*o.history, file_at(*o.view, "new.txt"), 1), "uncommitted");
}

TEST_F(RenamedFile, AWindowCutLeavesOlderLinesAtTheOldestWalkedCommit) {
  HistoryOptions options = uncached();
  options.window_seconds = now_ - seconds("2020-02-15T00:00:00Z");
  Opened o = open_history(repo_.path(), options, now_);
  const size_t file = file_at(*o.view, "dir/a2.txt");
  // Walked: c4 and the rename c3. Lines from before c3 were there at c3.
  EXPECT_EQ(origin_text(*o.history, file, 2), c4_);
  EXPECT_EQ(origin_text(*o.history, file, 1), "~" + c3_);
  EXPECT_EQ(origin_text(*o.history, file, 4), "~" + c3_);
}

TEST_F(RenamedFile, AFileUnchangedInTheWindowIsBeforeHistory) {
  write_file(repo_.path(), "other.txt", "x\n");
  commit_as(repo_.path(), "c5", "2020-05-01T00:00:00Z", kBob);
  HistoryOptions options = uncached();
  options.window_seconds = now_ - seconds("2020-04-15T00:00:00Z");
  Opened o = open_history(repo_.path(), options, now_);
  EXPECT_EQ(origin_text(*o.history, file_at(*o.view, "dir/a2.txt"), 1), "before-history");
  EXPECT_EQ(o.history->facts(file_at(*o.view, "dir/a2.txt"))->commits, 0u);
}

TEST(RevertedLine, EntersTheFileAgainWithTheRevert) {
  TempDir repo;
  init_repository(repo.path());
  write_file(repo.path(), "f.txt", "keep\nTODO: x\n");
  commit_as(repo.path(), "c1", "2020-01-01T00:00:00Z", kAlice);
  write_file(repo.path(), "f.txt", "keep\n");
  commit_as(repo.path(), "c2", "2020-02-01T00:00:00Z", kBob);
  write_file(repo.path(), "f.txt", "keep\nTODO: x\n");
  const std::string c3 = commit_as(repo.path(), "c3", "2020-03-01T00:00:00Z", kCarol);
  Opened o = open_history(repo.path(), uncached(), seconds("2020-06-01T00:00:00Z"));
  EXPECT_EQ(origin_text(*o.history, file_at(*o.view, "f.txt"), 2), c3);
}

// Both sides of a merge change one file in different places.
class MergedFile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    init_repository(dir);
    write_file(dir, "x.txt", "1\n2\n3\n4\n5\n");
    base_ = commit_as(dir, "base", "2020-01-01T00:00:00Z", kAlice);
    git(dir, "checkout -q -b feature");
    write_file(dir, "x.txt", "1b\n2\n3\n4\n5\n");
    branch_ = commit_as(dir, "branch", "2020-02-01T00:00:00Z", kBob);
    git(dir, "checkout -q main");
    write_file(dir, "x.txt", "1\n2\n3\n4\n5m\n");
    main_ = commit_as(dir, "main", "2020-03-01T00:00:00Z", kAlice);
    act_as(kCarol, "2020-04-01T00:00:00Z");
    git(dir, "merge -q --no-ff -m merge feature");
    merge_ = git(dir, "rev-parse HEAD");
  }

  TempDir repo_;
  int64_t now_ = seconds("2020-06-01T00:00:00Z");
  std::string base_, branch_, main_, merge_;
};

TEST_F(MergedFile, LinesFromTheBranchKeepTheBranchCommit) {
  Opened o = open_history(repo_.path(), uncached(), now_);
  const size_t file = file_at(*o.view, "x.txt");
  EXPECT_EQ(origin_text(*o.history, file, 1), branch_);
  EXPECT_EQ(origin_text(*o.history, file, 3), base_);
  EXPECT_EQ(origin_text(*o.history, file, 5), main_);
}

TEST_F(MergedFile, AFirstParentWalkGivesBranchLinesToTheMerge) {
  HistoryOptions options = uncached();
  options.first_parent = true;
  Opened o = open_history(repo_.path(), options, now_);
  const size_t file = file_at(*o.view, "x.txt");
  EXPECT_EQ(origin_text(*o.history, file, 1), merge_);
  EXPECT_EQ(origin_text(*o.history, file, 5), main_);
  EXPECT_EQ(o.history->facts(file)->commits, 3u);  // base, main, merge
}

}  // namespace
}  // namespace assay::history::testing
