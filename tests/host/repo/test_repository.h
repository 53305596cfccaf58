#pragma once

#include <filesystem>
#include <string>

#include "repo/repo_view.h"

namespace assay::repo::testing {

// A temporary directory, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `contents` to dir/relative, creating parent directories.
void write_file(const std::filesystem::path& dir, const std::string& relative, const std::string& contents);

// Runs `git <arguments>` in `dir` with a fixed identity and fixed dates (so
// commit ids are reproducible) and no user or system configuration; returns
// its standard output without the trailing newline. Throws with git's output
// when git fails.
std::string git(const std::filesystem::path& dir, const std::string& arguments);

// `git init -b main` in dir.
void init_repository(const std::filesystem::path& dir);

// Stages everything and commits it.
void commit_all(const std::filesystem::path& dir, const std::string& message);

// Paths of view.files(), in order, joined with ','.
std::string listed_paths(const RepoView& view);

// The entry for `path`, or nullptr.
const FileEntry* find_file(const RepoView& view, const std::string& path);

}  // namespace assay::repo::testing
