#include "repo/directory_listing.h"

#include <system_error>

#include "repo/repo_error.h"

namespace assay::repo {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_walk_error(const fs::path& where, const std::error_code& error) {
  throw RepoError("cannot read " + where.string() + ": " + error.message());
}

}  // namespace

std::vector<FileEntry> list_directory(const fs::path& root, const ExcludeRules& rules) {
  std::vector<FileEntry> files;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error);
  if (error) throw_walk_error(root, error);
  for (const fs::recursive_directory_iterator end; it != end;) {
    const fs::directory_entry& entry = *it;
    fs::path current = entry.path();
    fs::file_status status = entry.symlink_status(error);
    if (error) throw_walk_error(current, error);
    std::string path = current.lexically_relative(root).generic_string();
    bool is_git_entry = current.filename() == ".git";
    if (fs::is_directory(status)) {
      if (is_git_entry || rules.excludes(path, true)) it.disable_recursion_pending();
    } else if (fs::is_regular_file(status) && !is_git_entry && !rules.excludes(path, false)) {
      std::uintmax_t size = entry.file_size(error);
      if (error) throw_walk_error(current, error);
      files.push_back(FileEntry{std::move(path), static_cast<std::uint64_t>(size), {}, {}});
    }
    it.increment(error);
    // The failure is in `current` (a directory being entered) or in its parent.
    if (error) throw_walk_error(current, error);
  }
  return files;
}

}  // namespace assay::repo
