#pragma once

#include <stdexcept>
#include <string>

namespace assay::repo {

// Anything that keeps the scan target from being listed or read: a path that
// does not exist, an unknown revision, a corrupt repository, an unreadable
// file, an invalid exclude pattern. The message names the path, revision or
// pattern at fault; the CLI maps this error to exit code 3.
class RepoError : public std::runtime_error {
 public:
  explicit RepoError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace assay::repo
