// The built-in lockfiles check on C and C++ projects: not applicable without
// a package manager (the distribution pins the versions), locked when the
// package manager's lock is committed; a conanfile without its lock fails,
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
  EXPECT_EQ(check["status"], "inconclusive") << check.dump(1);
  // Every ecosystem's rule says why it does not apply.
  EXPECT_EQ(
      check["evidence"].back(),
      "c/c++: not applicable: no file matches conanfile.{txt,py}, conan.lock, vcpkg.json, MODULE.bazel, "
      "MODULE.bazel.lock");
}

TEST(LockfilesCheck, AManifestAmongTheTestFixturesIsNotTheProjects) {
  std::vector<MemoryFile> files = cmake_project();
  files.push_back({"tests/fixtures/vcpkg.json", "json", R"({"dependencies": ["zlib"]})"});
  files.push_back({"tests/fixtures/conan.lock", "json", R"({"version": "0.5"})"});
  EXPECT_EQ(lockfiles_check(files)["status"], "inconclusive");
}

TEST(LockfilesCheck, AConanfileWithoutItsLockFails) {
  std::vector<MemoryFile> files = cmake_project();
  files.push_back({"conanfile.txt", "ini", "[requires]\nzlib/1.3\n"});
  const json check = lockfiles_check(files);
  EXPECT_EQ(check["status"], "fail") << check.dump(1);
  files.push_back({"conan.lock", "json", R"({"version": "0.5"})"});
  const json locked = lockfiles_check(files);
  EXPECT_EQ(locked["status"], "pass");
  EXPECT_EQ(locked["evidence"], json::parse(R"(["c/c++: found conan.lock"])"));
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
