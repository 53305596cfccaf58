// The version orders, checked on sequences written in increasing order
// (every pair is compared both ways), on spellings that must compare equal,
// and on strings that are not versions of a scheme.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "version/composer.h"
#include "version/version_scheme.h"

namespace assay::osv {
namespace {

int cmp(VersionScheme scheme, const std::string& a, const std::string& b) {
  const auto x = parse_version(scheme, a);
  const auto y = parse_version(scheme, b);
  if (!x || !y) {
    ADD_FAILURE() << "not a " << scheme_name(scheme) << " version: " << (!x ? a : b);
    return 99;
  }
  return x->compare(*y);
}

void expect_increasing(VersionScheme scheme, const std::vector<std::string>& versions) {
  for (size_t i = 0; i < versions.size(); ++i) {
    for (size_t j = 0; j < versions.size(); ++j) {
      const int expected = i < j ? -1 : (i > j ? 1 : 0);
      const int got = cmp(scheme, versions[i], versions[j]);
      EXPECT_EQ(got < 0 ? -1 : (got > 0 ? 1 : 0), expected)
          << scheme_name(scheme) << ": " << versions[i] << " vs " << versions[j];
    }
  }
}

void expect_equal(VersionScheme scheme, const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (const auto& [a, b] : pairs)
    EXPECT_EQ(cmp(scheme, a, b), 0) << scheme_name(scheme) << ": " << a << " == " << b;
}

void expect_invalid(VersionScheme scheme, const std::vector<std::string>& texts) {
  for (const auto& t : texts)
    EXPECT_FALSE(parse_version(scheme, t).has_value()) << scheme_name(scheme) << ": '" << t << "'";
}

TEST(Pep440, OrderOfTheSpecification) {
  // The example order of PEP 440's "Summary of permitted suffixes and
  // relative ordering", with local versions and an epoch added.
  expect_increasing(VersionScheme::pep440,
                    {"1.0.dev456",    "1.0a1",         "1.0a2.dev456", "1.0a12.dev456",
                     "1.0a12",        "1.0b1.dev456",  "1.0b2",        "1.0b2.post345.dev456",
                     "1.0b2.post345", "1.0rc1.dev456", "1.0rc1",       "1.0",
                     "1.0+abc.5",     "1.0+abc.7",     "1.0+5",        "1.0.post456.dev34",
                     "1.0.post456",   "1.0.15",        "1.1.dev1",     "2013.10",
                     "1!0.1",         "1!1.0"});
}

TEST(Pep440, NormalisedSpellingsAreEqual) {
  expect_equal(VersionScheme::pep440, {{"1.0", "1.0.0"},
                                       {"1.0-alpha.1", "1.0a1"},
                                       {"1.0ALPHA1", "1.0a1"},
                                       {"1.0c1", "1.0rc1"},
                                       {"1.0-preview2", "1.0rc2"},
                                       {"1.0-1", "1.0.post1"},
                                       {"1.0.rev3", "1.0.post3"},
                                       {"1.0.POST", "1.0.post0"},
                                       {"1.0-dev", "1.0.dev0"},
                                       {"v1.0", "1.0"},
                                       {" 1.0 ", "1.0"},
                                       {"0!1.0", "1.0"},
                                       {"1.0+Ubuntu-1", "1.0+ubuntu.1"}});
}

TEST(Pep440, LegacyVersionsAreRefused) {
  expect_invalid(VersionScheme::pep440, {"", "abc", "1.0-foo", "1..0", "1.0+", "1.0+a..b", "1.0.", "!1.0"});
}

TEST(SemVer, OrderOfTheSpecification) {
  // SemVer 2.0 section 11's example, then releases.
  expect_increasing(VersionScheme::semver,
                    {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                     "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"});
}

TEST(SemVer, BuildMetadataDoesNotCount) {
  expect_equal(VersionScheme::semver, {{"1.0.0+build.1", "1.0.0+build.2"},
                                       {"1.0.0+20130313144700", "1.0.0"},
                                       {"1.0.0-rc.1+b", "1.0.0-rc.1"}});
}

TEST(SemVer, GoModuleVersions) {
  // A pseudo-version is a pre-release of the version after its base, so it
  // sorts before that release; +incompatible is build metadata.
  expect_increasing(VersionScheme::semver,
                    {"v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-000000000000", "v0.0.1",
                     "v1.2.3", "v1.2.4-0.20210101000000-abcdefabcdef", "v1.2.4"});
  expect_equal(VersionScheme::semver,
               {{"v1.2.3", "1.2.3"}, {"v2.0.0+incompatible", "2.0.0"}, {"v1.2", "1.2.0"}});
}

TEST(SemVer, MalformedVersionsAreRefused) {
  expect_invalid(VersionScheme::semver,
                 {"", "1.2.3.4", "a.b.c", "1.0.0-", "1.0.0-a..b", "1.0.0+", "1.x", "latest"});
}

TEST(RubyGems, SegmentsAndPrereleases) {
  expect_increasing(VersionScheme::rubygems, {"0.9", "1.0.0.a", "1.0.0.a9", "1.0.0.a10", "1.0.0.b1",
                                              "1.0.0.pre", "1.0.0.rc1", "1.0.0", "1.0.1", "1.10", "2"});
  expect_equal(VersionScheme::rubygems, {{"1.0", "1"},
                                         {"1.0.0", "1"},
                                         {"1.a.0", "1.a"},
                                         {"1.0.a", "1.a"},
                                         {"1.0.0-rc1", "1.0.0.pre.rc1"},
                                         {"1.0b1", "1.0.b.1"},
                                         {"", "0"}});
}

TEST(RubyGems, MalformedVersionsAreRefused) {
  expect_invalid(VersionScheme::rubygems, {"a1", "1..0", "1.0 beta", "1.0-", "-1"});
}

TEST(Composer, Normalisation) {
  EXPECT_EQ(normalize_composer_version("v1.2-beta.1").value_or("-"), "1.2.0.0-beta1");
  EXPECT_EQ(normalize_composer_version("2.0.0-p1").value_or("-"), "2.0.0.0-patch1");
  EXPECT_EQ(normalize_composer_version("1.0.0-RC").value_or("-"), "1.0.0.0-RC");
  EXPECT_EQ(normalize_composer_version("1.0-dev").value_or("-"), "1.0.0.0-dev");
  EXPECT_EQ(normalize_composer_version("1.0.0-stable").value_or("-"), "1.0.0.0");
  EXPECT_EQ(normalize_composer_version("1.0.0+build.5").value_or("-"), "1.0.0.0");
  EXPECT_FALSE(normalize_composer_version("dev-main").has_value());
  EXPECT_FALSE(normalize_composer_version("1.x-dev").has_value());
  EXPECT_FALSE(normalize_composer_version("1.0.0-foo").has_value());
}

TEST(Composer, StabilityOrder) {
  expect_increasing(VersionScheme::composer, {"1.0.0-dev", "1.0.0-alpha1", "1.0.0-alpha2", "1.0.0-beta2",
                                              "1.0.0-RC1", "1.0.0", "1.0.0-p1", "1.0.1", "1.10.0", "v2.0"});
  expect_equal(VersionScheme::composer,
               {{"v1.0", "1.0.0.0"}, {"1.0.0-a1", "1.0.0-alpha1"}, {"1.0.0-pl2", "1.0.0-patch2"}});
}

TEST(Composer, PhpVersionCompare) {
  EXPECT_LT(php_version_compare("1.0rc1", "1.0"), 0);
  EXPECT_GT(php_version_compare("1.0pl1", "1.0"), 0);
  EXPECT_LT(php_version_compare("1.0", "1.0.0"), 0);        // PHP: one more number is newer
  EXPECT_LT(php_version_compare("1.0-foo", "1.0-dev"), 0);  // an unknown word is below dev
  EXPECT_EQ(php_version_compare("1.0_1", "1.0.1"), 0);
}

TEST(Maven, QualifierOrder) {
  expect_increasing(VersionScheme::maven,
                    {"1.0-alpha-1", "1.0-alpha-2", "1.0-beta-1", "1.0-milestone-1", "1.0-rc-1",
                     "1.0-SNAPSHOT", "1.0", "1.0-sp-1", "1.0-xyz", "1.0.1", "1.1", "1.10"});
}

TEST(Maven, EquivalentSpellings) {
  expect_equal(VersionScheme::maven, {{"1", "1.0"},
                                      {"1.0.0", "1"},
                                      {"1-ga", "1"},
                                      {"1-final", "1.0"},
                                      {"1.0.0.RELEASE", "1"},
                                      {"1.0-alpha1", "1.0-alpha-1"},
                                      {"1.0-a1", "1.0-alpha-1"},
                                      {"1.0-m2", "1.0-milestone-2"},
                                      {"1.0-cr-1", "1.0-rc-1"},
                                      {"1.0-RC1", "1.0-rc-1"}});
}

TEST(Maven, HyphenIsLessImportantThanDot) {
  // "2-1" opens a sub-list; "2.0.1" continues the numbers: lists sort
  // before numbers, words before lists.
  expect_increasing(VersionScheme::maven, {"2-alpha", "2", "2-1", "2.0.1"});
  EXPECT_GT(cmp(VersionScheme::maven, "2.0.a", "2.0"), 0);  // an unknown qualifier after the release
}

TEST(Dotted, ConanVersions) {
  expect_increasing(VersionScheme::dotted,
                    {"1.2.11", "1.2.13", "1.3", "3.0.0-beta1", "3.0.0", "3.0.8", "3.0.10", "cci.20230101"});
  expect_equal(VersionScheme::dotted, {{"1.2", "1.2.0"}, {"1.2.13+build", "1.2.13"}});
  expect_invalid(VersionScheme::dotted, {"", "1 2", "-beta"});
}

}  // namespace
}  // namespace assay::osv
