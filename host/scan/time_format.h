// Timestamps as assay writes them everywhere: ISO 8601, UTC, seconds.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace assay::scan {

std::string utc_iso8601(std::chrono::system_clock::time_point t);
std::string utc_now_iso8601();
// `seconds` since 1970.
std::string utc_iso8601_seconds(int64_t seconds);

}  // namespace assay::scan
