#pragma once

namespace assay::repo {

// Initialises libgit2 on first use (thread-safe) and shuts it down when the
// process exits. Call before any other libgit2 function.
void ensure_libgit2();

}  // namespace assay::repo
