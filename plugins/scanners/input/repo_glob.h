// Glob patterns over repository paths ('/' separated, relative to the root):
//   *      any characters within one path segment
//   ?      one character within a segment
//   [abc]  one of the characters; [a-z] a range; [!abc] none of them
//   **     as a whole segment: any number of segments, also none
//   \x     the character x itself
// A pattern is anchored at the repository root: "*.sarif" matches
// "a.sarif" but not "reports/a.sarif"; "**/*.sarif" matches both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::input {

class RepoGlob {
 public:
  // Throws std::invalid_argument with the reason when the pattern is empty,
  // absolute, has a ".." segment or an unclosed '['.
  explicit RepoGlob(std::string_view pattern);

  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::vector<std::string> segments_;
};

// Why `pattern` is not a usable glob, or nullopt when it is.
std::optional<std::string> glob_problem(std::string_view pattern);

// True when one path segment (no '/') matches one pattern segment.
bool segment_matches(std::string_view pattern, std::string_view segment);

}  // namespace assay::input
