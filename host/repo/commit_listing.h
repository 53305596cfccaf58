#pragma once

#include <git2/types.h>

#include <string>
#include <vector>

#include "repo/exclude_rules.h"
#include "repo/file_entry.h"

namespace assay::repo {

// The regular files of a commit's tree (blobs with mode 100644 or 100755):
// submodules and symbolic links are left out, and so is what `rules`
// excludes; excluded directories are not descended into. Sizes come from the
// object headers, without reading the contents. `label` names the revision in
// error messages. Unsorted, language not set.
std::vector<FileEntry> list_commit_tree(git_repository* repository, const git_tree* tree,
                                        const ExcludeRules& rules, const std::string& label);

}  // namespace assay::repo
