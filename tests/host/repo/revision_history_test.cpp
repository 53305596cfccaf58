// Rename detection and ancestry through libgit2 (revision_history.h), on
// repositories built with the git command line.
#include "repo/revision_history.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "repo/repo_error.h"
#include "test_repository.h"

namespace assay::repo {
namespace {

using testing::commit_all;
using testing::git;
using testing::write_file;

std::vector<std::pair<std::string, std::string>> pairs(const std::vector<Rename>& renames) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : renames) out.emplace_back(r.from, r.to);
  std::sort(out.begin(), out.end());
  return out;
}

class RevisionHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::init_repository(dir_.path());
    write_file(dir_.path(), "src/a.c", "int a; /* one */\n");
    write_file(dir_.path(), "src/b.c", "int b; /* two */\n");
    write_file(dir_.path(), "c.py", "c = 3\n");
    commit_all(dir_.path(), "first");
    first_ = git(dir_.path(), "rev-parse HEAD");
    history_ = git_revision_history((dir_.path() / ".git").string());
  }

  testing::TempDir dir_;
  std::string first_;
  std::unique_ptr<RevisionHistory> history_;
};

TEST_F(RevisionHistoryTest, ExactRenamesBetweenCommits) {
  std::filesystem::create_directories(dir_.path() / "lib");
  git(dir_.path(), "mv src/a.c lib/a.c");
  git(dir_.path(), "mv c.py d.py");
  write_file(dir_.path(), "d.py", "c = 4\n");  // renamed and edited: not exact
  write_file(dir_.path(), "src/b.c", "int b; /* two, edited */\n");
  commit_all(dir_.path(), "second");
  const std::string second = git(dir_.path(), "rev-parse HEAD");
  EXPECT_EQ(pairs(history_->exact_renames(first_, second)),
            (std::vector<std::pair<std::string, std::string>>{{"src/a.c", "lib/a.c"}}));
  // Backwards, the rename runs the other way.
  EXPECT_EQ(pairs(history_->exact_renames(second, first_)),
            (std::vector<std::pair<std::string, std::string>>{{"lib/a.c", "src/a.c"}}));
  EXPECT_TRUE(history_->exact_renames(second, second).empty());
}

TEST_F(RevisionHistoryTest, RenamesInTheWorkingTreeStagedOrNot) {
  std::filesystem::create_directories(dir_.path() / "lib");
  git(dir_.path(), "mv src/a.c lib/a.c");                                       // staged
  std::filesystem::rename(dir_.path() / "src/b.c", dir_.path() / "moved-b.c");  // plain mv, untracked
  EXPECT_EQ(
      pairs(history_->exact_renames(first_, "")),
      (std::vector<std::pair<std::string, std::string>>{{"src/a.c", "lib/a.c"}, {"src/b.c", "moved-b.c"}}));
}

TEST_F(RevisionHistoryTest, StrictAncestry) {
  write_file(dir_.path(), "e.c", "int e;\n");
  commit_all(dir_.path(), "second");
  const std::string second = git(dir_.path(), "rev-parse HEAD");
  EXPECT_TRUE(history_->is_strict_ancestor(first_, second));
  EXPECT_FALSE(history_->is_strict_ancestor(second, first_));
  EXPECT_FALSE(history_->is_strict_ancestor(first_, first_));
  // A branch off the first commit is neither ancestor nor descendant of second.
  git(dir_.path(), "checkout -q -b side " + first_);
  write_file(dir_.path(), "f.c", "int f;\n");
  commit_all(dir_.path(), "side");
  const std::string side = git(dir_.path(), "rev-parse HEAD");
  EXPECT_FALSE(history_->is_strict_ancestor(side, second));
  EXPECT_FALSE(history_->is_strict_ancestor(second, side));
}

TEST_F(RevisionHistoryTest, UnknownCommitsAreErrorsNamingThem) {
  const std::string missing(40, 'a');
  try {
    history_->exact_renames(missing, first_);
    FAIL() << "no error";
  } catch (const RepoError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("unknown commit " + missing + ": ", 0), 0u) << e.what();
  }
  EXPECT_THROW(history_->is_strict_ancestor("not-hex", first_), RepoError);
  EXPECT_THROW(git_revision_history((dir_.path() / "nowhere").string()), RepoError);
}

}  // namespace
}  // namespace assay::repo
