#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "repo/repo_view.h"
#include "test_repository.h"

namespace assay::repo {
namespace {
namespace fs = std::filesystem;
using testing::commit_all;
using testing::init_repository;
using testing::TempDir;
using testing::write_file;

constexpr int kFiles = 200;
constexpr int kThreads = 8;

std::string contents_of(int file, int version) {
  std::string text = "file " + std::to_string(file) + " version " + std::to_string(version) + "\n";
  // Varying sizes, some large enough to need several read() calls.
  return text +
         std::string(static_cast<std::size_t>((file * 977) % 70000), static_cast<char>('a' + file % 26));
}

std::string name_of(int file) {
  return "dir" + std::to_string(file % 7) + "/f" + std::to_string(file) + ".txt";
}

// Every thread reads every file (in a different order) and checks it.
int count_wrong_reads(const RepoView& view, const std::vector<std::string>& expected) {
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t n = 0; n < view.files().size(); ++n) {
        std::size_t index = (n * 7 + static_cast<std::size_t>(t) * 31) % view.files().size();
        if (view.read(index) != expected[index]) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return wrong.load();
}

class ParallelReads : public ::testing::Test {
 protected:
  void SetUp() override {
    init_repository(temp_.path());
    for (int i = 0; i < kFiles; ++i) write_file(temp_.path(), name_of(i), contents_of(i, 1));
    commit_all(temp_.path(), "v1");
    for (int i = 0; i < kFiles; ++i) write_file(temp_.path(), name_of(i), contents_of(i, 2));
  }

  std::vector<std::string> expected(const RepoView& view, int version) {
    std::vector<std::string> result;
    for (const FileEntry& file : view.files()) {
      int number = std::stoi(file.path.substr(file.path.find("/f") + 2));
      result.push_back(contents_of(number, version));
    }
    return result;
  }

  TempDir temp_;
};

TEST_F(ParallelReads, CommitContentsFromEightThreads) {
  RepoOptions options;
  options.rev = "HEAD";
  auto view = RepoView::open(temp_.path(), options);
  ASSERT_EQ(view->files().size(), static_cast<std::size_t>(kFiles));
  EXPECT_EQ(count_wrong_reads(*view, expected(*view, 1)), 0);
}

TEST_F(ParallelReads, WorkingTreeContentsFromEightThreads) {
  auto view = RepoView::open(temp_.path(), {});
  ASSERT_EQ(view->files().size(), static_cast<std::size_t>(kFiles));
  EXPECT_EQ(count_wrong_reads(*view, expected(*view, 2)), 0);
}

}  // namespace
}  // namespace assay::repo
