#include "uri_resolver.h"

#include <gtest/gtest.h>

namespace assay::sarif {
namespace {

const std::map<std::string, UriBase> kNoBases;

class UriResolverTest : public ::testing::Test {
 protected:
  UriResolver resolver_{"/repo", {"/home/ci/app", "file:///builds/group/app/"}, {{"OVERRIDDEN", "sub"}}};

  std::string path(std::string_view uri, std::string_view base = "",
                   const std::map<std::string, UriBase>& bases = kNoBases) {
    const Resolved r = resolver_.resolve(uri, base, bases);
    return r.ok() ? r.path : "refused: " + r.refused;
  }
};

TEST_F(UriResolverTest, RelativeReferencesAreRepositoryPaths) {
  EXPECT_EQ(path("src/a.c"), "src/a.c");
  EXPECT_EQ(path("./src/../src/./a.c"), "src/a.c");
  EXPECT_EQ(path("src/a%20b.c"), "src/a b.c");
  EXPECT_EQ(path("src/a.c#L3"), "src/a.c");
  EXPECT_EQ(path("src/a.c?plain=1"), "src/a.c");
}

TEST_F(UriResolverTest, PathsThatClimbOutAreRefused) {
  EXPECT_EQ(path("../x.c"), "refused: the path climbs above the repository root");
  EXPECT_EQ(path("src/../../x.c"), "refused: the path climbs above the repository root");
  EXPECT_EQ(path("%2e%2e/x.c"), "refused: the path climbs above the repository root");
  EXPECT_EQ(path("/etc/passwd"), "refused: '/etc/passwd' is outside the repository");
  EXPECT_EQ(path("file:///repo/a%2F..%2F..%2Fetc/passwd"),
            "refused: '/etc/passwd' is outside the repository");
  EXPECT_EQ(path("file:///repository-sibling/a.c"),
            "refused: '/repository-sibling/a.c' is outside the repository");
}

TEST_F(UriResolverTest, FileUrisMapThroughTheRoots) {
  EXPECT_EQ(path("file:///repo/src/a.c"), "src/a.c");
  EXPECT_EQ(path("file://localhost/repo/src/a.c"), "src/a.c");
  EXPECT_EQ(path("file:/repo/src/a.c"), "src/a.c");
  EXPECT_EQ(path("FILE:///repo/src/a.c"), "src/a.c");
  EXPECT_EQ(path("/repo/src/a.c"), "src/a.c");
  EXPECT_EQ(path("file:///home/ci/app/src/a.c"), "src/a.c");
  EXPECT_EQ(path("file:///builds/group/app/lib/b.py"), "lib/b.py");
  EXPECT_EQ(path("file:///repo"), "");
  EXPECT_EQ(path("file://build-host/repo/a.c"), "refused: the file URI names another host ('build-host')");
}

TEST_F(UriResolverTest, OtherSchemesAreRefused) {
  EXPECT_EQ(path("https://example.com/a.c"), "refused: a https: URI does not name a file of the repository");
  EXPECT_EQ(path("git+ssh://host/a.c"), "refused: a git+ssh: URI does not name a file of the repository");
  EXPECT_EQ(path("src/a%zz.c"), "refused: malformed percent escape");
  EXPECT_EQ(path("src/a%ff.c"), "refused: the decoded path is not UTF-8 text");
  EXPECT_EQ(path("src/a%00.c"), "refused: the decoded path is not UTF-8 text");
}

TEST_F(UriResolverTest, BaseIdsResolveThroughTheRunsDefinitions) {
  const std::map<std::string, UriBase> bases = {
      {"ROOT", {"file:///repo/", ""}},
      {"SRC", {"src/", "ROOT"}},
      {"BUILD", {"file:///repo/build/", ""}},
      {"NOURI", {std::nullopt, ""}},
      {"CI", {"file:///home/runner/work/app/app/", ""}},
      {"LOOP_A", {"a/", "LOOP_B"}},
      {"LOOP_B", {"b/", "LOOP_A"}},
      {"OVERRIDDEN", {"file:///elsewhere/", ""}},
  };
  EXPECT_EQ(path("a.c", "SRC", bases), "src/a.c");
  EXPECT_EQ(path("../src/main.c", "BUILD", bases), "src/main.c");
  EXPECT_EQ(path("a.c", "NOURI", bases), "a.c");
  EXPECT_EQ(path("a.c", "%SRCROOT%", bases), "a.c");
  EXPECT_EQ(path("a.c", "OVERRIDDEN", bases), "sub/a.c");
  EXPECT_EQ(path("src/a.c", "CI", bases),
            "refused: '/home/runner/work/app/app/src/a.c' is outside the repository");
  EXPECT_EQ(path("x.c", "LOOP_A", bases),
            "refused: uriBaseId 'LOOP_B' is defined through more than 8 other bases (a cycle?)");
  // An absolute URI ignores its base.
  EXPECT_EQ(path("file:///repo/x.c", "CI", bases), "x.c");
}

TEST(UriResolver, WindowsDrivesAreAbsolute) {
  const UriResolver resolver("C:/work/repo", {}, {});
  EXPECT_EQ(resolver.resolve("file:///C:/work/repo/src/a.c", "", kNoBases).path, "src/a.c");
  EXPECT_EQ(resolver.resolve("C:/work/repo/src/a.c", "", kNoBases).path, "src/a.c");
  EXPECT_FALSE(resolver.resolve("file:///D:/other/a.c", "", kNoBases).ok());
}

TEST(UriResolver, RootOfTheFilesystemContainsEverything) {
  const UriResolver resolver("/", {}, {});
  EXPECT_EQ(resolver.resolve("file:///etc/hosts", "", kNoBases).path, "etc/hosts");
}

TEST(PercentEncoding, EncodesWhatAUriPathCannotHold) {
  EXPECT_EQ(percent_encode_path("web/main page.js"), "web/main%20page.js");
  EXPECT_EQ(percent_encode_path("src/ü.c"), "src/%C3%BC.c");
  EXPECT_EQ(percent_encode_path("a:b#c?d%e"), "a%3Ab%23c%3Fd%25e");
  EXPECT_EQ(percent_encode_path("keep-._~!$&'()*+,;=@/x"), "keep-._~!$&'()*+,;=@/x");
  EXPECT_EQ(*percent_decode(percent_encode_path("dir/ä b:c%.txt")), "dir/ä b:c%.txt");
  EXPECT_FALSE(percent_decode("%4").has_value());
}

}  // namespace
}  // namespace assay::sarif
