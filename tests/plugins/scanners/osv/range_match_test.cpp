// The OSV evaluation algorithm: every event kind, limits, explicit version
// lists, GIT ranges, and the order of each ecosystem deciding inclusion.
#include "range_match.h"

#include <gtest/gtest.h>

#include "test_advisories.h"

namespace assay::osv {
namespace {

using testing::advisory;
using testing::range;

RangeMatch match(const Advisory& a, const std::string& version) {
  return match_affected(a.affected.at(0), version);
}

TEST(RangeMatch, IntroducedZeroAndFixed) {
  const Advisory a =
      advisory("npm", "left-pad", range("SEMVER", R"([{"introduced": "0"}, {"fixed": "1.0.2"}])"));
  EXPECT_TRUE(match(a, "0.0.1").affected);
  EXPECT_TRUE(match(a, "1.0.1").affected);
  EXPECT_EQ(match(a, "1.0.1").fixed, "1.0.2");
  EXPECT_TRUE(match(a, "1.0.2-rc.1").affected);  // a pre-release sorts before its release
  EXPECT_FALSE(match(a, "1.0.2").affected);
  EXPECT_FALSE(match(a, "2.0.0").affected);
  EXPECT_TRUE(match(a, "0.0.0").affected);  // "0" sorts before every version
}

TEST(RangeMatch, SeveralIntervalsInAnyEventOrder) {
  // Written out of order on purpose: the events are sorted before the walk.
  const Advisory a = advisory(
      "npm", "x", range("SEMVER", R"([{"fixed": "3.2.5"}, {"introduced": "1.0.0"}, {"introduced": "3.0.0"},
                                                  {"fixed": "1.0.2"}])"));
  EXPECT_FALSE(match(a, "0.9.0").affected);
  EXPECT_TRUE(match(a, "1.0.0").affected);
  EXPECT_EQ(match(a, "1.0.1").fixed, "1.0.2");
  EXPECT_FALSE(match(a, "1.0.2").affected);
  EXPECT_FALSE(match(a, "2.5.0").affected);
  EXPECT_TRUE(match(a, "3.0.0").affected);
  EXPECT_EQ(match(a, "3.1.0").fixed, "3.2.5");
  EXPECT_FALSE(match(a, "3.2.5").affected);
}

TEST(RangeMatch, LastAffectedIsInclusive) {
  const Advisory a =
      advisory("PyPI", "h2", range("ECOSYSTEM", R"([{"introduced": "0"}, {"last_affected": "2.1.214"}])"));
  EXPECT_TRUE(match(a, "2.1.214").affected);
  EXPECT_EQ(match(a, "2.1.214").last_affected, "2.1.214");
  EXPECT_EQ(match(a, "2.1.214").fixed, "");
  EXPECT_TRUE(match(a, "2.1.214rc1").affected);
  EXPECT_FALSE(match(a, "2.1.214.post1").affected);  // a post-release is after its release
  EXPECT_FALSE(match(a, "2.1.215").affected);
}

TEST(RangeMatch, LimitBoundsTheRange) {
  const Advisory one =
      advisory("PyPI", "p", range("ECOSYSTEM", R"([{"introduced": "1.0"}, {"limit": "2.0"}])"));
  EXPECT_FALSE(match(one, "0.9").affected);
  EXPECT_TRUE(match(one, "1.5").affected);
  EXPECT_EQ(match(one, "1.5").fixed, "");
  EXPECT_FALSE(match(one, "2.0").affected);
  EXPECT_FALSE(match(one, "3.0").affected);

  const Advisory star =
      advisory("PyPI", "p", range("ECOSYSTEM", R"([{"introduced": "1.0"}, {"limit": "*"}])"));
  EXPECT_TRUE(match(star, "99.0").affected);

  // Several limits: below any of them counts.
  const Advisory two =
      advisory("PyPI", "p", range("ECOSYSTEM", R"([{"introduced": "1.0"}, {"limit": "1.5"}, {"limit": "2.5"},
                                                       {"fixed": "3.0"}])"));
  EXPECT_TRUE(match(two, "2.0").affected);
  EXPECT_FALSE(match(two, "2.7").affected);  // inside [1.0, 3.0) but above every limit
}

TEST(RangeMatch, ExplicitVersionsList) {
  const Advisory a = advisory("npm", "x", "[]", R"(["1.0.0", "1.0.1"])");
  EXPECT_TRUE(match(a, "1.0.1").affected);
  EXPECT_FALSE(match(a, "1.0.2").affected);
  // Listed versions compare in the ecosystem's order: PEP 440 1.0 == 1.0.0.
  const Advisory p = advisory("PyPI", "x", "[]", R"(["1.0"])");
  EXPECT_TRUE(match(p, "1.0.0").affected);
  // A listed version that no range includes takes the next fix of any range.
  const Advisory both = advisory("PyPI", "x", range("ECOSYSTEM", R"([{"introduced": "0"}, {"fixed": "1.0"},
                                                                     {"introduced": "2.0"}, {"fixed": "2.2"}])"),
                                 R"(["1.5"])");
  EXPECT_TRUE(match(both, "1.5").affected);
  EXPECT_EQ(match(both, "1.5").fixed, "2.2");
}

TEST(RangeMatch, GitRangesAreNotVersions) {
  const Advisory a =
      advisory("npm", "x",
               R"([{"type": "GIT", "repo": "https://example.org/x.git", "events": [{"introduced": "0"}]}])");
  EXPECT_FALSE(match(a, "1.0.0").affected);
}

TEST(RangeMatch, SemverRangesUseSemverForEveryEcosystem) {
  // Go writes versions with a v; OSV's Go ranges do not.
  const Advisory go =
      advisory("Go", "golang.org/x/net", range("SEMVER", R"([{"introduced": "0"}, {"fixed": "0.7.0"}])"));
  EXPECT_TRUE(match(go, "v0.6.0").affected);
  EXPECT_TRUE(match(go, "v0.0.0-20220722155237-a158d28d115b").affected);  // a pseudo-version before 0.0.1
  EXPECT_FALSE(match(go, "v0.7.0").affected);
  EXPECT_FALSE(match(go, "v0.17.0").affected);
}

TEST(RangeMatch, EcosystemOrdersDecideInclusion) {
  const Advisory pypi =
      advisory("PyPI", "x", range("ECOSYSTEM", R"([{"introduced": "0"}, {"fixed": "1!1.0"}])"));
  EXPECT_TRUE(match(pypi, "2.0").affected);  // epoch 0 sorts before epoch 1
  const Advisory post =
      advisory("PyPI", "x", range("ECOSYSTEM", R"([{"introduced": "0"}, {"fixed": "1.0.post1"}])"));
  EXPECT_TRUE(match(post, "1.0").affected);
  EXPECT_FALSE(match(post, "1.0.post1").affected);
  const Advisory dev =
      advisory("PyPI", "x", range("ECOSYSTEM", R"([{"introduced": "1.0"}, {"fixed": "2.0"}])"));
  EXPECT_TRUE(match(dev, "2.0.dev1").affected);
  EXPECT_TRUE(match(dev, "2.0rc1").affected);
  EXPECT_FALSE(match(dev, "1.0.dev1").affected);  // a development release precedes its release

  const Advisory gem =
      advisory("RubyGems", "rack", range("ECOSYSTEM", R"([{"introduced": "0"}, {"fixed": "2.2.6"}])"));
  EXPECT_TRUE(match(gem, "2.2.6.rc1").affected);
  EXPECT_FALSE(match(gem, "2.2.6").affected);
  EXPECT_FALSE(match(gem, "2.2.6.0").affected);

  const Advisory maven =
      advisory("Maven", "org.example:lib", range("ECOSYSTEM", R"([{"introduced": "0"}, {"fixed": "2.0"}])"));
  EXPECT_TRUE(match(maven, "2.0-SNAPSHOT").affected);
  EXPECT_TRUE(match(maven, "2.0-rc1").affected);
  EXPECT_FALSE(match(maven, "2.0.RELEASE").affected);
  EXPECT_FALSE(match(maven, "2.0-sp1").affected);

  const Advisory composer = advisory("Packagist", "symfony/http-kernel",
                                     range("ECOSYSTEM", R"([{"introduced": "5.0.0"}, {"fixed": "5.4.1"}])"));
  EXPECT_TRUE(match(composer, "v5.4.1-RC1").affected);
  EXPECT_FALSE(match(composer, "v5.4.1").affected);
  EXPECT_FALSE(match(composer, "v4.4.0").affected);

  const Advisory crate =
      advisory("crates.io", "smallvec", range("SEMVER", R"([{"introduced": "0"}, {"fixed": "1.0.0"}])"));
  EXPECT_TRUE(match(crate, "1.0.0-alpha").affected);
  EXPECT_FALSE(match(crate, "1.0.0+build.7").affected);  // build metadata does not count

  const Advisory conan =
      advisory("ConanCenter", "zlib", range("ECOSYSTEM", R"([{"introduced": "0"}, {"fixed": "1.2.13"}])"));
  EXPECT_TRUE(match(conan, "1.2.12").affected);
  EXPECT_FALSE(match(conan, "1.3").affected);
}

TEST(RangeMatch, UnorderableVersionsAreNotedAndListsStillApply) {
  const Advisory a = advisory("PyPI", "x", range("ECOSYSTEM", R"([{"introduced": "0"}, {"fixed": "2.0"}])"),
                              R"(["not-a-version"])");
  const RangeMatch m = match(a, "not-a-version");
  EXPECT_TRUE(m.affected);  // named by the versions list, as text
  ASSERT_EQ(m.notes.size(), 1u);
  EXPECT_EQ(m.notes[0], "version 'not-a-version' is not a PEP 440 version");

  const Advisory bad_event =
      advisory("PyPI", "x", range("ECOSYSTEM", R"([{"introduced": "1.x"}, {"fixed": "2.0"}])"));
  const RangeMatch n = match(bad_event, "1.5");
  EXPECT_FALSE(n.affected);
  ASSERT_EQ(n.notes.size(), 1u);
  EXPECT_EQ(n.notes[0], "event '1.x' is not a PEP 440 version");
}

TEST(RangeMatch, AdvisoryMergesEntriesOfOnePackage) {
  const Advisory a = parse_advisory(R"({"id": "GHSA-1", "affected": [
      {"package": {"ecosystem": "PyPI", "name": "Django"},
       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.2.1"}]}]},
      {"package": {"ecosystem": "PyPI", "name": "django"},
       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "4.0"}, {"fixed": "4.0.5"}]}]},
      {"package": {"ecosystem": "npm", "name": "django"},
       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]})");
  EXPECT_EQ(match_advisory(a, Ecosystem::pypi, "django", "3.0").fixed, "3.2.1");
  EXPECT_EQ(match_advisory(a, Ecosystem::pypi, "django", "4.0.1").fixed, "4.0.5");
  EXPECT_FALSE(match_advisory(a, Ecosystem::pypi, "django", "3.5").affected);
  EXPECT_TRUE(match_advisory(a, Ecosystem::npm, "django", "3.5.0").affected);
  EXPECT_FALSE(match_advisory(a, Ecosystem::crates_io, "django", "3.5.0").affected);
}

}  // namespace
}  // namespace assay::osv
