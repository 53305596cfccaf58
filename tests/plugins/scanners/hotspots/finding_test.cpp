// A hotspot as a finding: location at its most complex function, evidence,
// effort, severity, a stable identity, the details.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "file_complexity.h"
#include "hotspot_finding.h"

namespace assay::hotspots {
namespace {

// Two functions; the second nests deeper. Indentation unit 2 columns.
constexpr const char* kSource =
    "int flat(int a) {\n"
    "  return a;\n"
    "}\n"
    "\n"
    "int deep(int a, int b) {\n"
    "  if (a > 0) {\n"
    "    for (int i = 0; i < b; ++i) {\n"
    "      if (i % 2 && a) {\n"
    "        a--;\n"
    "      }\n"
    "    }\n"
    "  }\n"
    "  return a;\n"
    "}\n";

TEST(FileComplexity, FindsTheMostComplexFunction) {
  const FileComplexity c = measure_file(kSource, "c");
  ASSERT_TRUE(c.worst.has_value());
  EXPECT_EQ(c.worst->name, "deep");
  EXPECT_EQ(c.worst->first_line, 5u);
  EXPECT_EQ(c.worst->last_line, 14u);
  EXPECT_EQ(c.units, 2u);
  EXPECT_TRUE(c.units_are_functions);
  ASSERT_TRUE(c.decisions.has_value());
  EXPECT_EQ(*c.decisions, 4u);  // if, for, if, &&
  EXPECT_EQ(c.lines, 14u);
  // Levels of the code lines: flat 0+1+0, deep 0+1+2+3+4+3+2+1+1+0 = 18 in all.
  EXPECT_EQ(c.indentation, 18u);
  EXPECT_EQ(c.max_indentation, 4u);
}

Hotspot sample(double score) {
  Hotspot h;
  h.candidate.path = "src/deep.c";
  h.candidate.commits = 12;
  h.candidate.authors = 3;
  h.candidate.first_change = 1577836800;  // 2020-01-01
  h.candidate.last_change = 1609459200;   // 2021-01-01
  h.candidate.complexity = measure_file(kSource, "c");
  h.churn = 1.0;
  h.complexity = score;
  h.score = score;
  h.rank = 1;
  return h;
}

TEST(HotspotFinding, PointsAtTheMostComplexFunctionWithItsEvidence) {
  const std::vector<sdk::CommitInfo> recent = {
      {"c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00", "Ann <ann@x>", 1609459200}};
  const sdk::Finding f = hotspot_finding(sample(0.75), 9, recent, false);
  EXPECT_EQ(f.rule, "hotspot");
  EXPECT_EQ(f.category, "technical-debt");
  EXPECT_EQ(f.path, "src/deep.c");
  EXPECT_EQ(f.line_start, 5u);
  EXPECT_EQ(f.line_end, 14u);
  EXPECT_EQ(f.title, "Hotspot: deep in src/deep.c (12 commits, complexity 18)");
  EXPECT_EQ(
      f.evidence,
      "src/deep.c: 12 commits by 3 authors; indentation complexity 18 (max depth 4), 4 decision points; "
      "most complex: deep (lines 5-14, indentation complexity 17)");
  EXPECT_EQ(f.identity, "hotspot:src/deep.c");
  EXPECT_EQ(f.severity, "medium");
  EXPECT_DOUBLE_EQ(f.effort_hours, 1);  // 10 code lines / 25, at least 1
  EXPECT_DOUBLE_EQ(f.confidence, 0.7);
  const auto details = nlohmann::json::parse(f.details_json);
  EXPECT_EQ(details["commits"], 12);
  EXPECT_EQ(details["authors"], 3);
  EXPECT_EQ(details["candidates"], 9);
  EXPECT_EQ(details["first_change"], "2020-01-01T00:00:00Z");
  EXPECT_EQ(details["function"]["name"], "deep");
  EXPECT_EQ(details["complexity"]["decisions"], 4);
  EXPECT_EQ(details["recent_commits"][0]["author"], "Ann <ann@x>");
  EXPECT_EQ(details["recent_commits"][0]["time"], "2021-01-01T00:00:00Z");
  EXPECT_EQ(hotspot_finding(sample(0.3), 9, {}, true).severity, "low");
}

}  // namespace
}  // namespace assay::hotspots
