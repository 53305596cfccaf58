// CVSS v3 base scores, checked against vectors whose scores the FIRST
// calculator publishes, each worked through by hand below.
#include "cvss.h"

#include <gtest/gtest.h>

namespace assay::osv {
namespace {

double score(const char* vector) {
  std::string problem;
  const auto s = cvss3_base_score(vector, &problem);
  EXPECT_TRUE(s.has_value()) << vector << ": " << problem;
  return s.value_or(-1);
}

TEST(Cvss3, KnownBaseScores) {
  // ISS = 1 - 0.44^3 = 0.914816; impact 6.42 * ISS = 5.873;
  // exploitability 8.22 * 0.85 * 0.77 * 0.85 * 0.85 = 3.887; 9.760 -> 9.8.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), 9.8);
  // Scope changed: impact 7.52 * 0.885816 - 3.25 * 0.894816^15 = 6.048;
  // 1.08 * (6.048 + 3.887) = 10.73, capped at 10.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), 10.0);
  // The OSV schema's example (GHSA-r9p9-mrjm-926w): impact 7.52 * 0.531 -
  // 3.25 * 0.54^15 = 3.993; exploitability 8.22 * 0.85 * 0.44 * 0.85 * 0.85
  // = 2.221; 1.08 * 6.214 = 6.711 -> 6.8.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N"), 6.8);
  // Local, low privileges: 5.873 + 8.22 * 0.55 * 0.77 * 0.62 * 0.85 = 7.693 -> 7.8.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"), 7.8);
  // Reflected XSS shape: ISS = 1 - 0.78^2 = 0.3916; impact 7.52 * 0.3626 -
  // 3.25 * 0.3716^15 = 2.727; exploitability 8.22 * 0.85 * 0.77 * 0.85 *
  // 0.62 = 2.835; 1.08 * 5.562 = 6.007 -> 6.1.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), 6.1);
  // Availability only: 6.42 * 0.56 = 3.595 + 3.887 = 7.482 -> 7.5.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), 7.5);
  // 6.42 * 0.22 = 1.412 + 3.887 = 5.300 -> 5.3.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N"), 5.3);
  // Physical, high complexity and privileges, user interaction: 1.412 +
  // 8.22 * 0.2 * 0.44 * 0.27 * 0.62 = 0.121; 1.533 -> 1.6.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"), 1.6);
  // No impact: 0.
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"), 0.0);
}

TEST(Cvss3, Version30UsesItsOwnRoundup) {
  // 3.595 + 8.22 * 0.85 * 0.77 * 0.85 * 0.62 = 6.430 -> 6.5.
  EXPECT_DOUBLE_EQ(score("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N"), 6.5);
}

TEST(Cvss3, OrderAndTemporalMetricsDoNotChangeTheBaseScore) {
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N"), 9.8);
  EXPECT_DOUBLE_EQ(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/MAV:L"), 9.8);
}

TEST(Cvss3, InvalidVectorsAreRefusedWithAReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"AV:N/AC:L/Au:N/C:P/I:P/A:P", "must start with CVSS:3.0/"},
      {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "must start with"},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "missing base metric A"},
      {"CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "invalid value 'X' for metric AV"},
      {"CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "metric 'AV' given twice"},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1", "unknown metric 'ZZ'"},
      {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:HH", "is not NAME:VALUE"},
  };
  for (const auto& [vector, reason] : cases) {
    std::string problem;
    EXPECT_FALSE(cvss3_base_score(vector, &problem).has_value()) << vector;
    EXPECT_NE(problem.find(reason), std::string::npos) << vector << ": " << problem;
  }
}

TEST(Cvss3, SeverityBands) {
  EXPECT_STREQ(cvss3_severity(0.0), "info");
  EXPECT_STREQ(cvss3_severity(0.1), "low");
  EXPECT_STREQ(cvss3_severity(3.9), "low");
  EXPECT_STREQ(cvss3_severity(4.0), "medium");
  EXPECT_STREQ(cvss3_severity(6.9), "medium");
  EXPECT_STREQ(cvss3_severity(7.0), "high");
  EXPECT_STREQ(cvss3_severity(8.9), "high");
  EXPECT_STREQ(cvss3_severity(9.0), "critical");
  EXPECT_STREQ(cvss3_severity(10.0), "critical");
}

}  // namespace
}  // namespace assay::osv
