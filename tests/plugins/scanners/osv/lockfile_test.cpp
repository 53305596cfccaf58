// Every lockfile format against a fixture in the shape its tool writes
// (tests/plugins/scanners/osv/fixtures/lockfiles), and the errors of files
// that are not of their format.
#include "lockfile/lockfile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace assay::osv {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/tests/plugins/scanners/osv/fixtures/lockfiles/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "name version @line" per dependency.
std::vector<std::string> summary(const LockfileContents& contents) {
  std::vector<std::string> out;
  for (const Dependency& d : contents.dependencies)
    out.push_back(d.name + " " + d.version + " @" + std::to_string(d.line));
  return out;
}

LockfileContents parse(LockfileFormat format, const std::string& file) {
  return parse_lockfile(format, fixture(file));
}

using Lines = std::vector<std::string>;

TEST(Lockfiles, FormatFromFileName) {
  EXPECT_EQ(lockfile_format_for("web/package-lock.json"), LockfileFormat::package_lock);
  EXPECT_EQ(lockfile_format_for("npm-shrinkwrap.json"), LockfileFormat::package_lock);
  EXPECT_EQ(lockfile_format_for("requirements.txt"), LockfileFormat::requirements_txt);
  EXPECT_EQ(lockfile_format_for("ci/requirements-dev.txt"), LockfileFormat::requirements_txt);
  EXPECT_EQ(lockfile_format_for("dev-requirements.txt"), LockfileFormat::requirements_txt);
  EXPECT_EQ(lockfile_format_for("constraints.txt"), LockfileFormat::requirements_txt);
  EXPECT_EQ(lockfile_format_for("gems.locked"), LockfileFormat::gemfile_lock);
  EXPECT_EQ(lockfile_format_for("a/b/go.sum"), LockfileFormat::go_sum);
  EXPECT_FALSE(lockfile_format_for("notes.txt").has_value());
  EXPECT_FALSE(lockfile_format_for("package.json").has_value());
  EXPECT_FALSE(lockfile_format_for("node_modules/x/package-lock.json").has_value());
  EXPECT_FALSE(lockfile_format_for("web/node_modules/y/yarn.lock").has_value());
}

TEST(Lockfiles, RequirementsTxtTakesExactPins) {
  const LockfileContents c = parse(LockfileFormat::requirements_txt, "requirements.txt");
  EXPECT_EQ(summary(c),
            (Lines{"Django 3.2.0 @3", "requests 2.25.1 @4", "urllib3 1.26.4 @5", "PyYAML 5.3.1 @10"}));
  EXPECT_EQ(c.unmatchable, 4u);  // >=, -e, a local path, a wildcard
  EXPECT_TRUE(c.dependencies.front().from_manifest);
  EXPECT_EQ(c.dependencies.front().ecosystem, Ecosystem::pypi);
}

TEST(Lockfiles, PoetryLock) {
  const LockfileContents c = parse(LockfileFormat::poetry_lock, "poetry.lock");
  EXPECT_EQ(summary(c), (Lines{"certifi 2022.12.7 @4", "jinja2 3.1.2 @15"}));
  EXPECT_EQ(c.unmatchable, 1u);  // the git source
  EXPECT_FALSE(c.dependencies.front().from_manifest);
}

TEST(Lockfiles, PipfileLock) {
  const LockfileContents c = parse(LockfileFormat::pipfile_lock, "Pipfile.lock");
  EXPECT_EQ(summary(c), (Lines{"idna 2.10 @9", "pytest 6.2.4 @20"}));
  EXPECT_EQ(c.unmatchable, 1u);
}

TEST(Lockfiles, PackageLockV3) {
  const LockfileContents c = parse(LockfileFormat::package_lock, "package-lock-v3.json");
  EXPECT_EQ(summary(c), (Lines{"lodash 4.17.20 @12", "@babel/traverse 7.22.0 @16", "qs 6.5.2 @19",
                               "string-width 4.2.3 @22"}));
  EXPECT_EQ(c.dependencies.front().ecosystem, Ecosystem::npm);
}

TEST(Lockfiles, PackageLockV1) {
  const LockfileContents c = parse(LockfileFormat::package_lock, "package-lock-v1.json");
  EXPECT_EQ(summary(c),
            (Lines{"minimist 1.2.0 @7", "mkdirp 0.5.1 @11", "minimist 0.0.8 @15", "left-pad 1.3.0 @23"}));
  EXPECT_EQ(c.unmatchable, 1u);  // the github: dependency
}

