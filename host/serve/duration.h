// Durations as written in the service configuration: "90s", "15m", "1h30m",
// "1d"; units ms, s, m, h, d, each at most once, largest first.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace assay::serve {

// nullopt when `text` is not such a duration or is zero; `error` then says why.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text, std::string& error);

}  // namespace assay::serve
