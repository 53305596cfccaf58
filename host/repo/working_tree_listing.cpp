#include "repo/working_tree_listing.h"

#include "repo/git_error.h"
#include "repo/git_handles.h"

namespace assay::repo {
namespace {

using DiffPtr = std::unique_ptr<git_diff, GitDeleter<git_diff, git_diff_free>>;

// One comparison of the index with the work tree yields every file at once:
// unmodified and modified tracked files, untracked files (ignore rules applied
// while directories are walked, not one query per path), deletions, and the
// size and mode from the walk's own lstat. Measured on 52,000 files it costs
// about half the CPU time of a status list followed by an lstat per file.
// HEAD is not compared: blob ids come from the index.
DiffPtr compare_index_with_work_tree(git_repository* repository, const std::string& root) {
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  options.flags = GIT_DIFF_INCLUDE_UNMODIFIED | GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
                  GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_SKIP_BINARY_CHECK;
  // Submodules are not scanned, so their state need not be computed.
  options.ignore_submodules = GIT_SUBMODULE_IGNORE_ALL;
  git_diff* diff = nullptr;
  if (git_diff_index_to_workdir(&diff, repository, nullptr, &options) != 0) {
    throw_git_error("cannot compare the working tree of " + root + " with its index");
  }
  return DiffPtr(diff);
}

// Regular files only: symbolic links, submodules (gitlinks) and nested
// repositories (untracked directories) have other modes; a deleted file has
// mode 0 on the work tree side.
bool is_regular_file(const git_diff_file& file) {
  return file.mode == GIT_FILEMODE_BLOB || file.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

}  // namespace

std::vector<FileEntry> list_working_tree(git_repository* repository, const std::string& root,
                                         const ExcludeRules& rules) {
  DiffPtr diff = compare_index_with_work_tree(repository, root);
  std::size_t count = git_diff_num_deltas(diff.get());
  std::vector<FileEntry> files;
  files.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_DELETED || !is_regular_file(delta->new_file)) continue;
    std::string path = delta->new_file.path;
    if (rules.excludes(path, false)) continue;
    // Only an unmodified file is known to hold the index's blob; anything else
    // would have to be hashed, which the listing does not do.
    std::string blob_id = delta->status == GIT_DELTA_UNMODIFIED ? oid_hex(delta->old_file.id) : std::string();
    files.push_back(
        FileEntry{std::move(path), static_cast<std::uint64_t>(delta->new_file.size), std::move(blob_id), {}});
  }
  return files;
}

}  // namespace assay::repo
