// The built-in lockfiles check on C and C++ projects: locked when a package
// manager's lock is committed, and when there is no package manager at all
// (the distribution pins the versions); a conanfile without its lock fails,
// and a manifest among the test fixtures is not the project's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "memory_host.h"

namespace {

using assay::test::MemoryFile;
using assay::test::MemoryHost;
using nlohmann::json;

json lockfiles_check(std::vector<MemoryFile> files) {
  MemoryHost host("maturity");
  host.files = std::move(files);
  EXPECT_EQ(host.run(), ASSAY_OK) << host.open_error << host.scan_error;
  const json assessment = json::parse(host.assessments.at(0));
  for (const auto& check : assessment["checks"])
    if (check["id"] == "lockfiles") return check;
  ADD_FAILURE() << "no lockfiles check in the assessment: " << host.assessments.at(0);
  return {};
}

std::vector<MemoryFile> cmake_project() {
  return {{"CMakeLists.txt", "cmake", "find_package(ZLIB REQUIRED)\nadd_executable(tool main.cpp)\n"},
          {"main.cpp", "cpp", "int main() { return 0; }\n"},
          {"util.cpp", "cpp", "int twice(int x) { return 2 * x; }\n"}};
}

TEST(LockfilesCheck, ACMakeProjectWithoutAPackageManagerHasNothingToLock) {
  const json check = lockfiles_check(cmake_project());
  EXPECT_EQ(check["status"], "pass") << check.dump(1);
  EXPECT_EQ(check["score"], 10.0);
}

TEST(LockfilesCheck, AManifestAmongTheTestFixturesIsNotTheProjects) {
  std::vector<MemoryFile> files = cmake_project();
  files.push_back({"tests/fixtures/vcpkg.json", "json", R"({"dependencies": ["zlib"]})"});
  EXPECT_EQ(lockfiles_check(files)["status"], "pass");
}

TEST(LockfilesCheck, AConanfileWithoutItsLockFails) {
  std::vector<MemoryFile> files = cmake_project();
  files.push_back({"conanfile.txt", "ini", "[requires]\nzlib/1.3\n"});
  const json check = lockfiles_check(files);
  EXPECT_EQ(check["status"], "fail") << check.dump(1);
  files.push_back({"conan.lock", "json", R"({"version": "0.5"})"});
  EXPECT_EQ(lockfiles_check(files)["status"], "pass");
}

TEST(LockfilesCheck, AVcpkgManifestIsLockedByItsBaseline) {
  std::vector<MemoryFile> files = cmake_project();
  files.push_back({"vcpkg.json", "json", R"({"dependencies": ["zlib"]})"});
  EXPECT_EQ(lockfiles_check(files)["status"], "fail");
  files.back().content =
      R"({"dependencies": ["zlib"], "builtin-baseline": "3426db05b996481ca31e95fff3734cf23e0f51bc"})";
  EXPECT_EQ(lockfiles_check(files)["status"], "pass");
}

}  // namespace
