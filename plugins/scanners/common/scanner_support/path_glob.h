// Path globs over repository-relative, '/'-separated paths, as the rule
// files of the maturity, docs, testgaps and placeholders scanners write them.
// gitignore's conventions, matched case-insensitively (ASCII), because
// evidence files are spelt README.md, Readme.md and readme.md alike:
//
//   name        no '/' inside: matches a file name at any depth
//   /a/b, a/b   a '/' inside (a leading one is dropped): matches the whole path
//   dir/        a trailing '/': matches every file under that directory
//   *           any run of characters except '/'
//   ?           one character except '/'
//   **          as a whole segment: any number of directories (also none)
//   [abc] [a-z] [!x]   one character (not '/') from a set, or not from it
//   {a,b,c}     alternatives (no nesting), e.g. *.{yml,yaml}
//   \c          the character c itself
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace assay::scanners {

class PathGlob {
 public:
  // Throws std::invalid_argument saying what is wrong: an empty pattern, an
  // unterminated [set] or {group}, a nested group, a trailing backslash, or
  // more than kMaxAlternatives expansions.
  explicit PathGlob(std::string_view pattern);

  bool matches(std::string_view path) const;
  // The same for a path already in ASCII lower case (lower_ascii): a caller
  // that matches each path against many globs folds it once, and the fast
  // rejects compare bytes instead of folding them on every call.
  bool matches_folded(std::string_view lower_path) const;
  const std::string& text() const { return text_; }

  // What every path one alternative (after {a,b} expansion) matches starts
  // or ends with, in lower case, so that an index of paths can offer only
  // those (path_index.h). `none` when the alternative pins neither (e.g.
  // "*fuzz*", "docs/"): any path may match it.
  struct Anchor {
    enum class Kind { suffix, path_prefix, name_prefix, none };
    Kind kind = Kind::none;
    std::string text;
  };
  // One per alternative.
  const std::vector<Anchor>& anchors() const { return anchors_; }

  static constexpr size_t kMaxAlternatives = 64;

 private:
  // One alternative after {a,b} expansion, split at '/'.
  struct Alternative {
    std::vector<std::string> segments;  // "**" stands for any number of directories
    bool basename_only = false;         // no '/' in the pattern: match the file name
    std::string literal_suffix;         // lower-case text every match ends with (fast reject)
    std::string literal_part;           // lower-case text every match contains (fast reject)
  };
  static Anchor anchor_of(const Alternative& a);

  static bool passes_fast_rejects(const Alternative& a, std::string_view path, bool folded);
  bool matches(std::string_view path, bool folded) const;

  std::string text_;
  std::vector<Alternative> alternatives_;
  std::vector<Anchor> anchors_;
};

// A list of globs: matches when any does. Throws like PathGlob, naming the
// offending pattern.
class GlobList {
 public:
  GlobList() = default;
  explicit GlobList(const std::vector<std::string>& patterns);

  void add(std::string_view pattern) { globs_.emplace_back(pattern); }

  bool matches(std::string_view path) const;
  // As PathGlob::matches_folded.
  bool matches_folded(std::string_view lower_path) const;
  bool empty() const { return globs_.empty(); }
  const std::vector<PathGlob>& globs() const { return globs_; }
  // The patterns joined with ", " for messages.
  std::string describe() const;

 private:
  std::vector<PathGlob> globs_;
};

// Matches one path segment (no '/') against one glob segment: * ? [set] \c,
// ASCII case-insensitive.
bool segment_matches(std::string_view pattern, std::string_view text);

// `text` with ASCII A-Z turned into a-z (other bytes as they are).
std::string lower_ascii(std::string_view text);

}  // namespace assay::scanners
