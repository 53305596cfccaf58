#include "cwe.h"

#include <gtest/gtest.h>

namespace assay::sarif {
namespace {

TEST(Cwe, ReadsTheFormsToolsWrite) {
  EXPECT_EQ(cwe_from_tag("external/cwe/cwe-079").value_or("-"), "CWE-79");
  EXPECT_EQ(cwe_from_tag("external/cwe/cwe-1333").value_or("-"), "CWE-1333");
  EXPECT_EQ(cwe_from_tag("CWE-89: Improper Neutralization of Special Elements").value_or("-"), "CWE-89");
  EXPECT_EQ(cwe_from_tag("cwe-22").value_or("-"), "CWE-22");
  EXPECT_EQ(cwe_from_tag("CWE22").value_or("-"), "CWE-22");
  EXPECT_EQ(cwe_from_tag("CWE_0").value_or("-"), "CWE-0");
}

TEST(Cwe, IgnoresTagsThatOnlyLookSimilar) {
  EXPECT_FALSE(cwe_from_tag("security").has_value());
  EXPECT_FALSE(cwe_from_tag("cweather").has_value());
  EXPECT_FALSE(cwe_from_tag("CWE-79x").has_value());
  EXPECT_FALSE(cwe_from_tag("CWE-").has_value());
  EXPECT_FALSE(cwe_from_tag("OWASP-A01:2017 - Injection").has_value());
  EXPECT_FALSE(cwe_from_tag("CWE-123456789").has_value());
}

TEST(Cwe, ReadsTaxonIds) {
  EXPECT_EQ(cwe_from_taxon_id("415").value_or("-"), "CWE-415");
  EXPECT_EQ(cwe_from_taxon_id("0079").value_or("-"), "CWE-79");
  EXPECT_EQ(cwe_from_taxon_id("CWE-476").value_or("-"), "CWE-476");
  EXPECT_FALSE(cwe_from_taxon_id("A1").has_value());
}

}  // namespace
}  // namespace assay::sarif
