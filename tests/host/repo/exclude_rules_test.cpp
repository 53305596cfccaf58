#include "repo/exclude_rules.h"

#include <gtest/gtest.h>

#include "repo/repo_error.h"

namespace assay::repo {
namespace {

TEST(ExcludeRules, NameWithoutSlashMatchesAtAnyDepth) {
  ExcludeRules rules({"*.min.js"}, "");
  EXPECT_TRUE(rules.excludes("app.min.js", false));
  EXPECT_TRUE(rules.excludes("web/static/app.min.js", false));
  EXPECT_FALSE(rules.excludes("web/app.js", false));
}

TEST(ExcludeRules, DirectoryMatchExcludesEverythingBelow) {
  ExcludeRules rules({"vendor"}, "");
  EXPECT_TRUE(rules.excludes("vendor/lib/a.c", false));
  EXPECT_TRUE(rules.excludes("third/vendor/b.c", false));
  EXPECT_TRUE(rules.excludes("vendor", false));
  EXPECT_FALSE(rules.excludes("vendored/a.c", false));
}

TEST(ExcludeRules, TrailingSlashMatchesDirectoriesOnly) {
  ExcludeRules rules({"build/"}, "");
  EXPECT_TRUE(rules.excludes("build/out.o", false));
  EXPECT_TRUE(rules.excludes("sub/build/out.o", false));
  EXPECT_TRUE(rules.excludes("build", true));
  EXPECT_FALSE(rules.excludes("build", false));
  EXPECT_FALSE(rules.excludes("src/build", false));
}

TEST(ExcludeRules, LeadingSlashAnchorsAtRoot) {
  ExcludeRules rules({"/generated"}, "");
  EXPECT_TRUE(rules.excludes("generated/a.c", false));
  EXPECT_FALSE(rules.excludes("src/generated/a.c", false));
}

TEST(ExcludeRules, PatternWithInnerSlashIsAnchored) {
  ExcludeRules rules({"docs/*.md", "**/fixtures/**"}, "");
  EXPECT_TRUE(rules.excludes("docs/a.md", false));
  EXPECT_FALSE(rules.excludes("x/docs/a.md", false));
  EXPECT_FALSE(rules.excludes("docs/sub/a.md", false));
  EXPECT_TRUE(rules.excludes("tests/fixtures/data/x.json", false));
  EXPECT_TRUE(rules.excludes("fixtures/x.json", false));
}

TEST(ExcludeRules, OutputDirectoryIsExcluded) {
  ExcludeRules rules({}, "reports/assay");
  EXPECT_TRUE(rules.excludes("reports/assay/BACKLOG.md", false));
  EXPECT_TRUE(rules.excludes("reports/assay", true));
  EXPECT_FALSE(rules.excludes("reports/assay2/x", false));
  EXPECT_FALSE(rules.excludes("reports/other.md", false));
}

TEST(ExcludeRules, ErrorsNameTheEntry) {
  try {
    ExcludeRules rules({"ok/*", "src/[abc"}, "");
    FAIL() << "no error for an unterminated set";
  } catch (const RepoError& error) {
    EXPECT_STREQ(error.what(), "scan.exclude[1] 'src/[abc': unterminated character set '['");
  }
  EXPECT_THROW(ExcludeRules({"!keep.c"}, ""), RepoError);
  EXPECT_THROW(ExcludeRules({""}, ""), RepoError);
  EXPECT_THROW(ExcludeRules({"/"}, ""), RepoError);
}

}  // namespace
}  // namespace assay::repo