TEST(Lockfiles, YarnClassic) {
  const LockfileContents c = parse(LockfileFormat::yarn_lock, "yarn-v1.lock");
  EXPECT_EQ(summary(c),
            (Lines{"@babel/code-frame 7.12.13 @5", "lodash 4.17.15 @12", "string-width 4.2.3 @16"}));
  EXPECT_EQ(c.unmatchable, 1u);
}

TEST(Lockfiles, YarnBerry) {
  const LockfileContents c = parse(LockfileFormat::yarn_lock, "yarn-berry.lock");
  EXPECT_EQ(summary(c), (Lines{"lodash 4.17.20 @8", "@types/node 18.11.9 @15"}));
  EXPECT_EQ(c.unmatchable, 2u);  // the patch and the workspace
}

TEST(Lockfiles, PnpmEveryKeyStyle) {
  const LockfileContents v5 = parse(LockfileFormat::pnpm_lock, "pnpm-v5.yaml");
  EXPECT_EQ(summary(v5), (Lines{"string_decoder 1.3.0 @8", "@babel/core 7.20.0 @11"}));
  const LockfileContents v6 = parse(LockfileFormat::pnpm_lock, "pnpm-v6.yaml");
  EXPECT_EQ(summary(v6), (Lines{"lodash 4.17.20 @13", "@babel/core 7.20.0 @17", "@scope/quoted 1.0.0 @21"}));
  EXPECT_EQ(v6.unmatchable, 1u);  // the git host key
  const LockfileContents v9 = parse(LockfileFormat::pnpm_lock, "pnpm-v9.yaml");
  EXPECT_EQ(summary(v9), (Lines{"@babel/core 7.20.0 @13", "lodash 4.17.20 @16"}));
}

TEST(Lockfiles, CargoLock) {
  const LockfileContents c = parse(LockfileFormat::cargo_lock, "Cargo.lock");
  EXPECT_EQ(summary(c), (Lines{"smallvec 1.6.0 @14", "time 0.1.43 @20"}));
  EXPECT_EQ(c.unmatchable, 2u);  // the workspace member and the git dependency
}

TEST(Lockfiles, GoModWithReplacements) {
  const LockfileContents c = parse(LockfileFormat::go_mod, "go.mod");
  EXPECT_EQ(summary(c), (Lines{"github.com/gin-gonic/gin v1.9.0 @6", "golang.org/x/net v0.7.0 @7",
                               "golang.org/x/text v0.3.8 @13"}));
  EXPECT_EQ(c.unmatchable, 1u);  // replaced by a local directory
  EXPECT_TRUE(c.dependencies.front().from_manifest);
}

TEST(Lockfiles, GoSumTakesTheHighestDownloadedVersion) {
  const LockfileContents c = parse(LockfileFormat::go_sum, "go.sum");
  EXPECT_EQ(summary(c), (Lines{"github.com/gin-gonic/gin v1.9.0 @3",
                               "golang.org/x/net v0.0.0-20220722155237-a158d28d115b @5"}));
}

TEST(Lockfiles, GemfileLock) {
  const LockfileContents c = parse(LockfileFormat::gemfile_lock, "Gemfile.lock");
  EXPECT_EQ(summary(c), (Lines{"actionpack 6.1.0 @10", "nokogiri 1.13.10 @13", "rack 2.2.3 @15"}));
  EXPECT_EQ(c.unmatchable, 1u);  // the GIT section's gem
}

TEST(Lockfiles, ComposerLock) {
  const LockfileContents c = parse(LockfileFormat::composer_lock, "composer.lock");
  EXPECT_EQ(summary(c), (Lines{"symfony/http-kernel v5.4.0 @6", "phpunit/phpunit 9.5.0 @17"}));
  EXPECT_EQ(c.unmatchable, 1u);  // dev-main
}

TEST(Lockfiles, ConanfileTxt) {
  const LockfileContents c = parse(LockfileFormat::conanfile_txt, "conanfile.txt");
  EXPECT_EQ(summary(c), (Lines{"zlib 1.2.11 @2", "openssl 3.0.8 @3", "cmake 3.25.1 @7"}));
  EXPECT_EQ(c.unmatchable, 1u);  // the version range
  EXPECT_EQ(c.dependencies.front().ecosystem, Ecosystem::conan_center);
}

TEST(Lockfiles, VcpkgJsonOverrides) {
  const LockfileContents c = parse(LockfileFormat::vcpkg_json, "vcpkg.json");
  EXPECT_EQ(summary(c), (Lines{"zlib 1.2.11 @10", "fmt 9.1.0 @11"}));
  EXPECT_EQ(c.unmatchable, 1u);  // openssl: a dependency no override pins
  EXPECT_EQ(c.dependencies.front().ecosystem, Ecosystem::conan_center);
}

