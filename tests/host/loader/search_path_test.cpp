// Where the loader looks for plugins, and which files it takes.
#include "loader/search_path.h"

#include <gtest/gtest.h>

#include <fstream>

#include "loader/plugin_loader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace assay::loader;
using assay::loader::testing::TempDir;

namespace {

TEST(SearchPath, BinaryRelativeDirectoryComesFirstThenTheInstallDirectory) {
  const fs::path bin = fs::read_symlink("/proc/self/exe").parent_path();
  EXPECT_EQ(running_binary_dir(), bin);
  auto dirs = PluginLoader(assay_host_api{}, assay::loader::testing::discard_log()).default_search_dirs();
  ASSERT_EQ(dirs.size(), 2u);
  EXPECT_EQ(dirs[0], (bin.parent_path() / "lib" / "assay" / "plugins").lexically_normal());
  EXPECT_EQ(dirs[1], fs::path(ASSAY_INSTALL_PLUGIN_DIR));
  EXPECT_TRUE(dirs[1].is_absolute());
}

TEST(SearchPath, ListsSharedObjectsSortedByName) {
  TempDir temp;
  for (const char* name : {"zeta.so", "alpha.so", "Mid.so", "notes.txt", "lib.so.1"}) {
    std::ofstream(temp.path() / name) << "x";
  }
  fs::create_directory(temp.path() / "dir.so");
  std::error_code ec;
  auto files = list_shared_objects(temp.path(), ec);
  ASSERT_FALSE(ec) << ec.message();
  std::vector<std::string> names;
  for (const auto& file : files) names.push_back(file.filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"Mid.so", "alpha.so", "zeta.so"}));
}

TEST(SearchPath, ListingAMissingDirectoryReportsTheError) {
  TempDir temp;
  std::error_code ec;
  auto files = list_shared_objects(temp.path() / "absent", ec);
  EXPECT_TRUE(ec);
  EXPECT_TRUE(files.empty());
}

}  // namespace
