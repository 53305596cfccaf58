#include "repo/commit_listing.h"

#include <exception>

#include "repo/git_error.h"
#include "repo/git_handles.h"
#include "repo/repo_error.h"

namespace assay::repo {
namespace {

struct TreeWalk {
  git_odb* odb;
  const ExcludeRules& rules;
  const std::string& label;
  std::vector<FileEntry> files;
  std::exception_ptr failure;
};

FileEntry describe_blob(TreeWalk& walk, std::string path, const git_oid& id) {
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, walk.odb, &id) != 0) {
    throw_git_error("cannot read '" + path + "' at " + walk.label);
  }
  return FileEntry{std::move(path), static_cast<std::uint64_t>(size), oid_hex(id), {}};
}

// git_tree_walk callback: 0 continues, 1 skips a subtree, negative stops.
// Exceptions must not unwind through libgit2, so they are kept for later.
int visit(const char* directory, const git_tree_entry* entry, void* payload) {
  auto& walk = *static_cast<TreeWalk*>(payload);
  try {
    std::string path = std::string(directory) + git_tree_entry_name(entry);
    git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_TREE) return walk.rules.excludes(path, true) ? 1 : 0;
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return 0;
    if (walk.rules.excludes(path, false)) return 0;
    walk.files.push_back(describe_blob(walk, std::move(path), *git_tree_entry_id(entry)));
    return 0;
  } catch (...) {
    walk.failure = std::current_exception();
    return -1;
  }
}

}  // namespace

std::vector<FileEntry> list_commit_tree(git_repository* repository, const git_tree* tree,
                                        const ExcludeRules& rules, const std::string& label) {
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, repository) != 0)
    throw_git_error("cannot open the object database for " + label);
  OdbPtr owned_odb(odb);
  TreeWalk walk{odb, rules, label, {}, nullptr};
  int result = git_tree_walk(tree, GIT_TREEWALK_PRE, visit, &walk);
  if (walk.failure) std::rethrow_exception(walk.failure);
  if (result < 0) throw_git_error("cannot list the tree of " + label);
  return std::move(walk.files);
}

}  // namespace assay::repo
