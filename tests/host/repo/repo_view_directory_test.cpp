#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "repo/repo_view.h"
#include "test_repository.h"

namespace assay::repo {
namespace {
namespace fs = std::filesystem;
using testing::find_file;
using testing::listed_paths;
using testing::TempDir;
using testing::write_file;

TEST(DirectoryScan, ListsRegularFilesWithoutHistory) {
  TempDir temp;
  fs::path dir = temp.path() / "plain";
  write_file(dir, "main.rs", "fn main() {}\n");
  write_file(dir, "src/util.rs", "pub fn f() {}\n");
  write_file(dir, "copy/.git/config", "not a repository of ours\n");
  write_file(dir, "copy/kept.txt", "kept\n");
  write_file(dir, ".assay/BACKLOG.md", "# report\n");
  write_file(dir, "skip/me.txt", "excluded\n");
  fs::create_symlink(dir / "src", dir / "linked-src");
  fs::create_symlink(dir / "main.rs", dir / "linked.rs");
  RepoOptions options;
  options.exclude = {"skip/"};
  auto view = RepoView::open(dir, options);
  EXPECT_EQ(view->kind(), TargetKind::Directory);
  EXPECT_FALSE(view->has_history());
  EXPECT_EQ(view->root(), dir.string());
  EXPECT_EQ(view->name(), "plain");
  EXPECT_EQ(view->git_dir(), "");
  EXPECT_EQ(view->commit(), "");
  EXPECT_EQ(view->branch(), "");
  EXPECT_EQ(listed_paths(*view), "copy/kept.txt,main.rs,src/util.rs");
  const FileEntry* util = find_file(*view, "src/util.rs");
  ASSERT_NE(util, nullptr);
  EXPECT_EQ(util->blob_id, "");
  EXPECT_EQ(util->size, 14u);
  EXPECT_EQ(util->language, "rust");
  EXPECT_EQ(view->read(2), "pub fn f() {}\n");
}

TEST(DirectoryScan, ReadIntoReusesOneBufferForLongerAndShorterFiles) {
  TempDir temp;
  const fs::path dir = temp.path() / "plain";
  const std::string large(100000, 'x');
  write_file(dir, "a_large.txt", large);
  write_file(dir, "b_small.txt", "tiny\n");
  write_file(dir, "c_empty.txt", "");
  auto view = RepoView::open(dir, {});
  std::string buffer = "left over";
  ASSERT_EQ(view->read_into(1, buffer), 5u);
  EXPECT_EQ(buffer.substr(0, 5), "tiny\n");
  ASSERT_EQ(view->read_into(0, buffer), large.size());
  EXPECT_EQ(buffer.substr(0, large.size()), large);
  const size_t grown = buffer.size();
  ASSERT_EQ(view->read_into(1, buffer), 5u);
  EXPECT_EQ(buffer.substr(0, 5), "tiny\n");
  EXPECT_EQ(buffer.size(), grown) << "a shorter file neither shrinks nor clears the buffer";
  EXPECT_EQ(view->read_into(2, buffer), 0u);
}

TEST(DirectoryScan, MissingPathIsAnErrorNamingIt) {
  TempDir temp;
  fs::path missing = temp.path() / "does-not-exist";
  try {
    RepoView::open(missing, {});
    FAIL() << "no error for a missing path";
  } catch (const RepoError& error) {
    EXPECT_EQ(std::string(error.what()), "path " + missing.string() + " does not exist");
  }
}

TEST(DirectoryScan, FileInsteadOfDirectoryIsAnError) {
  TempDir temp;
  write_file(temp.path(), "file.txt", "x");
  EXPECT_THROW(RepoView::open(temp.path() / "file.txt", {}), RepoError);
}

TEST(DirectoryScan, UnreadableDirectoryIsAnError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  TempDir temp;
  write_file(temp.path(), "locked/secret.txt", "x");
  fs::permissions(temp.path() / "locked", fs::perms::none);
  try {
    RepoView::open(temp.path(), {});
    FAIL() << "no error for an unreadable directory";
  } catch (const RepoError& error) {
    EXPECT_NE(std::string(error.what()).find("locked"), std::string::npos) << error.what();
  }
  fs::permissions(temp.path() / "locked", fs::perms::owner_all);
}

TEST(DirectoryScan, FileRemovedAfterListingGivesReadErrorNamingIt) {
  TempDir temp;
  write_file(temp.path(), "gone.txt", "x");
  auto view = RepoView::open(temp.path(), {});
  fs::remove(temp.path() / "gone.txt");
  try {
    view->read(0);
    FAIL() << "no error for a vanished file";
  } catch (const RepoError& error) {
    EXPECT_NE(std::string(error.what()).find("'gone.txt'"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace assay::repo
