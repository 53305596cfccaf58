#include "repo/blob_reader.h"

#include "repo/git_error.h"
#include "repo/repo_error.h"

namespace assay::repo {

BlobReader::BlobReader(std::string git_dir) : git_dir_(std::move(git_dir)) {}

RepositoryPtr BlobReader::borrow() const {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      RepositoryPtr repository = std::move(idle_.back());
      idle_.pop_back();
      return repository;
    }
  }
  git_repository* opened = nullptr;
  if (git_repository_open(&opened, git_dir_.c_str()) != 0)
    throw_git_error("cannot open repository " + git_dir_);
  return RepositoryPtr(opened);
}

void BlobReader::give_back(RepositoryPtr repository) const {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(repository));
}

std::string BlobReader::read(const FileEntry& file) const {
  git_oid id;
  if (git_oid_fromstr(&id, file.blob_id.c_str()) != 0) {
    throw RepoError("cannot read '" + file.path + "' in " + git_dir_ + ": invalid blob id '" + file.blob_id +
                    "'");
  }
  RepositoryPtr repository = borrow();
  git_blob* found = nullptr;
  if (git_blob_lookup(&found, repository.get(), &id) != 0) {
    std::string message = last_git_error();
    give_back(std::move(repository));
    throw RepoError("cannot read '" + file.path + "' (blob " + file.blob_id + ") in " + git_dir_ + ": " +
                    message);
  }
  BlobPtr blob(found);
  std::string data(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                   static_cast<std::size_t>(git_blob_rawsize(blob.get())));
  blob.reset();
  give_back(std::move(repository));
  return data;
}

}  // namespace assay::repo
