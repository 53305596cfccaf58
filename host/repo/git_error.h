#pragma once

#include <string>

namespace assay::repo {

// libgit2's message for the last failure on this thread ("unknown error" when
// it left none). libgit2 keeps it per thread: call on the failing thread.
std::string last_git_error();

// Throws RepoError "<context>: <libgit2 message>".
[[noreturn]] void throw_git_error(const std::string& context);

}  // namespace assay::repo
