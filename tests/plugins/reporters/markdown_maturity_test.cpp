// The maturity section of BACKLOG.md and its Mermaid charts, from an
// assessment worked out by hand below.
#include <gtest/gtest.h>

#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

using nlohmann::ordered_json;

// Three conclusive checks and one inconclusive:
//   secret-scanning  security  high 7.5    fail    0
//   security-policy  security  medium 5    pass   10
//   releases         ci-cd     low 2.5     partial 5
//   dockerignore     containerisation      inconclusive
// overall (0 + 50 + 12.5) / (75 + 50 + 25) = 41.7 %: developing, 8.3 points
// below maturing. security 50 / 125 = 40 %, ci-cd 12.5 / 25 = 50 %.
// secret-scanning adds 7.5 × 10 / 150 × 100 = 50 points, releases 2.5 × 5 /
// 150 × 100 = 8.3: the first alone closes the gap.
ordered_json assessed_maturity() {
  return ordered_json::parse(R"({
    "assessed": true, "source": "maturity", "level": "developing", "percent": 41.7,
    "dimensions": {"ci-cd": 50, "containerisation": null, "security": 40},
    "checks": [
      {"id": "secret-scanning", "title": "Secret scanning is configured", "dimension": "security", "risk": "high",
       "status": "fail", "score": 0, "evidence": ["no file matches /.gitleaks.toml"]},
      {"id": "security-policy", "title": "Security policy", "dimension": "security", "risk": "medium",
       "status": "pass", "score": 10, "evidence": ["found SECURITY.md"]},
      {"id": "releases", "title": "Releases are automated", "dimension": "ci-cd", "risk": "low",
       "status": "partial", "score": 5, "evidence": ["1 of 2 files match /release/"]},
      {"id": "dockerignore", "title": "A .dockerignore", "dimension": "containerisation", "risk": "low",
       "status": "inconclusive", "score": -1, "evidence": ["not applicable:"]}]})");
}

class MarkdownMaturityTest : public ::testing::Test {
 protected:
  std::string render(const ordered_json& maturity) {
    RunInput input;
    input.items = sample_items();
    input.header = sample_header(input.items.size(), "TD-001");
    input.header["maturity"] = maturity;
    input.output_dir = scratch.path() / "out";
    RunResult result = reporter.run(input);
    EXPECT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;
    return result.ok() ? read_file(input.output_dir / "BACKLOG.md") : "";
  }
  LoadedReporter reporter{"markdown"};
  ScratchDir scratch;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(MarkdownMaturityTest, LevelDimensionsPostureAndGap) {
  const std::string md = render(assessed_maturity());
  EXPECT_TRUE(contains(md, "- **Maturity**: DEVELOPING (41.7%)\n")) << md;
  EXPECT_TRUE(contains(md, "## Maturity\n\n**DEVELOPING** — 41.7% of the risk-weighted maturity checks met"))
      << md;
  EXPECT_TRUE(contains(md, "assessed by `maturity`: 4 checks, 1 pass, 1 partial, 1 fail, 1 inconclusive"))
      << md;
  // Dimensions in the rules' order, whatever order the header has them in.
  EXPECT_TRUE(contains(md,
                       "| CI/CD | 50% | `█████░░░░░` |\n"
                       "| Security | 40% | `████░░░░░░` |\n"
                       "| Containerisation | n/a | all 1 checks inconclusive |\n"))
      << md;
  EXPECT_TRUE(contains(md,
                       "```mermaid\nxychart-beta\n    title \"Maturity by dimension (%)\"\n"
                       "    x-axis [\"CI/CD\", \"Security\"]\n    y-axis \"percent\" 0 --> 100\n"
                       "    bar [50, 40]\n```\n"))
      << md;
  EXPECT_TRUE(contains(md, "### Security posture\n\n**40%** of the risk-weighted security checks met; "))
      << md;
  EXPECT_TRUE(contains(md, "- Secret scanning is configured (`secret-scanning`, high, score 0/10)\n")) << md;
  EXPECT_TRUE(contains(md, "### Gap to MATURING (50%)\n\n8.3 percentage points to go.")) << md;
  EXPECT_TRUE(
      contains(md,
               "| Secret scanning is configured (`secret-scanning`) | Security | high | 0 | +50 | no file "
               "matches /.gitleaks.toml |\n"))
      << md;
  EXPECT_FALSE(contains(md, "(`releases`) |")) << md;  // the gap is closed without it
}

TEST_F(MarkdownMaturityTest, AtTheTopLevelTheRemainingGapsAreListed) {
  ordered_json maturity = assessed_maturity();
  maturity["level"] = "advanced";
  maturity["percent"] = 80;
  const std::string md = render(maturity);
  EXPECT_TRUE(contains(md, "### Remaining gaps\n\nADVANCED is the highest level.")) << md;
  EXPECT_TRUE(contains(md, "(`secret-scanning`) | Security | high | 0 | +50 |")) << md;
  EXPECT_TRUE(contains(md, "(`releases`) | CI/CD | low | 5 | +8.3 |")) << md;
}

TEST_F(MarkdownMaturityTest, NoSectionWithoutAnAssessment) {
  const std::string md = render({{"level", "developing"}, {"assessed", false}, {"source", "configuration"}});
  EXPECT_FALSE(contains(md, "## Maturity")) << md;
  EXPECT_FALSE(contains(md, "xychart-beta")) << md;
  // The discovery sources still get their chart.
  EXPECT_TRUE(contains(md, "```mermaid\npie title Items by discovery source\n")) << md;
}

// Three assessments the state store kept, the last one this scan's:
//   2026-01-01  nascent     20    ci-cd 0,  security 25, containerisation n/a
//   2026-01-08  developing  35.5  ci-cd 50, security 30 (no commit: a directory)
//   2026-01-15  developing  41.7  ci-cd 50, security 40
// First to last +21.7 points; steps +15.5 and +6.2; since the previous
// assessment ci-cd ±0, security +10, containerisation not comparable.
ordered_json trend_of_three() {
  return ordered_json::parse(R"([
    {"scan_id": "s1", "finished_at": "2026-01-01T10:00:00Z", "commit": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "level": "nascent", "percent": 20, "dimensions": {"ci-cd": 0, "security": 25, "containerisation": null}},
    {"scan_id": "s2", "finished_at": "2026-01-08T10:00:00Z", "commit": null,
     "level": "developing", "percent": 35.5, "dimensions": {"ci-cd": 50, "security": 30, "containerisation": null}},
    {"scan_id": "s3", "finished_at": "2026-01-15T10:00:00Z", "commit": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
     "level": "developing", "percent": 41.7, "dimensions": {"ci-cd": 50, "security": 40, "containerisation": null}}
  ])");
}

