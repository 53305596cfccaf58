// The advisory reader: what it keeps, and the JSON path it names for each
// kind of malformed advisory.
#include "advisory_parser.h"

#include <gtest/gtest.h>

namespace assay::osv {
namespace {

std::string error_of(const std::string& json) {
  try {
    parse_advisory(json);
  } catch (const AdvisoryError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(AdvisoryParser, KeepsWhatMatchingAndReportingNeed) {
  const Advisory a = parse_advisory(R"({
    "schema_version": "1.6.0", "id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-03-01T10:00:00Z",
    "aliases": ["CVE-2024-0001", "PYSEC-2024-1"], "summary": "Path traversal",
    "future_field": {"ignored": true},
    "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
    "database_specific": {"severity": "HIGH", "cwe_ids": ["CWE-22"]},
    "affected": [
      {"package": {"ecosystem": "PyPI", "name": "flask", "purl": "pkg:pypi/flask"},
       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.2.5"}]}],
       "versions": ["2.2.4"], "ecosystem_specific": {"severity": "MODERATE"}},
      {"package": {"ecosystem": "Debian:12", "name": "flask"},
       "ranges": [{"type": "WHATEVER", "events": []}]},
      {"ranges": [{"type": "GIT", "repo": "https://example.org/r.git", "events": [{"introduced": "0"}]}]},
      {"package": {"ecosystem": "Maven:https://maven.google.com", "name": "com.example:lib"},
       "database_specific": {"severity": "LOW"}}
    ]})");
  EXPECT_EQ(a.id, "GHSA-aaaa-bbbb-cccc");
  EXPECT_EQ(a.modified, "2024-03-01T10:00:00Z");
  EXPECT_FALSE(a.withdrawn);
  EXPECT_EQ(a.aliases, (std::vector<std::string>{"CVE-2024-0001", "PYSEC-2024-1"}));
  EXPECT_EQ(a.summary, "Path traversal");
  ASSERT_EQ(a.severity.size(), 1u);
  EXPECT_EQ(a.severity[0].type, "CVSS_V3");
  EXPECT_EQ(a.severity_word, "HIGH");
  // Debian (no lockfile format) and the package-less GIT entry are dropped;
  // the repository suffix of Maven is.
  ASSERT_EQ(a.affected.size(), 2u);
  EXPECT_EQ(a.affected[0].ecosystem, Ecosystem::pypi);
  EXPECT_EQ(a.affected[0].name, "flask");
  ASSERT_EQ(a.affected[0].ranges.size(), 1u);
  EXPECT_EQ(a.affected[0].ranges[0].type, AffectedRange::Type::ecosystem);
  ASSERT_EQ(a.affected[0].ranges[0].events.size(), 2u);
  EXPECT_EQ(a.affected[0].ranges[0].events[1].kind, RangeEvent::Kind::fixed);
  EXPECT_EQ(a.affected[0].ranges[0].events[1].version, "2.2.5");
  EXPECT_EQ(a.affected[0].versions, std::vector<std::string>{"2.2.4"});
  EXPECT_EQ(a.affected[0].severity_word, "MODERATE");
  EXPECT_EQ(a.affected[1].ecosystem, Ecosystem::maven);
  EXPECT_EQ(a.affected[1].severity_word, "LOW");
}

TEST(AdvisoryParser, WithdrawnIsRecognised) {
  const Advisory a =
      parse_advisory(R"({"id": "GHSA-w", "withdrawn": "2024-02-02T00:00:00Z", "affected": []})");
  EXPECT_TRUE(a.withdrawn);
}

TEST(AdvisoryParser, MalformedAdvisoriesNameTheJsonPath) {
  const std::string pkg = R"("package": {"ecosystem": "npm", "name": "x"})";
  EXPECT_EQ(error_of("{\"id\": \"A\",\n \"affected\": [}"),
            "invalid JSON at line 2, column 15: expected a value");
  EXPECT_EQ(error_of("[]"), "(document): an advisory must be a JSON object, got an array");
  EXPECT_EQ(error_of(R"({"summary": "no id"})"), "id: missing advisory id");
  EXPECT_EQ(error_of(R"({"id": 7})"), "id: must be a string, got a number");
  EXPECT_EQ(error_of(R"({"id": "A", "aliases": ["CVE-1", 2]})"),
            "aliases[1]: must be a string, got a number");
  EXPECT_EQ(error_of(R"({"id": "A", "severity": ["CVSS:3.1/AV:N"]})"),
            "severity[0]: must be an object, got a string");
  EXPECT_EQ(error_of(R"({"id": "A", "affected": {}})"), "affected: must be an array, got an object");
  EXPECT_EQ(error_of(R"({"id": "A", "affected": [{"package": {"ecosystem": "npm"}}]})"),
            "affected[0].package.name: missing package name");
  EXPECT_EQ(
      error_of(R"({"id": "A", "affected": [{)" + pkg + R"(, "ranges": [{"type": "FOO", "events": []}]}]})"),
      "affected[0].ranges[0].type: unknown range type 'FOO' (SEMVER, ECOSYSTEM or GIT)");
  EXPECT_EQ(
      error_of(
          R"({"id": "A", "affected": [{)" + pkg +
          R"(, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"introduced": "1.0.0", "fixed": "1.0.1"}]}]}]})"),
      "affected[0].ranges[0].events[1]: an event has exactly one of introduced, fixed, last_affected, limit");
  EXPECT_EQ(
      error_of(R"({"id": "A", "affected": [{)" + pkg +
               R"(, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixd": "1.0.1"}]}]}]})"),
      "affected[0].ranges[0].events[1]: an event has exactly one of introduced, fixed, last_affected, limit");
  EXPECT_EQ(error_of(R"({"id": "A", "affected": [{)" + pkg +
                     R"(, "ranges": [{"type": "SEMVER", "events": [{"fixed": "1.0.1"}]}]}]})"),
            "affected[0].ranges[0].events: a range needs at least one introduced event");
  EXPECT_EQ(
      error_of(
          R"({"id": "A", "affected": [{)" + pkg +
          R"(, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1"}, {"last_affected": "2"}]}]}]})"),
      "affected[0].ranges[0].events: a range has fixed or last_affected events, not both");
  EXPECT_EQ(error_of(R"({"id": "A", "affected": [{)" + pkg +
                     R"(, "ranges": [{"type": "SEMVER", "events": [{"introduced": ""}]}]}]})"),
            "affected[0].ranges[0].events[0].introduced: must not be empty");
  EXPECT_EQ(error_of(R"({"id": "A", "affected": [{)" + pkg + R"(, "versions": "1.0.0"}]})"),
            "affected[0].versions: must be an array, got a string");
}

}  // namespace
}  // namespace assay::osv