TEST(Lockfiles, GradleLockfile) {
  const LockfileContents c = parse(LockfileFormat::gradle_lockfile, "gradle.lockfile");
  EXPECT_EQ(summary(c), (Lines{"com.fasterxml.jackson.core:jackson-databind 2.9.10 @4",
                               "org.apache.logging.log4j:log4j-core 2.14.1 @5"}));
  EXPECT_EQ(c.dependencies.front().ecosystem, Ecosystem::maven);
}

std::string error_of(LockfileFormat format, const std::string& text) {
  try {
    parse_lockfile(format, text);
  } catch (const LockfileError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(Lockfiles, FilesNotOfTheirFormatAreRefusedWithAPosition) {
  EXPECT_EQ(error_of(LockfileFormat::package_lock, "{\n  \"packages\": {\n    \"x\": [1,]\n}"),
            "invalid JSON at line 3, column 13: expected a value");
  EXPECT_EQ(error_of(LockfileFormat::package_lock, "[]"),
            "line 1: a package-lock.json is a JSON object, got an array");
  EXPECT_EQ(error_of(LockfileFormat::cargo_lock, "[[package]]\nname = \"a\"\nthis is not toml\n"),
            "line 3: expected 'key = value' or a [table] header");
  EXPECT_EQ(error_of(LockfileFormat::poetry_lock, "[[package]]\nfiles = [\n  {file = \"x\"},\n"),
            "line 2: unterminated array or inline table");
  EXPECT_EQ(error_of(LockfileFormat::yarn_lock, "lodash@^4.0.0\n  version \"4.0.0\"\n"),
            "line 1: expected an entry header ending in ':'");
  EXPECT_EQ(error_of(LockfileFormat::conanfile_txt, "[requires\nzlib/1.2.11\n"),
            "line 1: unclosed section header");
}

TEST(Lockfiles, BadEntriesAreSkippedWithAWarning) {
  const LockfileContents composer = parse_lockfile(
      LockfileFormat::composer_lock,
      R"({"packages": [{"name": "a/b"}, {"name": "c/d", "version": 5}, {"name": "e/f", "version": "1.0.0"}]})");
  EXPECT_EQ(summary(composer), Lines{"e/f 1.0.0 @1"});
  EXPECT_EQ(composer.warnings, (Lines{"line 1: packages[0] without name and version",
                                      "line 1: packages[1].version must be a string, got a number",
                                      "line 1: packages[1] without name and version"}));
  const LockfileContents sum =
      parse_lockfile(LockfileFormat::go_sum, "example.com/m v1.0.0\nexample.com/n vX h1:=\n");
  EXPECT_EQ(sum.warnings,
            (Lines{"line 1: expected 'module version hash'", "line 2: 'vX' is not a module version"}));
  const LockfileContents gems =
      parse_lockfile(LockfileFormat::gemfile_lock, "GEM\n  specs:\n    rack 2.2.3\n");
  EXPECT_EQ(gems.warnings, Lines{"line 3: expected 'name (version)'"});
  const LockfileContents gradle = parse_lockfile(LockfileFormat::gradle_lockfile, "just-a-name=x\n");
  EXPECT_EQ(gradle.warnings, Lines{"line 1: expected 'group:artifact:version=...'"});
}

// Found by fuzz_osv: a quoted empty module path in go.mod became a
// dependency without a name.
TEST(Lockfiles, EntriesWithoutNameOrVersionAreNeverDependencies) {
  const LockfileContents go =
      parse_lockfile(LockfileFormat::go_mod, "require (\n\t\"\" v1.0.0\n\tm \"\"\n)\n");
  EXPECT_TRUE(go.dependencies.empty());
  EXPECT_EQ(go.warnings, (Lines{"line 2: require needs a module path and a version",
                                "line 3: require needs a module path and a version"}));
  const LockfileContents cargo = parse_lockfile(
      LockfileFormat::cargo_lock, "[[package]]\nname = \"\"\nversion = \"1.0.0\"\nsource = \"registry+x\"\n");
  EXPECT_TRUE(cargo.dependencies.empty());
  EXPECT_EQ(cargo.warnings, Lines{"line 2: an entry without a package name or version"});
  const LockfileContents gems =
      parse_lockfile(LockfileFormat::gemfile_lock, "GEM\n  specs:\n    rack (-java)\n");
  EXPECT_EQ(gems.warnings, Lines{"line 3: an entry without a package name or version"});
}

}  // namespace
}  // namespace assay::osv
