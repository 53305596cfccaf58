// The Mann-Whitney U test on samples whose U and p are worked out by hand
// (the arithmetic is in the comments).
#include "mann_whitney.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace assay::benchmarks {
namespace {

std::vector<double> range(double from, double to) {
  std::vector<double> values;
  for (double v = from; v <= to; ++v) values.push_back(v);
  return values;
}

TEST(MannWhitney, ExactSmallSamples) {
  // x = 1 2 4, y = 3 5 6: x's ranks 1 2 4, R1 = 7, U = 7 - 3*4/2 = 1.
  // Of the C(6,3) = 20 orderings, U = 0 and U = 1 occur once each, so
  // P(U <= 1) = 2/20 and the two-sided p = 2 * 0.1 = 0.2.
  const MannWhitneyResult r = mann_whitney_u({1, 2, 4}, {3, 5, 6});
  EXPECT_TRUE(r.exact);
  EXPECT_FALSE(r.ties);
  EXPECT_DOUBLE_EQ(r.u, 1);
  EXPECT_DOUBLE_EQ(r.p_value, 0.2);
  // Swapping the samples gives U' = n1 n2 - U = 8 and the same p.
  const MannWhitneyResult swapped = mann_whitney_u({3, 5, 6}, {1, 2, 4});
  EXPECT_DOUBLE_EQ(swapped.u, 8);
  EXPECT_DOUBLE_EQ(swapped.p_value, 0.2);
}

TEST(MannWhitney, ExactDistributionCounts) {
  // n1 = n2 = 3: counts of U = 0..9 are 1 1 2 3 3 3 3 2 1 1 (sum 20).
  EXPECT_DOUBLE_EQ(exact_cdf(3, 3, 0), 1.0 / 20);
  EXPECT_DOUBLE_EQ(exact_cdf(3, 3, 2), 4.0 / 20);
  EXPECT_DOUBLE_EQ(exact_cdf(3, 3, 4.5), 10.0 / 20);
  EXPECT_DOUBLE_EQ(exact_cdf(3, 3, 9), 1.0);
  // n1 = 1: U is uniform on 0..n2.
  EXPECT_DOUBLE_EQ(exact_cdf(1, 4, 1), 2.0 / 5);
}

TEST(MannWhitney, CompletelySeparatedNineAgainstNine) {
  // Every current value above every baseline value: U = 81 = n1 n2, which
  // one ordering of C(18,9) = 48620 gives: p = 2 / 48620.
  const MannWhitneyResult r = mann_whitney_u(range(10, 18), range(1, 9));
  EXPECT_TRUE(r.exact);
  EXPECT_DOUBLE_EQ(r.u, 81);
  EXPECT_NEAR(r.p_value, 2.0 / 48620, 1e-15);
}

TEST(MannWhitney, OverlappingNineAgainstNine) {
  // Current 101 103 105 107 115 117 119 121 123 against baseline
  // 100 102 ... 116: pairs current > baseline 1+2+3+4+8+9+9+9+9 = 54.
  // 6274 of the 48620 orderings have U >= 54: p = 2 * 6274 / 48620.
  const MannWhitneyResult r = mann_whitney_u({101, 103, 105, 107, 115, 117, 119, 121, 123},
                                             {100, 102, 104, 106, 108, 110, 112, 114, 116});
  EXPECT_DOUBLE_EQ(r.u, 54);
  EXPECT_NEAR(r.p_value, 2.0 * 6274 / 48620, 1e-12);
}

TEST(MannWhitney, NormalApproximationWithTies) {
  // x = 1 2 2 3, y = 2 3 4 4. Sorted: 1x 2x 2x 2y 3x 3y 4y 4y; average
  // ranks 1, 3 (2s), 5.5 (3s), 7.5 (4s). R1 = 1 + 3 + 3 + 5.5 = 12.5,
  // U = 12.5 - 10 = 2.5. Tie groups of 3, 2, 2: sum(t^3 - t) = 24 + 6 + 6
  // = 36. mu = 8, sigma^2 = 16/12 * (9 - 36/56) = 11.142857...,
  // z = (5.5 - 0.5) / 3.3380918 = 1.4978617, p = erfc(z / sqrt 2) = 0.1341692.
  const MannWhitneyResult r = mann_whitney_u({1, 2, 2, 3}, {2, 3, 4, 4});
  EXPECT_FALSE(r.exact);
  EXPECT_TRUE(r.ties);
  EXPECT_DOUBLE_EQ(r.u, 2.5);
  EXPECT_NEAR(r.z, 1.4978617237881953, 1e-12);
  EXPECT_NEAR(r.p_value, 0.13416918012812581, 1e-12);
}

TEST(MannWhitney, NormalApproximationForLargeSamples) {
  // 21 against 21 without ties is past the exact limit. U = 0,
  // mu = 220.5, sigma^2 = 441/12 * 43 = 1580.25, z = 220 / 39.7523584 =
  // 5.5342628, p = erfc(z / sqrt 2) = 3.1253999e-8.
  const MannWhitneyResult r = mann_whitney_u(range(1, 21), range(22, 42));
  EXPECT_FALSE(r.exact);
  EXPECT_DOUBLE_EQ(r.u, 0);
  EXPECT_NEAR(r.z, 5.534262839761064, 1e-12);
  EXPECT_NEAR(r.p_value / 3.125399998400882e-08, 1.0, 1e-9);
}

TEST(MannWhitney, AllValuesEqualGiveNoEvidence) {
  // One tie group of 6: sigma^2 = 9/12 * (7 - 210/30) = 0.
  const MannWhitneyResult r = mann_whitney_u({5, 5, 5}, {5, 5, 5});
  EXPECT_DOUBLE_EQ(r.u, 4.5);
  EXPECT_DOUBLE_EQ(r.p_value, 1);
}

TEST(MannWhitney, NeedsTwoSamples) {
  EXPECT_THROW(mann_whitney_u({}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(mann_whitney_u({1}, {}), std::invalid_argument);
}

TEST(MannWhitney, ExactAtTheLimitStaysAccurate) {
  // 20 against 20, separated: p = 2 / C(40, 20) = 2 / 137846528820.
  const MannWhitneyResult r = mann_whitney_u(range(21, 40), range(1, 20));
  EXPECT_TRUE(r.exact);
  EXPECT_NEAR(r.p_value / (2.0 / 137846528820.0), 1.0, 1e-9);
}

}  // namespace
}  // namespace assay::benchmarks
