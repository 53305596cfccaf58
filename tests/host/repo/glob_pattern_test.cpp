#include "repo/glob_pattern.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace assay::repo {
namespace {

bool glob(const char* pattern, const char* text) { return GlobPattern(pattern).matches(text); }

TEST(GlobPattern, LiteralMatchesWholeText) {
  EXPECT_TRUE(glob("a/b.txt", "a/b.txt"));
  EXPECT_FALSE(glob("a/b.txt", "a/b.txt2"));
  EXPECT_FALSE(glob("a/b.txt", "xa/b.txt"));
}

TEST(GlobPattern, StarStaysInsideOneComponent) {
  EXPECT_TRUE(glob("*.js", "app.min.js"));
  EXPECT_TRUE(glob("*.js", ".js"));
  EXPECT_FALSE(glob("*.js", "dir/app.js"));
  EXPECT_TRUE(glob("src/*.c", "src/main.c"));
  EXPECT_FALSE(glob("src/*.c", "src/sub/main.c"));
  EXPECT_TRUE(glob("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(glob("a*b*c", "aXXbYY"));
}

TEST(GlobPattern, QuestionMarkIsOneCharacterButNotSlash) {
  EXPECT_TRUE(glob("file?.txt", "file1.txt"));
  EXPECT_FALSE(glob("file?.txt", "file12.txt"));
  EXPECT_FALSE(glob("a?b", "a/b"));
}

TEST(GlobPattern, CharacterSets) {
  EXPECT_TRUE(glob("[abc].c", "b.c"));
  EXPECT_FALSE(glob("[abc].c", "d.c"));
  EXPECT_TRUE(glob("v[0-9].txt", "v7.txt"));
  EXPECT_FALSE(glob("v[0-9].txt", "vx.txt"));
  EXPECT_TRUE(glob("[!a-c]x", "dx"));
  EXPECT_FALSE(glob("[!a-c]x", "bx"));
  EXPECT_TRUE(glob("[^a]x", "bx"));
  EXPECT_TRUE(glob("[]]", "]"));
  EXPECT_TRUE(glob("[a-]", "-"));
  EXPECT_TRUE(glob("[[:digit:]][[:upper:]]", "7Q"));
  EXPECT_FALSE(glob("[[:digit:]]", "x"));
  EXPECT_FALSE(glob("a[/]b", "a/b"));
}

TEST(GlobPattern, DoubleStarSpansDirectories) {
  EXPECT_TRUE(glob("**/test.py", "test.py"));
  EXPECT_TRUE(glob("**/test.py", "a/b/test.py"));
  EXPECT_FALSE(glob("**/test.py", "a/b/mytest.py"));
  EXPECT_TRUE(glob("docs/**", "docs/a/b.md"));
  EXPECT_FALSE(glob("docs/**", "docs"));
  EXPECT_TRUE(glob("a/**/b", "a/b"));
  EXPECT_TRUE(glob("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(glob("a/**/b", "a/x/yb"));
  EXPECT_TRUE(glob("docs/**/*.md", "docs/x/y/readme.md"));
  // Not a whole segment: an ordinary star.
  EXPECT_TRUE(glob("a**b", "axxb"));
  EXPECT_FALSE(glob("a**b", "ax/xb"));
}

TEST(GlobPattern, BackslashEscapes) {
  EXPECT_TRUE(glob("\\*.txt", "*.txt"));
  EXPECT_FALSE(glob("\\*.txt", "a.txt"));
  EXPECT_TRUE(glob("what\\?", "what?"));
}

TEST(GlobPattern, MalformedPatternsAreRejected) {
  EXPECT_THROW(GlobPattern("[abc"), std::invalid_argument);
  EXPECT_THROW(GlobPattern("abc\\"), std::invalid_argument);
  EXPECT_THROW(GlobPattern("[[:nonsense:]]"), std::invalid_argument);
  EXPECT_THROW(GlobPattern("[[:alpha"), std::invalid_argument);
}

}  // namespace
}  // namespace assay::repo
