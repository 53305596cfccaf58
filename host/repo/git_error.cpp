#include "repo/git_error.h"

#include <git2.h>

#include "repo/repo_error.h"

namespace assay::repo {

std::string last_git_error() {
  const git_error* error = git_error_last();
  if (error == nullptr || error->message == nullptr || error->message[0] == '\0') return "unknown error";
  return error->message;
}

void throw_git_error(const std::string& context) { throw RepoError(context + ": " + last_git_error()); }

}  // namespace assay::repo
