#include "repo_glob.h"

#include <gtest/gtest.h>

namespace assay::input {
namespace {

TEST(RepoGlob, AnchorsAtTheRepositoryRoot) {
  const RepoGlob glob("*.sarif");
  EXPECT_TRUE(glob.matches("a.sarif"));
  EXPECT_FALSE(glob.matches("reports/a.sarif"));
  EXPECT_FALSE(glob.matches("a.sarif.json"));
}

TEST(RepoGlob, DoubleStarSpansDirectories) {
  const RepoGlob glob("**/*.sarif");
  EXPECT_TRUE(glob.matches("a.sarif"));
  EXPECT_TRUE(glob.matches("reports/ci/a.sarif"));
  const RepoGlob middle("reports/**/codeql-*.sarif");
  EXPECT_TRUE(middle.matches("reports/codeql-python.sarif"));
  EXPECT_TRUE(middle.matches("reports/x/y/codeql-js.sarif"));
  EXPECT_FALSE(middle.matches("other/codeql-js.sarif"));
  EXPECT_TRUE(RepoGlob("reports/**").matches("reports/a/b"));
  EXPECT_FALSE(RepoGlob("reports/**").matches("report"));
  EXPECT_TRUE(RepoGlob("**/**/x").matches("x"));
}

TEST(RepoGlob, StarStaysWithinASegment) {
  EXPECT_FALSE(RepoGlob("reports/*.sarif").matches("reports/a/b.sarif"));
  EXPECT_TRUE(RepoGlob("reports/*.sarif").matches("reports/.sarif"));
  EXPECT_TRUE(RepoGlob("a*b*c").matches("aXXbYYc"));
  EXPECT_FALSE(RepoGlob("a*b*c").matches("aXXbYY"));
}

TEST(RepoGlob, QuestionMarksClassesAndEscapes) {
  EXPECT_TRUE(RepoGlob("run?.sarif").matches("run1.sarif"));
  EXPECT_FALSE(RepoGlob("run?.sarif").matches("run12.sarif"));
  EXPECT_TRUE(RepoGlob("run[0-9].sarif").matches("run7.sarif"));
  EXPECT_FALSE(RepoGlob("run[!0-9].sarif").matches("run7.sarif"));
  EXPECT_TRUE(RepoGlob("run[!0-9].sarif").matches("runx.sarif"));
  EXPECT_TRUE(RepoGlob("[]]x").matches("]x"));
  EXPECT_TRUE(RepoGlob("a\\*b").matches("a*b"));
  EXPECT_FALSE(RepoGlob("a\\*b").matches("aXb"));
}

TEST(RepoGlob, RefusesPatternsOutsideTheRepository) {
  EXPECT_THROW(RepoGlob(""), std::invalid_argument);
  EXPECT_THROW(RepoGlob("/abs/*.sarif"), std::invalid_argument);
  EXPECT_THROW(RepoGlob("../x.sarif"), std::invalid_argument);
  EXPECT_THROW(RepoGlob("a//b"), std::invalid_argument);
  EXPECT_THROW(RepoGlob("run[0-9.sarif"), std::invalid_argument);
  EXPECT_EQ(*glob_problem("../x"), "'../x' leaves the repository ('..')");
  EXPECT_FALSE(glob_problem("**/*.sarif").has_value());
}

TEST(RepoGlob, ManyStarsStayFast) {
  const std::string path(2000, 'a');
  EXPECT_FALSE(segment_matches("*a*a*a*a*a*a*a*a*b", path));
}

}  // namespace
}  // namespace assay::input
