#include "mann_whitney.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace assay::benchmarks {
namespace {

struct Ranked {
  double first_rank_sum = 0;
  double tie_term = 0;  // sum over tie groups of t^3 - t
  bool ties = false;
};

Ranked rank(const std::vector<double>& first, const std::vector<double>& second) {
  struct Value {
    double value;
    bool from_first;
  };
  std::vector<Value> all;
  all.reserve(first.size() + second.size());
  for (double v : first) all.push_back({v, true});
  for (double v : second) all.push_back({v, false});
  std::sort(all.begin(), all.end(), [](const Value& a, const Value& b) { return a.value < b.value; });
  Ranked ranked;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j].value == all[i].value) ++j;
    const double t = static_cast<double>(j - i);
    const double average_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    for (size_t k = i; k < j; ++k) {
      if (all[k].from_first) ranked.first_rank_sum += average_rank;
    }
    if (t > 1) {
      ranked.ties = true;
      ranked.tie_term += t * t * t - t;
    }
    i = j;
  }
  return ranked;
}

// counts[u]: orderings of n1 first and n2 second values whose U is u, by
// the recurrence f(i, j, u) = f(i - 1, j, u - j) + f(i, j - 1, u): the
// largest value is from the first sample (beating all j others) or not.
std::vector<double> exact_counts(size_t n1, size_t n2) {
  const size_t max_u = n1 * n2;
  // table[i][j] is the distribution for i first and j second values.
  std::vector<std::vector<std::vector<double>>> table(n1 + 1, std::vector<std::vector<double>>(n2 + 1));
  for (size_t i = 0; i <= n1; ++i) {
    for (size_t j = 0; j <= n2; ++j) {
      std::vector<double>& counts = table[i][j];
      counts.assign(i * j + 1, 0.0);
      if (i == 0 || j == 0) {
        counts[0] = 1;
        continue;
      }
      const std::vector<double>& largest_first = table[i - 1][j];
      const std::vector<double>& largest_second = table[i][j - 1];
      for (size_t u = 0; u < largest_first.size(); ++u) counts[u + j] += largest_first[u];
      for (size_t u = 0; u < largest_second.size(); ++u) counts[u] += largest_second[u];
    }
  }
  std::vector<double> result = std::move(table[n1][n2]);
  result.resize(max_u + 1, 0.0);
  return result;
}

// P(U <= u) and P(U >= u), each summed from its own tail so that tiny
// p-values keep their precision (1 - P(U < u) would cancel).
struct Tails {
  double lower = 0;
  double upper = 0;
};

Tails exact_tails(size_t n1, size_t n2, double u) {
  const std::vector<double> counts = exact_counts(n1, n2);
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  Tails tails;
  for (size_t k = 0; k < counts.size(); ++k) {
    const double value = static_cast<double>(k);
    if (value <= u + 1e-9) tails.lower += counts[k];
    if (value >= u - 1e-9) tails.upper += counts[k];
  }
  tails.lower /= total;
  tails.upper /= total;
  return tails;
}

}  // namespace

double exact_cdf(size_t n1, size_t n2, double u) { return exact_tails(n1, n2, u).lower; }

MannWhitneyResult mann_whitney_u(const std::vector<double>& first, const std::vector<double>& second) {
  if (first.empty() || second.empty())
    throw std::invalid_argument("the Mann-Whitney U test needs two non-empty samples");
  const double n1 = static_cast<double>(first.size());
  const double n2 = static_cast<double>(second.size());
  const Ranked ranked = rank(first, second);
  MannWhitneyResult result;
  result.u = ranked.first_rank_sum - n1 * (n1 + 1) / 2;
  result.ties = ranked.ties;
  if (!ranked.ties && first.size() <= kExactLimit && second.size() <= kExactLimit) {
    result.exact = true;
    const Tails tails = exact_tails(first.size(), second.size(), result.u);
    result.p_value = std::min(1.0, 2 * std::min(tails.lower, tails.upper));
    return result;
  }
  const double n = n1 + n2;
  const double mu = n1 * n2 / 2;
  const double variance = n1 * n2 / 12 * ((n + 1) - ranked.tie_term / (n * (n - 1)));
  if (variance <= 0) {
    result.p_value = 1;  // every value equal: no evidence of a difference
    return result;
  }
  result.z = std::max(0.0, (std::fabs(result.u - mu) - 0.5) / std::sqrt(variance));
  result.p_value = std::min(1.0, std::erfc(result.z / std::sqrt(2.0)));
  return result;
}

}  // namespace assay::benchmarks
