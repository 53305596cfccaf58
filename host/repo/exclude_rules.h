#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "repo/glob_pattern.h"

namespace assay::repo {

// The paths a scan leaves out: the output directory and the scan.exclude
// patterns, with gitignore's rules for where a pattern applies (see
// RepoOptions::exclude). Excluding a directory excludes everything below it.
class ExcludeRules {
 public:
  // `output_prefix` is the output directory relative to the scanned root ('/'
  // separated), or "" when it lies outside. Throws RepoError naming the
  // scan.exclude entry that is malformed.
  ExcludeRules(const std::vector<std::string>& patterns, std::string output_prefix);

  // True when `path` (root-relative, '/' separated) or one of its parent
  // directories is excluded. `is_directory` says what `path` itself is.
  bool excludes(std::string_view path, bool is_directory) const;

 private:
  struct Rule {
    GlobPattern glob;
    bool directories_only;
    bool matches_name;  // no '/' in the pattern: compared with each path component
  };

  bool rule_excludes(const Rule& rule, std::string_view path, bool is_directory) const;

  std::vector<Rule> rules_;
  std::string output_prefix_;
};

}  // namespace assay::repo
