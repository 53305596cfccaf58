// Which files are hotspots: change frequency × complexity, each normalised
// by the largest among the candidates; the top share is reported.
#include <gtest/gtest.h>

#include "hotspot_ranking.h"

namespace assay::hotspots {
namespace {

Candidate candidate(const std::string& path, uint32_t commits, uint32_t indentation) {
  Candidate c;
  c.path = path;
  c.commits = commits;
  c.complexity.indentation = indentation;
  return c;
}

std::vector<std::string> paths(const std::vector<Hotspot>& hotspots) {
  std::vector<std::string> out;
  for (const Hotspot& h : hotspots) out.push_back(h.candidate.path);
  return out;
}

TEST(HotspotRanking, ScoreIsChurnTimesComplexityOfTheLargest) {
  // max commits 20, max complexity 200
  std::vector<Candidate> candidates = {candidate("a.c", 10, 100), candidate("b.c", 20, 50),
                                       candidate("c.c", 5, 200), candidate("d.c", 20, 200)};
  const std::vector<Hotspot> all = pick_hotspots(candidates, 1.0, 100);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(paths(all), (std::vector<std::string>{"d.c", "a.c", "b.c", "c.c"}));  // ties by path
  EXPECT_DOUBLE_EQ(all[0].score, 1.0);
  EXPECT_DOUBLE_EQ(all[1].churn, 0.5);
  EXPECT_DOUBLE_EQ(all[1].complexity, 0.5);
  EXPECT_DOUBLE_EQ(all[1].score, 0.25);  // 10/20 × 100/200
  EXPECT_DOUBLE_EQ(all[2].score, 0.25);  // 20/20 × 50/200
  EXPECT_DOUBLE_EQ(all[3].score, 0.25);  // 5/20 × 200/200
  EXPECT_EQ(all[3].rank, 4u);
}

TEST(HotspotRanking, TheTopShareIsReportedAtLeastOneAtMostTheLimit) {
  std::vector<Candidate> candidates;
  for (int i = 0; i < 40; ++i)
    candidates.push_back(candidate("f" + std::to_string(100 + i) + ".c", 1 + i, 10 + i));
  EXPECT_EQ(pick_hotspots(candidates, 0.05, 100).size(), 2u);  // ceil(0.05 × 40)
  EXPECT_EQ(pick_hotspots(candidates, 0.001, 100).size(), 1u);
  EXPECT_EQ(pick_hotspots(candidates, 1.0, 7).size(), 7u);
  EXPECT_EQ(pick_hotspots(candidates, 0.05, 100).front().candidate.path, "f139.c");
}

TEST(HotspotRanking, FilesWithoutComplexityAreNeverHotspots) {
  std::vector<Candidate> candidates = {candidate("flat.txt", 30, 0), candidate("b.c", 3, 40)};
  const std::vector<Hotspot> hotspots = pick_hotspots(candidates, 1.0, 10);
  EXPECT_EQ(paths(hotspots), (std::vector<std::string>{"b.c"}));
  EXPECT_TRUE(pick_hotspots({candidate("flat.txt", 30, 0)}, 1.0, 10).empty());
  EXPECT_TRUE(pick_hotspots({}, 1.0, 10).empty());
}

}  // namespace
}  // namespace assay::hotspots
