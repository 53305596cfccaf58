// What the service keeps of a finished scan for its metrics and log.
#pragma once

#include <cstdint>

#include "serve/service_metrics.h"

namespace assay::scan {
struct ScanOutcome;
}

namespace assay::serve {

// `cancelled` marks a scan the service stopped; `duration_seconds` is the
// caller's measurement.
ScanSummary summarize(const scan::ScanOutcome& outcome, bool cancelled, double duration_seconds);

}  // namespace assay::serve
