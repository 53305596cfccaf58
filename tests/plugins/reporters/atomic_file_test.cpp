// AtomicFile directly: the replaced file kept aside and removed in the
// background, and the leftovers of a crash removed by the next writer.
#include "atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "scratch_dir.h"

namespace assay::test {
namespace {

using reporters::AtomicFile;

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every name in the directory but the given file's own.
std::vector<std::string> others_than(const std::filesystem::path& directory, const std::string& file) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    if (entry.path().filename() != file) names.push_back(entry.path().filename().string());
  return names;
}

TEST(AtomicFileTest, ALargeReplacedFileIsRemovedAndTheNewOneIsInPlace) {
  ScratchDir scratch;
  const auto target = scratch.path() / "backlog.json";
  const std::string old_text(static_cast<size_t>(AtomicFile::kSetAsideSize), 'o');
  write_all(target, old_text);
  {
    AtomicFile file(target);
    file.write("{\"new\":true}\n");
    EXPECT_FALSE(file.commit().has_value());
    // Committed: readers see the new file at once, whatever the removal does.
    EXPECT_EQ(read_all(target), "{\"new\":true}\n");
  }
  EXPECT_EQ(read_all(target), "{\"new\":true}\n");
  // Neither the temporary file nor the replaced one is left.
  EXPECT_EQ(others_than(scratch.path(), "backlog.json"), std::vector<std::string>{});
  struct stat status {};
  ASSERT_EQ(::stat(target.c_str(), &status), 0);
  EXPECT_EQ(status.st_nlink, 1u);
}

TEST(AtomicFileTest, ASmallReplacedFileIsReplacedInPlace) {
  ScratchDir scratch;
  const auto target = scratch.path() / "BACKLOG.md";
  write_all(target, "# old\n");
  {
    AtomicFile file(target);
    file.write("# new\n");
    EXPECT_FALSE(file.commit().has_value());
  }
  EXPECT_EQ(read_all(target), "# new\n");
  EXPECT_EQ(others_than(scratch.path(), "BACKLOG.md"), std::vector<std::string>{});
}

TEST(AtomicFileTest, TheNextWriterRemovesWhatACrashLeftAside) {
  ScratchDir scratch;
  const auto target = scratch.path() / "backlog.json";
  write_all(target, "{}\n");
  // What a crash between the second name and its removal leaves behind.
  write_all(AtomicFile::set_aside_path(target, "Ab12Cd"), "old report");
  // Another report's set-aside file and an unrelated hidden file stay.
  write_all(AtomicFile::set_aside_path(scratch.path() / "BACKLOG.md", "Ab12Cd"), "old markdown");
  write_all(scratch.path() / ".backlog.json.older", "keep");
  {
    AtomicFile file(target);
    file.write("{\"new\":true}\n");
    EXPECT_FALSE(file.commit().has_value());
  }
  EXPECT_EQ(read_all(target), "{\"new\":true}\n");
  std::vector<std::string> left = others_than(scratch.path(), "backlog.json");
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{".BACKLOG.md.old-Ab12Cd", ".backlog.json.older"}));
}

TEST(AtomicFileTest, ASetAsidePathIsHiddenBesideTheTarget) {
  EXPECT_EQ(AtomicFile::set_aside_path("/out/backlog.json", "x1Y2z3"), "/out/.backlog.json.old-x1Y2z3");
}

TEST(AtomicFileTest, AFailedRenameKeepsTheOldFileUnderItsOneName) {
  ScratchDir scratch;
  // A directory as the target: the rename fails, the directory stays, and
  // nothing is left beside it.
  const auto target = scratch.path() / "report";
  std::filesystem::create_directories(target);
  {
    AtomicFile file(target);
    file.write("text");
    EXPECT_THROW((void)file.commit(), std::runtime_error);
  }
  EXPECT_TRUE(std::filesystem::is_directory(target));
  EXPECT_EQ(others_than(scratch.path(), "report"), std::vector<std::string>{});
}

}  // namespace
}  // namespace assay::test
