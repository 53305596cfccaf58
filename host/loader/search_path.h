// Where plugins are looked for, and which files in a directory are plugins.
#pragma once

#include <filesystem>
#include <system_error>
#include <vector>

namespace assay::loader {

// ../lib/assay/plugins next to the running binary (so a build tree works
// without installing), then the install directory; duplicates removed.
std::vector<std::filesystem::path> default_plugin_dirs();

// The directory of the running binary, from /proc/self/exe; empty if unknown.
std::filesystem::path running_binary_dir();

// Every *.so in `dir` that is a regular file (or a link to one), sorted by
// file name so that the first-found-wins rule is deterministic.
std::vector<std::filesystem::path> list_shared_objects(const std::filesystem::path& dir, std::error_code& ec);

}  // namespace assay::loader
