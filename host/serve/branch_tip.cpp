#include "serve/branch_tip.h"

#include "repo/git_handles.h"
#include "repo/libgit2_runtime.h"

namespace assay::serve {
namespace {

std::string git_message(const std::string& what) {
  const git_error* e = git_error_last();
  return what + ": " + (e && e->message ? e->message : "unknown libgit2 error");
}

}  // namespace

std::optional<std::string> branch_tip(const std::filesystem::path& path, const std::string& branch,
                                      std::string& error) {
  repo::ensure_libgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
    error = git_message("cannot open " + path.string());
    return std::nullopt;
  }
  repo::RepositoryPtr repository(raw);
  const std::string name = branch.empty() ? "HEAD" : "refs/heads/" + branch;
  git_oid id;
  if (git_reference_name_to_id(&id, repository.get(), name.c_str()) != 0) {
    error = git_message("cannot read " + name + " of " + path.string());
    return std::nullopt;
  }
  return repo::oid_hex(id);
}

}  // namespace assay::serve
