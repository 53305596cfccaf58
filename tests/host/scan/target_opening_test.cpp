// The scan target opened early (while the CLI loads its plugins) must be the
// very view run() would open itself, and fail the same way.
#include "scan/target_opening.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "config/config.h"
#include "repo/repo_view.h"

namespace assay::scan {
namespace {

namespace fs = std::filesystem;

class TargetOpening : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("assay-target-opening-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "src");
    fs::create_directories(root_ / ".assay");
    std::ofstream(root_ / "src" / "a.c") << "int a;\n";
    std::ofstream(root_ / "b.py") << "b = 1\n";
    std::ofstream(root_ / ".assay" / "BACKLOG.md") << "# report\n";
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::vector<std::string> paths_of(const repo::RepoView& view) {
    std::vector<std::string> paths;
    for (const auto& file : view.files()) paths.push_back(file.path);
    return paths;
  }

  fs::path root_;
  config::Config config_ = config::Config::defaults();
};

TEST_F(TargetOpening, TheEarlyViewIsTheOneRunWouldOpen) {
  ScanOptions options;
  options.path = root_.string() + "/";  // a trailing '/' is dropped either way
  auto early = EarlyTarget::start(options, config_);
  const auto taken = early->take();
  const auto direct = open_scan_target(options, config_);
  EXPECT_EQ(taken->root(), direct->root());
  EXPECT_EQ(paths_of(*taken), paths_of(*direct));
  // The reports' directory is never part of the target.
  EXPECT_EQ(paths_of(*taken), (std::vector<std::string>{"b.py", "src/a.c"}));
  EXPECT_THROW(early->take(), std::logic_error);
}

TEST_F(TargetOpening, PathsAndOutputDirectoryFollowTheOptions) {
  ScanOptions options;
  options.path = root_ / "src" / "..";
  EXPECT_EQ(scan_path_of(options), root_);
  EXPECT_EQ(out_dir_of(options, root_), root_ / ".assay");
  options.out_dir = root_ / "reports" / "." / "here";
  EXPECT_EQ(out_dir_of(options, root_), root_ / "reports" / "here");
}

TEST_F(TargetOpening, AnEarlyFailureIsGivenWhenTheViewIsTaken) {
  ScanOptions options;
  options.path = root_ / "missing";
  auto early = EarlyTarget::start(options, config_);
  std::string direct_error;
  try {
    open_scan_target(options, config_);
  } catch (const ScanFailed& e) {
    direct_error = e.what();
  }
  ASSERT_FALSE(direct_error.empty());
  try {
    early->take();
    FAIL() << "a missing path opened";
  } catch (const ScanFailed& e) {
    EXPECT_EQ(std::string(e.what()), direct_error);
    EXPECT_NE(direct_error.find("missing"), std::string::npos) << direct_error;
  }
}

TEST_F(TargetOpening, AnUntakenTargetIsWaitedFor) {
  ScanOptions options;
  options.path = root_;
  { auto early = EarlyTarget::start(options, config_); }  // the destructor waits for the opening
  SUCCEED();
}

}  // namespace
}  // namespace assay::scan
