// Path globs as the scanners' rule files write them (plugins/scanners/common/scanner_support).
#include "path_glob.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace assay::scanners {
namespace {

TEST(PathGlob, ANameWithoutSlashMatchesAtAnyDepthIgnoringCase) {
  const PathGlob glob("README.md");
  EXPECT_TRUE(glob.matches("README.md"));
  EXPECT_TRUE(glob.matches("docs/README.md"));
  EXPECT_TRUE(glob.matches("readme.MD"));
  EXPECT_FALSE(glob.matches("README.md.bak"));
  EXPECT_FALSE(glob.matches("xREADME.md"));
}

TEST(PathGlob, ALeadingSlashAnchorsAtTheRoot) {
  const PathGlob glob("/README.*");
  EXPECT_TRUE(glob.matches("README.md"));
  EXPECT_TRUE(glob.matches("README.rst"));
  EXPECT_FALSE(glob.matches("docs/README.md"));
  EXPECT_FALSE(glob.matches("README"));
}

TEST(PathGlob, ASlashInsideMatchesTheWholePath) {
  const PathGlob glob(".github/workflows/*.{yml,yaml}");
  EXPECT_TRUE(glob.matches(".github/workflows/ci.yml"));
  EXPECT_TRUE(glob.matches(".github/workflows/release.yaml"));
  EXPECT_FALSE(glob.matches(".github/workflows/sub/ci.yml"));
  EXPECT_FALSE(glob.matches("x/.github/workflows/ci.yml"));
  EXPECT_FALSE(glob.matches(".github/workflows/ci.json"));
}

TEST(PathGlob, ATrailingSlashMatchesEveryFileBelowTheDirectory) {
  const PathGlob anywhere("tests/");
  EXPECT_TRUE(anywhere.matches("tests/a.py"));
  EXPECT_TRUE(anywhere.matches("pkg/tests/x/y.go"));
  EXPECT_FALSE(anywhere.matches("tests.py"));
  EXPECT_FALSE(anywhere.matches("mytests/a.py"));
  EXPECT_FALSE(anywhere.matches("scripts/tests"));  // a file named like the directory
  const PathGlob rooted("/docs/");
  EXPECT_TRUE(rooted.matches("docs/a.md"));
  EXPECT_TRUE(rooted.matches("docs/deep/b.md"));
  EXPECT_FALSE(rooted.matches("src/docs/a.md"));
}

TEST(PathGlob, DoubleStarSpansAnyNumberOfDirectories) {
  const PathGlob glob("**/tests/**/*.py");
  EXPECT_TRUE(glob.matches("tests/a.py"));
  EXPECT_TRUE(glob.matches("a/tests/b/c.py"));
  EXPECT_FALSE(glob.matches("a/tests.py"));
  EXPECT_FALSE(glob.matches("tests/a.pyc"));
  const PathGlob docs("/docs/**/*.md");
  EXPECT_TRUE(docs.matches("docs/a.md"));
  EXPECT_TRUE(docs.matches("docs/x/y/z.md"));
}

TEST(PathGlob, WildcardsStayInsideOneSegment) {
  EXPECT_TRUE(PathGlob("*_test.go").matches("pkg/a/b_test.go"));
  EXPECT_FALSE(PathGlob("/src/*.c").matches("src/x/y.c"));
  EXPECT_TRUE(PathGlob("/src/?.c").matches("src/a.c"));
  EXPECT_FALSE(PathGlob("/src/?.c").matches("src/ab.c"));
}

TEST(PathGlob, SetsRangesAndNegation) {
  EXPECT_TRUE(PathGlob("[abc].txt").matches("b.txt"));
  EXPECT_TRUE(PathGlob("[abc].txt").matches("B.txt"));
  EXPECT_FALSE(PathGlob("[abc].txt").matches("d.txt"));
  EXPECT_TRUE(PathGlob("file[0-9].log").matches("file7.log"));
  EXPECT_TRUE(PathGlob("[!a]bc").matches("xbc"));
  EXPECT_FALSE(PathGlob("[!a]bc").matches("abc"));
  EXPECT_TRUE(PathGlob("[]x].md").matches("].md"));
}

TEST(PathGlob, AlternativesExpandToEveryCombination) {
  const PathGlob glob("{a,b}{c,d}.txt");
  for (const char* name : {"ac.txt", "ad.txt", "bc.txt", "bd.txt"}) EXPECT_TRUE(glob.matches(name)) << name;
  EXPECT_FALSE(glob.matches("ab.txt"));
}

TEST(PathGlob, EscapesMakeCharactersLiteral) {
  EXPECT_TRUE(PathGlob("a\\*b").matches("a*b"));
  EXPECT_FALSE(PathGlob("a\\*b").matches("axxb"));
  EXPECT_TRUE(PathGlob("\\{x\\}").matches("{x}"));
}

// A glob's plain text (its longest run outside wildcards, sets and escapes)
// rejects paths before any segment is matched: the rejection must keep the
// case-insensitive, escape- and set-aware meaning.
TEST(PathGlob, PlainTextRejectionKeepsCaseSetsAndEscapes) {
  EXPECT_TRUE(PathGlob("vendor/").matches("a/VENDOR/b.c"));
  EXPECT_FALSE(PathGlob("vendor/").matches("a/vendo/b.c"));
  EXPECT_TRUE(PathGlob("/[Vv]endor/*.go").matches("vendor/x.go"));
  EXPECT_TRUE(PathGlob("/ven[d]or/*.go").matches("vendor/x.go"));
  EXPECT_TRUE(PathGlob("/ab\\[x]cd/*").matches("ab[x]cd/y"));
  EXPECT_FALSE(PathGlob("/ab\\[x]cd/*").matches("abxcd/y"));
  EXPECT_TRUE(PathGlob("**/third_party/**/*.h").matches("src/Third_Party/z/q.h"));
}

// Paths deeper than the matcher keeps inline (32 segments; 64 in the
// segment table) match like shallow ones.
TEST(PathGlob, DeepPathsMatchLikeShallowOnes) {
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "d" + std::to_string(i) + "/";
  EXPECT_TRUE(PathGlob("**/d69/*.c").matches(deep + "x.c"));
  EXPECT_TRUE(PathGlob("/d0/**/x.c").matches(deep + "x.c"));
  EXPECT_TRUE(PathGlob("d40/").matches(deep + "x.c"));
  EXPECT_FALSE(PathGlob("/d1/**/x.c").matches(deep + "x.c"));
  EXPECT_FALSE(PathGlob("**/d70/*.c").matches(deep + "x.c"));
}

TEST(PathGlob, RefusesMalformedPatternsSayingWhy) {
  auto message = [](const char* pattern) {
    try {
      PathGlob glob(pattern);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message(""), "glob '': is empty");
  EXPECT_EQ(message("[abc"), "glob '[abc': '[' without a closing ']'");
  EXPECT_EQ(message("{a,b"), "glob '{a,b': '{' without a closing '}'");
  EXPECT_EQ(message("a}"), "glob 'a}': '}' without an opening '{'");
  EXPECT_EQ(message("{a,{b}}"), "glob '{a,{b}}': nested '{' groups are not supported");
  EXPECT_EQ(message("a\\"), "glob 'a\\': ends with a backslash");
  EXPECT_EQ(message("/"), "glob '/': names no file");
  EXPECT_EQ(message("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"),
            "glob '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}': expands to more than 64 alternatives");
}

TEST(GlobList, MatchesWhenAnyGlobDoes) {
  const GlobList list({"*.yml", "/Makefile"});
  EXPECT_TRUE(list.matches("a/b.yml"));
  EXPECT_TRUE(list.matches("Makefile"));
  EXPECT_FALSE(list.matches("src/Makefile"));
  EXPECT_EQ(list.describe(), "*.yml, /Makefile");
}

TEST(GlobList, AFoldedPathMatchesAsTheOriginalDoes) {
  const GlobList list({"README*", "*.{yml,YAML}", "/Docs/", "src/**/[A-C]*_test.Go", "\\*.md", ".GitHub/workflows/*"});
  for (const char* path : {"ReadMe.md", "docs/readme", "ci/Build.YML", "a.yaml", "DOCS/x/y.txt", "docs",
                           "src/a/b/Beta_TEST.go", "src/dZ_test.go", "*.MD", "x.md", ".github/Workflows/ci.yml",
                           "nested/.github/workflows/ci.yml"}) {
    EXPECT_EQ(list.matches_folded(lower_ascii(path)), list.matches(path)) << path;
  }
  EXPECT_TRUE(list.matches_folded("readme.md"));
  EXPECT_FALSE(list.matches_folded("src/a/dz_test.go"));
  EXPECT_EQ(lower_ascii("Src/ÄB.Go"), "src/Äb.go");  // ASCII only
}

}  // namespace
}  // namespace assay::scanners
