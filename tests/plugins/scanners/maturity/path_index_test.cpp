// The path index offers a glob list only the paths its anchors allow, and
// finds exactly what matching every path finds.
#include "path_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace assay::scanners {
namespace {

using Kind = PathGlob::Anchor::Kind;

std::vector<std::string> folded(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(lower_ascii(p));
  return out;
}

// What matching every path one by one finds.
std::vector<size_t> by_every_path(const std::vector<std::string>& paths, const GlobList& globs) {
  std::vector<size_t> out;
  for (size_t i = 0; i < paths.size(); ++i)
    if (globs.matches_folded(paths[i])) out.push_back(i);
  return out;
}

TEST(PathGlobAnchors, EachAlternativeSaysWhatItsMatchesStartOrEndWith) {
  const auto anchors = [](const char* pattern) { return PathGlob(pattern).anchors(); };
  ASSERT_EQ(anchors("*.{yml,YAML}").size(), 2u);
  EXPECT_EQ(anchors("*.{yml,YAML}")[0].kind, Kind::suffix);
  EXPECT_EQ(anchors("*.{yml,YAML}")[0].text, ".yml");
  EXPECT_EQ(anchors("*.{yml,YAML}")[1].text, ".yaml");
  EXPECT_EQ(anchors("/CHANGELOG*")[0].kind, Kind::path_prefix);
  EXPECT_EQ(anchors("/CHANGELOG*")[0].text, "changelog");
  EXPECT_EQ(anchors("docs/**/*")[0].kind, Kind::path_prefix);
  EXPECT_EQ(anchors("docs/**/*")[0].text, "docs");
  EXPECT_EQ(anchors("build.gradle*")[0].kind, Kind::name_prefix);
  EXPECT_EQ(anchors("build.gradle*")[0].text, "build.gradle");
  EXPECT_EQ(anchors("\\*x*")[0].kind, Kind::none);   // an escape ends the literal prefix at once
  EXPECT_EQ(anchors("*fuzz*")[0].kind, Kind::none);
  EXPECT_EQ(anchors("tests/")[0].kind, Kind::none);  // **/tests/**/*: any depth, any name
  EXPECT_EQ(anchors("/tests/")[0].kind, Kind::path_prefix);
}

TEST(PathIndex, FindsWhatMatchingEveryPathFinds) {
  const std::vector<std::string> paths = folded({
      "README.md", "docs/readme", "Docs/Guide.MD", "docs/a/b/c.md", "ci/Build.YML", "a.yaml", "x.yaml.bak",
      "src/Makefile", "Makefile", "build.gradle.kts", "app/build.gradle", "CHANGELOG", "changes/CHANGELOG.md",
      "src/fuzz_parser.c", "tests/unit/a_test.go", "src/a/b/Beta_TEST.go", "yml", ".github/workflows/ci.yml",
      "nested/.github/workflows/ci.yml", "*.MD", "a/*x.txt", "id_rsa", "keys/id_rsa.pub",
  });
  const PathIndex index(paths);
  ASSERT_EQ(index.size(), paths.size());
  const std::vector<std::vector<std::string>> lists = {
      {"*.{yml,yaml}"},
      {"/Makefile"},
      {"Makefile", "/CHANGELOG*"},
      {"/docs/**/*.md"},
      {"docs/"},
      {"build.gradle*"},
      {"README*", "*.md"},
      {"*fuzz*.{c,cc}", "tests/"},
      {"src/**/[A-C]*_test.go"},
      {"\\*.md", "*/\\*x.txt"},
      {".github/workflows/*.{yml,yaml}"},
      {"id_rsa", "*.pem"},
      {"nothing-like-this"},
      {"yml"},
  };
  for (const auto& patterns : lists) {
    const GlobList globs(patterns);
    EXPECT_EQ(index.matching(globs), by_every_path(paths, globs)) << globs.describe();
  }
}

TEST(PathIndex, ResultsAreAscendingPositions) {
  const PathIndex index(folded({"b.yml", "a.yml", "c.txt", "d/e.yml"}));
  EXPECT_EQ(index.matching(GlobList({"*.yml"})), (std::vector<size_t>{0, 1, 3}));
  EXPECT_EQ(index.matching(GlobList({"c.*", "*.yml"})), (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(index.matching(GlobList({"/d/"})), (std::vector<size_t>{3}));
  EXPECT_TRUE(index.matching(GlobList({"*.md"})).empty());
  EXPECT_TRUE(PathIndex({}).matching(GlobList({"*.md"})).empty());
}

}  // namespace
}  // namespace assay::scanners
