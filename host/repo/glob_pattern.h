#pragma once

#include <string>
#include <string_view>

namespace assay::repo {

// A path glob with gitignore's wildcard rules, matched against a whole
// '/'-separated path:
//   *      any run of characters except '/'
//   ?      one character except '/'
//   [...]  one character (not '/') from a set: ranges a-z, negation [!...] or
//          [^...], POSIX classes [:alpha:] etc.; ']' first in the set is literal
//   **     as a whole segment ("**/x", "x/**", "x/**/y"): any number of
//          directories; elsewhere the same as '*'
//   \c     the character c itself
class GlobPattern {
 public:
  // Throws std::invalid_argument saying what is wrong (unterminated set,
  // unknown character class, trailing backslash).
  explicit GlobPattern(std::string pattern);

  bool matches(std::string_view text) const;
  const std::string& text() const { return pattern_; }

 private:
  std::string pattern_;
};

}  // namespace assay::repo
