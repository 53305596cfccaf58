#pragma once

#include <filesystem>
#include <vector>

#include "repo/exclude_rules.h"
#include "repo/file_entry.h"

namespace assay::repo {

// Every regular file below `root` (a directory that is not a git repository):
// .git entries are skipped, symbolic links are neither listed nor followed,
// excluded directories are not entered. Throws RepoError naming a directory
// that cannot be read. Unsorted, language not set.
std::vector<FileEntry> list_directory(const std::filesystem::path& root, const ExcludeRules& rules);

}  // namespace assay::repo
