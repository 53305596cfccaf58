#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

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

class WorkingTree : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = temp_.path() / "project";
    init_repository(repo_);
    write_file(repo_, "src/main.cpp", "int main() { return 0; }\n");
    write_file(repo_, "README.md", "# project\n");
    write_file(repo_, "old.txt", "to be deleted\n");
    commit_all(repo_, "first");
  }

  std::unique_ptr<RepoView> open(const RepoOptions& options = {}) { return RepoView::open(repo_, options); }

  TempDir temp_;
  fs::path repo_;
};

TEST_F(WorkingTree, MetadataDescribesTheCheckout) {
  auto view = open();
  EXPECT_EQ(view->kind(), TargetKind::WorkingTree);
  EXPECT_EQ(view->root(), repo_.string());
  EXPECT_EQ(view->name(), "project");
  EXPECT_EQ(view->git_dir(), (repo_ / ".git").string());
  EXPECT_EQ(view->commit(), git(repo_, "rev-parse HEAD"));
  EXPECT_EQ(view->branch(), "main");
  EXPECT_TRUE(view->has_history());
  EXPECT_STREQ(to_string(view->kind()), "working-tree");
}

TEST_F(WorkingTree, DetachedHeadHasNoBranch) {
  git(repo_, "checkout -q --detach HEAD");
  auto view = open();
  EXPECT_EQ(view->branch(), "");
  EXPECT_EQ(view->commit(), git(repo_, "rev-parse HEAD"));
}

TEST_F(WorkingTree, TrackedUnchangedFilesCarryTheirBlobId) {
  auto view = open();
  EXPECT_EQ(listed_paths(*view), "README.md,old.txt,src/main.cpp");
  const FileEntry* main = find_file(*view, "src/main.cpp");
  ASSERT_NE(main, nullptr);
  EXPECT_EQ(main->blob_id, git(repo_, "rev-parse HEAD:src/main.cpp"));
  EXPECT_EQ(main->size, 25u);
  EXPECT_EQ(main->language, "cpp");
  EXPECT_EQ(find_file(*view, "README.md")->language, "markdown");
}

TEST_F(WorkingTree, HonoursNestedGitignoreAndNegation) {
  write_file(repo_, ".gitignore", "*.log\nbuild/\n");
  write_file(repo_, "build/out.o", "binary");
  write_file(repo_, "debug.log", "log");
  write_file(repo_, "src/.gitignore", "*.tmp\n!keep.tmp\n");
  write_file(repo_, "src/scratch.tmp", "x");
  write_file(repo_, "src/keep.tmp", "kept");
  write_file(repo_, "src/deep/also.tmp", "x");
  write_file(repo_, "src/deep/trace.log", "x");
  write_file(repo_, "notes/idea.txt", "an idea");
  auto view = open();
  EXPECT_EQ(listed_paths(*view),
            ".gitignore,README.md,notes/idea.txt,old.txt,src/.gitignore,src/keep.tmp,src/main.cpp");
}

TEST_F(WorkingTree, UntrackedFilesAreListedWithoutBlobId) {
  write_file(repo_, "new/feature.py", "print('hi')\n");
  auto view = open();
  const FileEntry* added = find_file(*view, "new/feature.py");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->blob_id, "");
  EXPECT_EQ(added->size, 12u);
  EXPECT_EQ(added->language, "python");
  EXPECT_EQ(view->read(static_cast<std::size_t>(added - view->files().data())), "print('hi')\n");
}

TEST_F(WorkingTree, DeletedTrackedFilesAreAbsent) {
  fs::remove(repo_ / "old.txt");
  git(repo_, "rm -q --cached README.md");
  fs::remove(repo_ / "README.md");
  auto view = open();
  EXPECT_EQ(listed_paths(*view), "src/main.cpp");
}

TEST_F(WorkingTree, ModifiedFileIsReadFromDisk) {
  write_file(repo_, "src/main.cpp", "int main() { return 42; }\n");
  auto view = open();
  const FileEntry* main = find_file(*view, "src/main.cpp");
  ASSERT_NE(main, nullptr);
  EXPECT_EQ(main->blob_id, "");
  EXPECT_EQ(main->size, 26u);
  EXPECT_EQ(view->read(static_cast<std::size_t>(main - view->files().data())), "int main() { return 42; }\n");
}

TEST_F(WorkingTree, StagedFileKeepsTheIndexBlobId) {
  write_file(repo_, "staged.txt", "staged\n");
  git(repo_, "add staged.txt");
  auto view = open();
  const FileEntry* staged = find_file(*view, "staged.txt");
  ASSERT_NE(staged, nullptr);
  EXPECT_EQ(staged->blob_id, git(repo_, "rev-parse :staged.txt"));
}

