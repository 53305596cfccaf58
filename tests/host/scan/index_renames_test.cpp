// Renames the history index answers for the state store's merge, on a
// repository whose renames are known: a.c moved to x/a.c, edited, then moved
// to y.c; b.c deleted.
#include "scan/index_renames.h"

#include <gtest/gtest.h>

#include "../history/history_repo.h"
#include "repo/revision_history.h"

namespace assay::scan {
namespace {

using namespace assay::history::testing;

class IndexRenamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_repository(dir_.path());
    write_file(dir_.path(), "a.c", "int a;\n");
    write_file(dir_.path(), "b.c", "int b;\n");
    first_ = commit_as(dir_.path(), "add", "2024-01-01T00:00:00Z", kAlice);
    std::filesystem::create_directories(dir_.path() / "x");
    git(dir_.path(), "mv a.c x/a.c");
    moved_ = commit_as(dir_.path(), "move", "2024-01-02T00:00:00Z", kBob);
    write_file(dir_.path(), "x/a.c", "int a = 1;\n");
    commit_as(dir_.path(), "edit", "2024-01-03T00:00:00Z", kAlice);
    git(dir_.path(), "mv x/a.c y.c");
    git(dir_.path(), "rm -q b.c");
    tip_ = commit_as(dir_.path(), "move again, delete b", "2024-01-04T00:00:00Z", kCarol);
    opened_ = open_history(dir_.path(), uncached(), seconds("2024-02-01T00:00:00Z"));
    ASSERT_TRUE(opened_.history->available()) << opened_.history->reason();
    git_ = repo::git_revision_history(opened_.view->git_dir());
  }

  std::optional<std::unordered_map<std::string, std::string>> renames(const std::string& last,
                                                                      const std::set<std::string>& gone,
                                                                      const std::string& scanned = "") {
    return renames_from_index(
        *opened_.history, scanned.empty() ? tip_ : scanned, last, gone,
        [&](const std::string& path) { return present_.count(path) > 0; },
        [&](const std::string& ancestor, const std::string& descendant) {
          ++ancestry_queries_;
          return git_->is_strict_ancestor(ancestor, descendant);
        });
  }

  TempDir dir_;
  std::string first_, moved_, tip_;
  Opened opened_;
  std::unique_ptr<repo::RevisionHistory> git_;
  std::set<std::string> present_{"y.c"};
  int ancestry_queries_ = 0;
};

TEST_F(IndexRenamesTest, FollowsEveryRenameSinceTheLastScannedCommit) {
  auto known = renames(first_, {"a.c"});
  ASSERT_TRUE(known.has_value());
  EXPECT_EQ(*known, (std::unordered_map<std::string, std::string>{{"y.c", "a.c"}}));
  EXPECT_EQ(ancestry_queries_, 1);
}

TEST_F(IndexRenamesTest, AnIntermediateNameIsFollowedFromItsOwnCommit) {
  auto known = renames(moved_, {"x/a.c"});
  ASSERT_TRUE(known.has_value());
  EXPECT_EQ(*known, (std::unordered_map<std::string, std::string>{{"y.c", "x/a.c"}}));
}

TEST_F(IndexRenamesTest, ARenameNotAfterTheLastScannedCommitIsLeftToGit) {
  // a.c was already gone at `moved_`: the rename there is not since it.
  EXPECT_FALSE(renames(moved_, {"a.c"}).has_value());
}

TEST_F(IndexRenamesTest, ADeletedPathIsLeftToGit) {
  EXPECT_FALSE(renames(first_, {"a.c", "b.c"}).has_value());
  EXPECT_FALSE(renames(first_, {"never-there.c"}).has_value());
}

TEST_F(IndexRenamesTest, AnIndexOfAnotherCommitOrAMissingNewFileIsLeftToGit) {
  EXPECT_FALSE(renames(first_, {"a.c"}, moved_).has_value());
  present_.clear();  // y.c was moved again in the working tree, say
  EXPECT_FALSE(renames(first_, {"a.c"}).has_value());
  EXPECT_EQ(ancestry_queries_, 0);
}

}  // namespace
}  // namespace assay::scan