TEST_F(MarkdownMaturityTest, TheTrendShowsEveryAssessmentAndTheLastChanges) {
  ordered_json maturity = assessed_maturity();
  maturity["trend"] = trend_of_three();
  const std::string md = render(maturity);
  EXPECT_TRUE(contains(md,
                       "### Trend\n\n20% (nascent, 2026-01-01) → 41.7% (developing, 2026-01-15): +21.7 "
                       "percentage points over the last 3 assessments.\n\n"))
      << md;
  EXPECT_TRUE(contains(md,
                       "| Scan | Commit | Level | Overall | Change |\n"
                       "|------|--------|-------|--------:|-------:|\n"
                       "| 2026-01-01 | `aaaaaaaaaaaa` | nascent | 20% | — |\n"
                       "| 2026-01-08 | — | developing | 35.5% | +15.5 |\n"
                       "| 2026-01-15 | `bbbbbbbbbbbb` | developing | 41.7% | +6.2 |\n"))
      << md;
  EXPECT_TRUE(contains(md,
                       "| Dimension | Previous | Latest | Change |\n"
                       "|-----------|---------:|-------:|-------:|\n"
                       "| CI/CD | 50% | 50% | ±0 |\n"
                       "| Security | 30% | 40% | +10 |\n"
                       "| Containerisation | n/a | n/a | — |\n"))
      << md;
  EXPECT_TRUE(contains(md,
                       "```mermaid\nxychart-beta\n    title \"Maturity over the last assessments (%)\"\n"
                       "    x-axis [\"2026-01-01\", \"2026-01-08\", \"2026-01-15\"]\n"
                       "    y-axis \"percent\" 0 --> 100\n    line [20, 35.5, 41.7]\n```\n"))
      << md;
  // The trend sits inside the maturity section, before the security posture.
  EXPECT_LT(md.find("## Maturity"), md.find("### Trend"));
  EXPECT_LT(md.find("### Trend"), md.find("### Security posture"));
}

TEST_F(MarkdownMaturityTest, ScansOfOneDayAreToldApartByTheirMinute) {
  ordered_json maturity = assessed_maturity();
  ordered_json trend = trend_of_three();
  trend[1]["finished_at"] = "2026-01-01T16:45:10Z";
  trend.erase(2);
  maturity["trend"] = trend;
  const std::string md = render(maturity);
  EXPECT_TRUE(contains(md, "    x-axis [\"2026-01-01 10:00\", \"2026-01-01 16:45\"]\n")) << md;
  EXPECT_TRUE(contains(md, "| 2026-01-01 | — | developing | 35.5% | +15.5 |\n")) << md;
}

TEST_F(MarkdownMaturityTest, TheFirstAssessmentStartsTheTrend) {
  ordered_json maturity = assessed_maturity();
  ordered_json trend = trend_of_three();
  trend.erase(0);
  trend.erase(0);
  maturity["trend"] = trend;
  const std::string md = render(maturity);
  EXPECT_TRUE(contains(md,
                       "### Trend\n\nThe first assessment the state store holds (2026-01-15); the trend "
                       "starts with it.\n\n"))
      << md;
  EXPECT_FALSE(contains(md, "| Scan | Commit |")) << md;

  maturity.erase("trend");  // no state store
  EXPECT_FALSE(contains(render(maturity), "### Trend"));
}

}  // namespace
}  // namespace assay::test
