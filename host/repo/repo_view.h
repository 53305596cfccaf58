#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "repo/file_entry.h"
#include "repo/repo_error.h"

namespace assay::repo {

class ContentSource;

// What was scanned: a git working tree (files on disk, .gitignore honoured), a
// commit's tree (files from the object database), or a directory that is not a
// git repository (plain recursive walk, no history).
enum class TargetKind { WorkingTree, Commit, Directory };

// Returns "working-tree", "commit" or "directory" (for reports and events).
const char* to_string(TargetKind kind);

struct RepoOptions {
  // A revision (anything `git rev-parse` accepts that peels to a commit). When
  // set, the commit's tree is scanned instead of the working tree.
  std::optional<std::string> rev;
  // Never scanned. Absolute; empty means <root>/.assay. A directory outside
  // the scanned tree, or the root itself, excludes nothing.
  std::filesystem::path output_dir;
  // Gitignore-like globs (scan.exclude) of paths never scanned: `*`, `?`,
  // `[...]`, `**`; a leading '/' anchors at the root, a trailing '/' matches
  // directories only, a pattern without '/' matches a name at any depth.
  std::vector<std::string> exclude;
};

// The files of one scan target and their contents.
//
// open() discovers the git repository containing `path` (searching parent
// directories, like git) and scans the WHOLE repository, even when `path` is
// one of its subdirectories: findings, history and backlog keys belong to the
// repository, not to the directory the command ran in.
//  - no rev, non-bare repository: the working tree. Tracked files present on
//    disk plus untracked files that are not ignored; deleted files, submodules,
//    nested repositories and symbolic links are left out. Read from disk.
//  - rev given (bare repositories too), or a bare repository without rev (its
//    HEAD): the commit's tree, read from the object database. Submodules and
//    symbolic links are left out.
//  - `path` not inside a git repository: every regular file under it, .git
//    directories skipped, symbolic links not followed; has_history() is false.
// Throws RepoError when `path` does not exist or cannot be read, the revision is
// unknown or not a commit, or the repository cannot be opened.
//
// Everything but read() is fixed after open(); read() may be called from any
// number of threads at once.
class RepoView {
 public:
  static std::unique_ptr<RepoView> open(const std::filesystem::path& path, const RepoOptions& options);

  virtual ~RepoView();
  RepoView(const RepoView&) = delete;
  RepoView& operator=(const RepoView&) = delete;

  TargetKind kind() const { return kind_; }
  // Absolute path of the work tree, of the git directory for a bare
  // repository, or of the directory for a plain directory scan. No trailing '/'.
  const std::string& root() const { return root_; }
  // Last component of root(), without the ".git" suffix of a bare repository.
  const std::string& name() const { return name_; }
  // Absolute path of the git directory ("" for a plain directory). The history
  // index opens the repository from here.
  const std::string& git_dir() const { return git_dir_; }
  // 40-hex id of the scanned commit: HEAD for a working tree ("" while HEAD is
  // unborn), the revision for a commit scan, "" for a plain directory.
  const std::string& commit() const { return commit_; }
  // Short name of the checked-out branch (working tree) or of the branch the
  // revision names (commit scan); "" when detached, unborn or not a branch.
  const std::string& branch() const { return branch_; }
  // False for a plain directory: there is no history to consult.
  bool has_history() const { return kind_ != TargetKind::Directory; }
  // Sorted by path (byte order), excluded paths already removed.
  const std::vector<FileEntry>& files() const { return files_; }

  // Contents of files()[index]. Thread-safe. Throws RepoError naming the path
  // when the file cannot be read (or std::out_of_range for a bad index).
  std::string read(std::size_t index) const;
  // The same into the first bytes of `buffer` (see ContentSource::read_into);
  // returns how many. Thread-safe for distinct buffers.
  std::size_t read_into(std::size_t index, std::string& buffer) const;

 private:
  RepoView();
  friend class RepoViewBuilder;

  TargetKind kind_ = TargetKind::Directory;
  std::string root_;
  std::string name_;
  std::string git_dir_;
  std::string commit_;
  std::string branch_;
  std::vector<FileEntry> files_;
  std::unique_ptr<ContentSource> source_;
};

}  // namespace assay::repo
