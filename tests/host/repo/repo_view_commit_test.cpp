#include <gtest/gtest.h>

#include <filesystem>

#include "repo/repo_view.h"
#include "test_repository.h"

namespace assay::repo {
namespace {
namespace fs = std::filesystem;
using testing::commit_all;
using testing::find_file;
using testing::git;
using testing::init_repository;
using testing::listed_paths;
using testing::TempDir;
using testing::write_file;

class CommitScan : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = temp_.path() / "service";
    init_repository(repo_);
    write_file(repo_, "app.py", "version = 1\n");
    write_file(repo_, "vendor/dep.js", "dep\n");
    fs::create_symlink("app.py", repo_ / "link.py");
    commit_all(repo_, "v1");
    first_ = git(repo_, "rev-parse HEAD");
    write_file(repo_, "app.py", "version = 2\n");
    write_file(repo_, "later.md", "added later\n");
    commit_all(repo_, "v2");
    write_file(repo_, "app.py", "version = 3, not committed\n");
    write_file(repo_, "untracked.txt", "not in any commit\n");
  }

  RepoOptions at(const std::string& rev) {
    RepoOptions options;
    options.rev = rev;
    return options;
  }

  TempDir temp_;
  fs::path repo_;
  std::string first_;
};

TEST_F(CommitScan, ReadsOldContentFromTheObjectDatabase) {
  auto view = RepoView::open(repo_, at("HEAD~1"));
  EXPECT_EQ(view->kind(), TargetKind::Commit);
  EXPECT_EQ(view->commit(), first_);
  EXPECT_EQ(view->branch(), "");
  EXPECT_EQ(view->root(), repo_.string());
  EXPECT_EQ(listed_paths(*view), "app.py,vendor/dep.js");
  const FileEntry& app = view->files()[0];
  EXPECT_EQ(app.blob_id, git(repo_, "rev-parse HEAD~1:app.py"));
  EXPECT_EQ(app.size, 12u);
  EXPECT_EQ(app.language, "python");
  EXPECT_EQ(view->read(0), "version = 1\n");
  EXPECT_EQ(view->read(1), "dep\n");
  std::string buffer;
  ASSERT_EQ(view->read_into(1, buffer), 4u);
  EXPECT_EQ(buffer.substr(0, 4), "dep\n");
}

TEST_F(CommitScan, BranchNameIsKeptWhenTheRevisionIsABranch) {
  auto view = RepoView::open(repo_, at("main"));
  EXPECT_EQ(view->branch(), "main");
  EXPECT_EQ(view->commit(), git(repo_, "rev-parse HEAD"));
  EXPECT_EQ(listed_paths(*view), "app.py,later.md,vendor/dep.js");
  EXPECT_EQ(view->read(0), "version = 2\n");
}

TEST_F(CommitScan, TagsAndAbbreviatedIdsPeelToTheCommit) {
  git(repo_, "tag -a -m release v1.0 " + first_);
  EXPECT_EQ(RepoView::open(repo_, at("v1.0"))->commit(), first_);
  EXPECT_EQ(RepoView::open(repo_, at(first_.substr(0, 10)))->commit(), first_);
}

TEST_F(CommitScan, UnknownRevisionIsAnErrorNamingIt) {
  try {
    RepoView::open(repo_, at("no-such-branch"));
    FAIL() << "no error for an unknown revision";
  } catch (const RepoError& error) {
    EXPECT_NE(std::string(error.what()).find("unknown revision 'no-such-branch'"), std::string::npos)
        << error.what();
  }
}

TEST_F(CommitScan, RevisionThatIsNotACommitIsAnError) {
  std::string tree = git(repo_, "rev-parse HEAD^{tree}");
  try {
    RepoView::open(repo_, at(tree));
    FAIL() << "no error for a tree id";
  } catch (const RepoError& error) {
    EXPECT_NE(std::string(error.what()).find("is a tree, not a commit"), std::string::npos) << error.what();
  }
}

TEST_F(CommitScan, ExcludesPruneTheTree) {
  RepoOptions options = at("HEAD");
  options.exclude = {"vendor/"};
  auto view = RepoView::open(repo_, options);
  EXPECT_EQ(listed_paths(*view), "app.py,later.md");
}

TEST_F(CommitScan, BareRepositoryWithRevision) {
  fs::path bare = temp_.path() / "service.git";
  git(temp_.path(), "clone -q --bare " + repo_.string() + " " + bare.string());
  auto view = RepoView::open(bare, at("main~1"));
  EXPECT_EQ(view->kind(), TargetKind::Commit);
  EXPECT_EQ(view->root(), bare.string());
  EXPECT_EQ(view->git_dir(), bare.string());
  EXPECT_EQ(view->name(), "service");
  EXPECT_EQ(view->commit(), first_);
  EXPECT_EQ(view->read(0), "version = 1\n");
}

TEST_F(CommitScan, BareRepositoryWithoutRevisionScansHead) {
  fs::path bare = temp_.path() / "service.git";
  git(temp_.path(), "clone -q --bare " + repo_.string() + " " + bare.string());
  auto view = RepoView::open(bare, {});
  EXPECT_EQ(view->kind(), TargetKind::Commit);
  EXPECT_EQ(view->branch(), "main");
  EXPECT_EQ(listed_paths(*view), "app.py,later.md,vendor/dep.js");
}

TEST(CommitScanEmpty, RevisionOnUnbornHeadIsAnErrorNamingIt) {
  TempDir temp;
  init_repository(temp.path());
  RepoOptions options;
  options.rev = "HEAD";
  try {
    RepoView::open(temp.path(), options);
    FAIL() << "no error for HEAD of an empty repository";
  } catch (const RepoError& error) {
    EXPECT_NE(std::string(error.what()).find("'HEAD'"), std::string::npos) << error.what();
  }
}

TEST(CommitScanEmpty, EmptyBareRepositoryIsAnError) {
  TempDir temp;
  git(temp.path(), "init -q --bare -b main empty.git");
  EXPECT_THROW(RepoView::open(temp.path() / "empty.git", {}), RepoError);
}

TEST(CommitScanCorrupt, BrokenRepositoryIsAnError) {
  TempDir temp;
  init_repository(temp.path());
  write_file(temp.path(), ".git/HEAD", "this is not a reference\n");
  EXPECT_THROW(RepoView::open(temp.path(), {}), RepoError);
}

}  // namespace
}  // namespace assay::repo
