// Field-by-field comparison of two findings for the finding tests: a failure
// names the field that differs, which a whole-object comparison would not.
#pragma once

#include <gtest/gtest.h>

#include "finding/finding.h"

namespace assay {

inline void expect_same_finding(const Finding& a, const Finding& b) {
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.rule, b.rule);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.path, b.path);
  EXPECT_EQ(a.line_start, b.line_start);
  EXPECT_EQ(a.line_end, b.line_end);
  EXPECT_EQ(a.evidence, b.evidence);
  EXPECT_EQ(a.effort_hours, b.effort_hours);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.severity, b.severity);
  EXPECT_EQ(a.cvss, b.cvss);
  EXPECT_EQ(a.tags, b.tags);
  EXPECT_EQ(a.identity, b.identity);
  EXPECT_EQ(a.details_json, b.details_json);
}

}  // namespace assay
