// The one-screen summary `assay scan` prints on the terminal.
#pragma once

#include <ostream>

#include "scan/scan_runner.h"

namespace assay::cli {

void print_summary(std::ostream& out, const scan::ScanOutcome& outcome, size_t top);

}  // namespace assay::cli
