// Times in the state store are seconds since 1970, UTC; people and JSON see
// them as ISO 8601 text.
#pragma once

#include <cstdint>
#include <string>

namespace assay::state {

// "2026-11-25T17:00:00Z".
std::string iso8601(int64_t seconds);

// Seconds since 1970 now.
int64_t now_seconds();

}  // namespace assay::state
