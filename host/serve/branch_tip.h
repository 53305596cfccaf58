// The commit a watched branch points at, read with libgit2 each time it is
// asked (a poll: cheap, a few file reads), so a commit made by any means is
// seen.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace assay::serve {

// The 40-hex commit id of refs/heads/`branch` in the repository at `path`,
// or of HEAD when `branch` is empty. nullopt with `error` set when the
// repository or the branch cannot be read (or HEAD is unborn).
std::optional<std::string> branch_tip(const std::filesystem::path& path, const std::string& branch,
                                      std::string& error);

}  // namespace assay::serve
