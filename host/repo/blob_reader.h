#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "repo/content_source.h"
#include "repo/git_handles.h"

namespace assay::repo {

// Reads blobs from a repository's object database by FileEntry::blob_id.
//
// libgit2 objects, git_repository included, must not be used by two threads at
// once (libgit2 docs/threading.md). Instead of serialising every read behind
// one lock, each concurrent read borrows a repository handle of its own from a
// pool; the pool grows to the number of threads reading at the same time and
// the lock is held only to borrow and return a handle.
class BlobReader : public ContentSource {
 public:
  // `git_dir` is the repository's git directory (as git_repository_path gives it).
  explicit BlobReader(std::string git_dir);
  std::string read(const FileEntry& file) const override;

 private:
  RepositoryPtr borrow() const;
  void give_back(RepositoryPtr repository) const;

  std::string git_dir_;
  mutable std::mutex mutex_;
  mutable std::vector<RepositoryPtr> idle_;
};

}  // namespace assay::repo
