#include "config/did_you_mean.h"

#include <algorithm>
#include <limits>

namespace assay::config {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_prefix_ignoring_case(std::string_view prefix, std::string_view word) {
  if (prefix.size() > word.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(prefix[i]) != lower(word[i])) return false;
  }
  return true;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t rows = a.size() + 1;
  const std::size_t cols = b.size() + 1;
  std::vector<std::size_t> d(rows * cols);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * cols + j]; };
  for (std::size_t i = 0; i < rows; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j < cols; ++j) at(0, j) = j;
  for (std::size_t i = 1; i < rows; ++i) {
    for (std::size_t j = 1; j < cols; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(rows - 1, cols - 1);
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    const bool close = distance <= 2 && distance < word.size();
    const bool prefix = word.size() >= 3 && (is_prefix_ignoring_case(word, candidate) ||
                                             is_prefix_ignoring_case(candidate, word));
    if ((close || prefix) && distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates) {
  if (candidates.empty()) return {};
  if (auto match = closest_match(word, candidates)) return " (did you mean '" + *match + "'?)";
  std::string list;
  for (const auto& candidate : candidates) {
    if (!list.empty()) list += ", ";
    list += candidate;
  }
  return " (expected one of: " + list + ")";
}

}  // namespace assay::config