TEST_F(WorkingTree, SubdirectoryPathScansTheWholeRepository) {
  auto view = RepoView::open(repo_ / "src", {});
  EXPECT_EQ(view->root(), repo_.string());
  EXPECT_EQ(listed_paths(*view), "README.md,old.txt,src/main.cpp");
}

TEST_F(WorkingTree, SubmodulesAndNestedRepositoriesAreSkipped) {
  fs::path nested = repo_ / "lib" / "nested";
  init_repository(nested);
  write_file(nested, "inner.c", "int inner;\n");
  commit_all(nested, "inner");
  git(repo_, "add lib/nested");  // recorded as a gitlink, like a submodule
  commit_all(repo_, "add submodule");
  fs::path untracked_nested = repo_ / "other";
  init_repository(untracked_nested);
  write_file(untracked_nested, "x.c", "int x;\n");
  ASSERT_EQ(git(repo_, "ls-files -s lib/nested").substr(0, 6), "160000");
  auto view = open();
  EXPECT_EQ(listed_paths(*view), "README.md,old.txt,src/main.cpp");
}

TEST_F(WorkingTree, SymbolicLinksAreSkipped) {
  fs::create_symlink("README.md", repo_ / "tracked-link");
  commit_all(repo_, "link");
  fs::create_symlink("src", repo_ / "untracked-dir-link");
  fs::create_symlink("/etc/hostname", repo_ / "untracked-link");
  fs::remove(repo_ / "old.txt");
  fs::create_symlink("README.md", repo_ / "old.txt");  // tracked file replaced by a link
  auto view = open();
  EXPECT_EQ(listed_paths(*view), "README.md,src/main.cpp");
}

TEST_F(WorkingTree, ConflictedFileIsListedWithoutBlobId) {
  git(repo_, "checkout -q -b other");
  write_file(repo_, "README.md", "# other side\n");
  commit_all(repo_, "other");
  git(repo_, "checkout -q main");
  write_file(repo_, "README.md", "# main side\n");
  commit_all(repo_, "main");
  EXPECT_THROW(git(repo_, "merge -q other"), std::runtime_error);
  auto view = open();
  const FileEntry* readme = find_file(*view, "README.md");
  ASSERT_NE(readme, nullptr);
  EXPECT_EQ(readme->blob_id, "");
  std::string contents = view->read(static_cast<std::size_t>(readme - view->files().data()));
  EXPECT_NE(contents.find("<<<<<<<"), std::string::npos);
}

TEST_F(WorkingTree, OutputDirectoryIsNeverScanned) {
  write_file(repo_, ".assay/BACKLOG.md", "# backlog\n");
  write_file(repo_, "reports/out/report.json", "{}");
  write_file(repo_, "reports/keep.md", "kept");
  auto with_default = open();
  EXPECT_EQ(find_file(*with_default, ".assay/BACKLOG.md"), nullptr);
  EXPECT_NE(find_file(*with_default, "reports/out/report.json"), nullptr);

  RepoOptions options;
  options.output_dir = repo_ / "reports" / "out";
  auto with_custom = open(options);
  EXPECT_EQ(find_file(*with_custom, "reports/out/report.json"), nullptr);
  EXPECT_NE(find_file(*with_custom, "reports/keep.md"), nullptr);
  EXPECT_NE(find_file(*with_custom, ".assay/BACKLOG.md"), nullptr);
}

TEST_F(WorkingTree, ExcludeGlobsRemovePaths) {
  write_file(repo_, "vendor/lib/a.c", "int a;\n");
  write_file(repo_, "web/app.min.js", "x");
  write_file(repo_, "web/app.js", "x");
  write_file(repo_, "docs/guide/intro.md", "x");
  RepoOptions options;
  options.exclude = {"vendor/", "*.min.js", "/docs/**/*.md", "old.txt"};
  auto view = open(options);
  EXPECT_EQ(listed_paths(*view), "README.md,src/main.cpp,web/app.js");
}

TEST(WorkingTreeEmpty, UnbornHeadListsUntrackedFiles) {
  TempDir temp;
  fs::path repo = temp.path() / "fresh";
  init_repository(repo);
  write_file(repo, "a.go", "package a\n");
  auto view = RepoView::open(repo, {});
  EXPECT_EQ(view->kind(), TargetKind::WorkingTree);
  EXPECT_EQ(view->commit(), "");
  EXPECT_EQ(view->branch(), "");
  EXPECT_EQ(listed_paths(*view), "a.go");
  EXPECT_EQ(view->files()[0].language, "go");
}

}  // namespace
}  // namespace assay::repo
