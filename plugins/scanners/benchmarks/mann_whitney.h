// The Mann-Whitney U test (Wilcoxon rank-sum), two-sided, as Google
// Benchmark's compare.py and scipy.stats.mannwhitneyu compute it.
//
// U is the U statistic of the first sample: the number of pairs (x, y) with
// x from the first and y from the second sample where x > y, ties counting
// one half; equivalently R1 - n1 (n1 + 1) / 2 with R1 the first sample's
// rank sum (ties get the average rank).
//
// The p-value is exact when both samples have at most kExactLimit values
// and no value occurs twice: the null distribution of U over all C(n1+n2,
// n1) orderings, p = min(1, 2 min(P(U <= u), P(U >= u))). Otherwise the
// normal approximation with tie correction and continuity correction:
//   mu = n1 n2 / 2
//   sigma^2 = n1 n2 / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1)))
//   z = (|U - mu| - 0.5) / sigma,  p = min(1, erfc(z / sqrt 2))
// where t runs over the sizes of the groups of tied values.
#pragma once

#include <cstddef>
#include <vector>

namespace assay::benchmarks {

inline constexpr size_t kExactLimit = 20;

struct MannWhitneyResult {
  double u = 0;        // U of the first sample
  double p_value = 1;  // two-sided
  bool exact = false;  // exact distribution, else normal approximation
  double z = 0;        // the normal approximation's z (0 when exact)
  bool ties = false;   // some value occurs more than once
};

// Both samples need at least one value; throws std::invalid_argument
// otherwise.
MannWhitneyResult mann_whitney_u(const std::vector<double>& first, const std::vector<double>& second);

// P(U <= u) under the null hypothesis for samples of n1 and n2 distinct
// values, exactly (n1, n2 <= kExactLimit).
double exact_cdf(size_t n1, size_t n2, double u);

}  // namespace assay::benchmarks
