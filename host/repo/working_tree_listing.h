#pragma once

#include <git2/types.h>

#include <string>
#include <vector>

#include "repo/exclude_rules.h"
#include "repo/file_entry.h"

namespace assay::repo {

// The files of a repository's working tree, as git sees them: tracked files
// that exist on disk and untracked files that no .gitignore (nested ones,
// negations, info/exclude, core.excludesFile) ignores. Deleted files,
// submodules, nested repositories and symbolic links are left out, and so is
// what `rules` excludes. blob_id is the index's id for tracked files unchanged
// against the index (files marked assume-unchanged or skip-worktree count as
// unchanged, as in git), "" otherwise. size is the size on disk from libgit2's
// directory walk, which keeps it in the index's 32-bit field: a file over
// 4 GiB reports its size modulo 4 GiB. `root` is the work tree without a
// trailing '/', for error messages. Unsorted, language not set.
std::vector<FileEntry> list_working_tree(git_repository* repository, const std::string& root,
                                         const ExcludeRules& rules);

}  // namespace assay::repo
