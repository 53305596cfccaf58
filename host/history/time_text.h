#pragma once

#include <cstdint>
#include <string>

namespace assay::history {

// "2024-01-02T03:04:05Z" for seconds since the epoch.
std::string iso8601_utc(int64_t seconds);

// Parses what iso8601_utc writes, also with fractional seconds or a numeric
// offset ("+01:00"), into `seconds`. Returns false, leaving `seconds` alone,
// when `text` is not such a time.
bool parse_iso8601(const std::string& text, int64_t& seconds);

}  // namespace assay::history
