// What assay writes inside a repository (reports, the state store, caches)
// goes to PATH/.assay by default. A .gitignore in that directory keeps it out
// of `git status` and out of commits, whichever part writes there first.
#pragma once

#include <filesystem>
#include <fstream>
#include <system_error>

namespace assay {

// Writes `directory`/.gitignore ignoring everything when the directory is
// named ".assay", exists and has none yet. Any other directory (an --out DIR
// chosen by the user) is left as it is. Failure to write it is not an error:
// the files assay writes are whole either way.
inline void keep_out_of_git(const std::filesystem::path& directory) {
  if (directory.filename() != ".assay") return;
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec) || std::filesystem::exists(directory / ".gitignore", ec))
    return;
  std::ofstream(directory / ".gitignore") << "# Written by assay: reports are not source.\n*\n";
}

}  // namespace assay
