#include "repo/libgit2_runtime.h"

#include <git2.h>

#include <string>

#include "repo/repo_error.h"

namespace assay::repo {
namespace {

// One per process; a function-local static so that initialisation is
// thread-safe and shutdown happens during static destruction, after every
// RepoView (whose lifetime ends before main returns) has released its handles.
class Libgit2Runtime {
 public:
  Libgit2Runtime() {
    if (git_libgit2_init() < 0) {
      const git_error* error = git_error_last();
      throw RepoError(std::string("cannot initialise libgit2: ") +
                      (error != nullptr && error->message != nullptr ? error->message : "unknown error"));
    }
  }
  ~Libgit2Runtime() { git_libgit2_shutdown(); }
  Libgit2Runtime(const Libgit2Runtime&) = delete;
  Libgit2Runtime& operator=(const Libgit2Runtime&) = delete;
};

}  // namespace

void ensure_libgit2() { static Libgit2Runtime runtime; }

}  // namespace assay::repo
