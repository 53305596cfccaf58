// Where a finding's severity and category come from.
#include "severity.h"

#include <gtest/gtest.h>

#include "advisory_parser.h"

namespace assay::osv {
namespace {

SeverityAssessment assess(const std::string& json) {
  const Advisory a = parse_advisory(json);
  return assess_severity(a, a.affected.empty() ? nullptr : &a.affected[0]);
}

TEST(Severity, PackageVectorBeforeAdvisoryVector) {
  const SeverityAssessment s = assess(R"({"id": "GHSA-1",
    "affected": [{"package": {"ecosystem": "npm", "name": "x"},
                  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"}]}],
    "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]})");
  EXPECT_EQ(s.severity, "medium");
  EXPECT_DOUBLE_EQ(s.cvss, 5.3);
  EXPECT_EQ(s.vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
  EXPECT_EQ(s.source, "package CVSS v3 base score");
}

TEST(Severity, AdvisoryVector) {
  const SeverityAssessment s = assess(R"({"id": "GHSA-1",
    "severity": [{"type": "CVSS_V2", "score": "AV:N/AC:L/Au:N/C:P/I:P/A:P"},
                 {"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]})");
  EXPECT_EQ(s.severity, "critical");
  EXPECT_DOUBLE_EQ(s.cvss, 9.8);
  EXPECT_EQ(s.source, "advisory CVSS v3 base score");
}

TEST(Severity, WordsWhenNoVectorCanBeScored) {
  const SeverityAssessment v4 = assess(R"({"id": "GHSA-1",
    "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}],
    "database_specific": {"severity": "MODERATE"}})");
  EXPECT_EQ(v4.severity, "medium");
  EXPECT_LT(v4.cvss, 0);
  EXPECT_EQ(v4.source, "advisory severity 'MODERATE'");
  EXPECT_NE(v4.note.find("CVSS_V4 vector"), std::string::npos) << v4.note;

  const SeverityAssessment broken = assess(R"({"id": "GHSA-1",
    "affected": [{"package": {"ecosystem": "Go", "name": "m"}, "ecosystem_specific": {"severity": "LOW"}}],
    "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N"}]})");
  EXPECT_EQ(broken.severity, "low");
  EXPECT_EQ(broken.source, "package severity 'LOW'");
  EXPECT_EQ(broken.note, "CVSS_V3 vector 'CVSS:3.1/AV:N': missing base metric AC");
}

TEST(Severity, UnknownAndMalicious) {
  EXPECT_EQ(assess(R"({"id": "OSV-1"})").severity, "");
  EXPECT_EQ(assess(R"({"id": "OSV-1", "database_specific": {"severity": "whatever"}})").severity, "");
  const SeverityAssessment mal = assess(R"({"id": "MAL-2024-1"})");
  EXPECT_EQ(mal.severity, "critical");
  EXPECT_EQ(mal.source, "malicious package advisory");
}

TEST(Severity, CategoryFollowsSeverity) {
  const Advisory plain = parse_advisory(R"({"id": "GHSA-1"})");
  const Advisory malicious = parse_advisory(R"({"id": "MAL-2024-1"})");
  SeverityAssessment s;
  EXPECT_STREQ(finding_category(s, plain), "dependency");
  s.severity = "medium";
  EXPECT_STREQ(finding_category(s, plain), "dependency");
  s.severity = "high";
  EXPECT_STREQ(finding_category(s, plain), "security");
  s.severity = "critical";
  EXPECT_STREQ(finding_category(s, plain), "security");
  s.severity = "";
  EXPECT_STREQ(finding_category(s, malicious), "security");
  EXPECT_EQ(severity_from_word("Moderate"), "medium");
  EXPECT_EQ(severity_from_word("IMPORTANT"), "high");
  EXPECT_EQ(severity_from_word("negligible"), "info");
}

}  // namespace
}  // namespace assay::osv
