// What `assay scan` leaves to the operating system at exit. Freeing a large
// backlog item by item just before the process ends costs tens of
// milliseconds (9,681 items and their texts: ~30 ms, a third of the time
// after the last report) and gives nothing back that exit would not: the
// kernel takes the whole address space back at once. So, as compilers do,
// the scan command keeps its outcome to the end instead of destroying it,
// once everything it wrote is durable (reports committed, the state store
// closed) and the summary is printed.
//
// Builds with AddressSanitizer free it as usual, so that leak checks see
// every allocation of the outcome. Only the command-line scan does this:
// `assay serve` runs many scans in one process and frees each one's outcome
// (ScanRunner never leaves anything behind).
#pragma once

#include <memory>

namespace assay::scan {
struct ScanOutcome;
}

namespace assay::cli {

// Whether memory is freed at exit: true in sanitizer builds.
bool frees_at_exit();

// Keeps `outcome` reachable (from a global, so that leak checkers see it as
// still in use) until the process exits, without ever destroying it; frees
// it right here when frees_at_exit(). Meant for the process's last outcome:
// one kept earlier is freed now.
void leave_to_exit(std::unique_ptr<scan::ScanOutcome> outcome);

}  // namespace assay::cli
