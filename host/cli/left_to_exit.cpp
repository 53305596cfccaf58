#include "cli/left_to_exit.h"

#include "scan/scan_runner.h"

// GCC defines __SANITIZE_ADDRESS__ under -fsanitize=address; clang answers
// through __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define ASSAY_FREES_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASSAY_FREES_AT_EXIT 1
#endif
#endif
#ifndef ASSAY_FREES_AT_EXIT
#define ASSAY_FREES_AT_EXIT 0
#endif

namespace assay::cli {
namespace {

// Never destroyed: a plain pointer, not a unique_ptr, whose destructor would
// run among the exit handlers.
scan::ScanOutcome* left_outcome = nullptr;

}  // namespace

bool frees_at_exit() { return ASSAY_FREES_AT_EXIT != 0; }

void leave_to_exit(std::unique_ptr<scan::ScanOutcome> outcome) {
  delete left_outcome;
  left_outcome = nullptr;
  if (frees_at_exit()) return;  // `outcome` is freed on return
  left_outcome = outcome.release();
}

}  // namespace assay::cli
