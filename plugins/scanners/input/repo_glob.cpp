#include "repo_glob.h"

#include <stdexcept>

namespace assay::input {
namespace {

std::vector<std::string_view> split_segments(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t slash = text.find('/', start);
    parts.push_back(
        text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

// Matches the class starting at pattern[i] == '[' against c. Sets `end` to
// the index after the closing ']'.
bool class_matches(std::string_view pattern, size_t i, char c, size_t& end) {
  size_t j = i + 1;
  const bool negated = j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^');
  if (negated) ++j;
  bool matched = false;
  bool first = true;
  for (; j < pattern.size() && (pattern[j] != ']' || first); first = false) {
    char low = pattern[j];
    if (low == '\\' && j + 1 < pattern.size()) low = pattern[++j];
    char high = low;
    if (j + 2 < pattern.size() && pattern[j + 1] == '-' && pattern[j + 2] != ']') {
      high = pattern[j + 2];
      if (high == '\\' && j + 3 < pattern.size()) high = pattern[++j + 2];
      j += 2;
    }
    if (c >= low && c <= high) matched = true;
    ++j;
  }
  end = j + 1;  // past ']'; validated patterns always close their classes
  return matched != negated;
}

// Matches pattern[pi..] against one character of `segment` at si; on success
// advances both.
bool single_matches(std::string_view pattern, size_t& pi, std::string_view segment, size_t& si) {
  if (si >= segment.size() || pi >= pattern.size()) return false;
  const char p = pattern[pi];
  if (p == '?') {
    ++pi;
    ++si;
    return true;
  }
  if (p == '[') {
    size_t end = pi;
    if (!class_matches(pattern, pi, segment[si], end)) return false;
    pi = end;
    ++si;
    return true;
  }
  const char literal = (p == '\\' && pi + 1 < pattern.size()) ? pattern[pi + 1] : p;
  if (literal != segment[si]) return false;
  pi += (p == '\\' && pi + 1 < pattern.size()) ? 2 : 1;
  ++si;
  return true;
}

}  // namespace

bool segment_matches(std::string_view pattern, std::string_view segment) {
  // Greedy with backtracking to the last '*': linear for patterns without
  // classes, never exponential.
  size_t pi = 0;
  size_t si = 0;
  size_t star_pi = std::string_view::npos;
  size_t star_si = 0;
  while (si < segment.size()) {
    if (pi < pattern.size() && pattern[pi] == '*') {
      star_pi = ++pi;
      star_si = si;
      continue;
    }
    size_t next_pi = pi;
    size_t next_si = si;
    if (single_matches(pattern, next_pi, segment, next_si)) {
      pi = next_pi;
      si = next_si;
      continue;
    }
    if (star_pi == std::string_view::npos) return false;
    pi = star_pi;
    si = ++star_si;
  }
  while (pi < pattern.size() && pattern[pi] == '*') ++pi;
  return pi == pattern.size();
}

std::optional<std::string> glob_problem(std::string_view pattern) {
  if (pattern.empty()) return "a pattern must not be empty";
  if (pattern.front() == '/')
    return "'" + std::string(pattern) + "' is absolute; patterns are relative to the repository root";
  for (std::string_view segment : split_segments(pattern)) {
    if (segment == "..") return "'" + std::string(pattern) + "' leaves the repository ('..')";
    if (segment.empty())
      return "'" + std::string(pattern) + "' has an empty path segment ('//' or a trailing '/')";
  }
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] != '[') continue;
    size_t j = i + 1;
    if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) ++j;
    if (j < pattern.size() && pattern[j] == ']') ++j;
    while (j < pattern.size() && pattern[j] != ']' && pattern[j] != '/') j += pattern[j] == '\\' ? 2 : 1;
    if (j >= pattern.size() || pattern[j] != ']') return "'" + std::string(pattern) + "' has an unclosed '['";
    i = j;
  }
  return std::nullopt;
}

RepoGlob::RepoGlob(std::string_view pattern) : pattern_(pattern) {
  if (auto problem = glob_problem(pattern)) throw std::invalid_argument(*problem);
  for (std::string_view segment : split_segments(pattern)) {
    // Consecutive ** segments mean the same as one.
    if (segment == "**" && !segments_.empty() && segments_.back() == "**") continue;
    segments_.emplace_back(segment);
  }
}

bool RepoGlob::matches(std::string_view path) const {
  const std::vector<std::string_view> parts = split_segments(path);
  // reachable[s]: the pattern segments so far can consume exactly parts[0..s).
  std::vector<char> reachable(parts.size() + 1, 0);
  reachable[0] = 1;
  for (const std::string& segment : segments_) {
    std::vector<char> next(parts.size() + 1, 0);
    for (size_t s = 0; s <= parts.size(); ++s) {
      if (!reachable[s]) continue;
      if (segment == "**") {
        for (size_t t = s; t <= parts.size(); ++t) next[t] = 1;
        break;
      }
      if (s < parts.size() && segment_matches(segment, parts[s])) next[s + 1] = 1;
    }
    reachable = std::move(next);
  }
  return reachable[parts.size()] != 0;
}

}  // namespace assay::input
