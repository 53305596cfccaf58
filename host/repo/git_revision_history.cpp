#include <git2.h>

#include "repo/git_error.h"
#include "repo/git_handles.h"
#include "repo/libgit2_runtime.h"
#include "repo/repo_error.h"
#include "repo/revision_history.h"

namespace assay::repo {
namespace {

using DiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;

// Exact renames are found by comparing blob ids, so the pairing is cheap even
// for many files; the limit only keeps a pathological diff bounded.
constexpr size_t kRenameLimit = 50000;

class GitRevisionHistory : public RevisionHistory {
 public:
  explicit GitRevisionHistory(const std::string& git_dir) {
    ensure_libgit2();
    git_repository* repo = nullptr;
    if (git_repository_open(&repo, git_dir.c_str()) != 0)
      throw_git_error("cannot open repository " + git_dir);
    repo_.reset(repo);
  }

  std::vector<Rename> exact_renames(const std::string& from, const std::string& to) override {
    TreePtr old_tree = tree_of(from);
    // The init calls, not the INIT macros: clang warns that the macros
    // leave fields without an initializer (the fuzz build compiles this).
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    git_diff* raw = nullptr;
    int rc = 0;
    if (to.empty()) {
      // A file moved on disk and not yet added is untracked: it counts too.
      options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
      rc = git_diff_tree_to_workdir_with_index(&raw, repo_.get(), old_tree.get(), &options);
    } else {
      TreePtr new_tree = tree_of(to);
      rc = git_diff_tree_to_tree(&raw, repo_.get(), old_tree.get(), new_tree.get(), &options);
    }
    if (rc != 0)
      throw_git_error("cannot compare " + from + " with " + (to.empty() ? "the working tree" : to));
    DiffPtr diff(raw);
    git_diff_find_options find;
    git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
    find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_FOR_UNTRACKED | GIT_DIFF_FIND_EXACT_MATCH_ONLY;
    find.rename_limit = kRenameLimit;
    if (git_diff_find_similar(diff.get(), &find) != 0) throw_git_error("cannot find renames since " + from);
    std::vector<Rename> renames;
    for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
      const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
      if (delta->status == GIT_DELTA_RENAMED) renames.push_back({delta->old_file.path, delta->new_file.path});
    }
    return renames;
  }

  bool is_strict_ancestor(const std::string& ancestor, const std::string& descendant) override {
    const git_oid a = oid_of(ancestor);
    const git_oid d = oid_of(descendant);
    if (git_oid_equal(&a, &d)) return false;
    const int rc = git_graph_descendant_of(repo_.get(), &d, &a);
    if (rc < 0) throw_git_error("cannot relate commits " + ancestor + " and " + descendant);
    return rc == 1;
  }

 private:
  git_oid oid_of(const std::string& commit) {
    git_oid id;
    if (git_oid_fromstr(&id, commit.c_str()) != 0) throw RepoError("not a commit id: '" + commit + "'");
    return id;
  }

  TreePtr tree_of(const std::string& commit) {
    const git_oid id = oid_of(commit);
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repo_.get(), &id) != 0) throw_git_error("unknown commit " + commit);
    CommitPtr owned(raw_commit);
    git_tree* tree = nullptr;
    if (git_commit_tree(&tree, owned.get()) != 0) throw_git_error("cannot read the tree of " + commit);
    return TreePtr(tree);
  }

  RepositoryPtr repo_;
};

}  // namespace

std::unique_ptr<RevisionHistory> git_revision_history(const std::string& git_dir) {
  return std::make_unique<GitRevisionHistory>(git_dir);
}

}  // namespace assay::repo
