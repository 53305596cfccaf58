// What the state store asks of a repository's history when it merges a scan
// (docs/state.md): which files were renamed between the last scanned commit
// and this one, and whether this scan looks back at an older commit. Behind
// this interface so that the history index can answer from its own walk; the
// libgit2 implementation here diffs two trees.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace assay::repo {

struct Rename {
  std::string from;  // repository-relative paths
  std::string to;
};

class RevisionHistory {
 public:
  virtual ~RevisionHistory() = default;

  // Files moved without a change of content from commit `from` (40 hex) to
  // commit `to`, or to the working tree and index when `to` is "". Throws
  // RepoError when a commit is unknown or the trees cannot be compared.
  virtual std::vector<Rename> exact_renames(const std::string& from, const std::string& to) = 0;

  // True when commit `ancestor` is reachable from commit `descendant` and is
  // not the same commit. Throws RepoError when either is unknown.
  virtual bool is_strict_ancestor(const std::string& ancestor, const std::string& descendant) = 0;
};

// The history of the git repository at `git_dir` (RepoView::git_dir()),
// through libgit2: git_diff_tree_to_tree (or to the working tree with its
// index) and git_diff_find_similar with exact matches only. Throws RepoError
// when the repository cannot be opened.
std::unique_ptr<RevisionHistory> git_revision_history(const std::string& git_dir);

}  // namespace assay::repo
