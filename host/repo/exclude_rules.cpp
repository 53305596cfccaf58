#include "repo/exclude_rules.h"

#include <stdexcept>

#include "repo/repo_error.h"

namespace assay::repo {
namespace {

std::string describe(std::size_t index, const std::string& pattern) {
  return "scan.exclude[" + std::to_string(index) + "] '" + pattern + "'";
}

}  // namespace

ExcludeRules::ExcludeRules(const std::vector<std::string>& patterns, std::string output_prefix)
    : output_prefix_(std::move(output_prefix)) {
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    std::string glob = patterns[i];
    if (!glob.empty() && glob.front() == '!') {
      throw RepoError(describe(i, patterns[i]) +
                      ": negated patterns are not supported; list only what to exclude");
    }
    bool directories_only = false;
    while (!glob.empty() && glob.back() == '/') {
      glob.pop_back();
      directories_only = true;
    }
    bool anchored = !glob.empty() && glob.front() == '/';
    if (anchored) glob.erase(0, glob.find_first_not_of('/'));
    if (glob.empty()) throw RepoError(describe(i, patterns[i]) + ": the pattern matches no path");
    bool matches_name = !anchored && glob.find('/') == std::string::npos;
    try {
      rules_.push_back(Rule{GlobPattern(glob), directories_only, matches_name});
    } catch (const std::invalid_argument& error) {
      throw RepoError(describe(i, patterns[i]) + ": " + error.what());
    }
  }
}

bool ExcludeRules::excludes(std::string_view path, bool is_directory) const {
  if (!output_prefix_.empty() && path.starts_with(output_prefix_) &&
      (path.size() == output_prefix_.size() || path[output_prefix_.size()] == '/')) {
    return true;
  }
  for (const Rule& rule : rules_) {
    if (rule_excludes(rule, path, is_directory)) return true;
  }
  return false;
}

// Tries the rule on every ancestor directory of `path` and on `path` itself,
// as git does: a directory that matches takes everything below it along.
bool ExcludeRules::rule_excludes(const Rule& rule, std::string_view path, bool is_directory) const {
  std::size_t component_start = 0;
  while (component_start <= path.size()) {
    std::size_t slash = path.find('/', component_start);
    bool last = slash == std::string_view::npos;
    std::size_t end = last ? path.size() : slash;
    if (!rule.directories_only || !last || is_directory) {
      std::string_view subject =
          rule.matches_name ? path.substr(component_start, end - component_start) : path.substr(0, end);
      if (rule.glob.matches(subject)) return true;
    }
    if (last) break;
    component_start = slash + 1;
  }
  return false;
}

}  // namespace assay::repo
