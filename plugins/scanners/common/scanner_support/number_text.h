// Numbers and text as scanners put them into evidence and JSON: rounded to
// a fixed number of decimals, printed without trailing zeros, and text made
// valid UTF-8 (the host refuses findings that are not).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace assay::scanners {

// `value` rounded half away from zero to `decimals` decimals.
double round_to(double value, int decimals);

// At most two decimals, trailing zeros dropped: 4 -> "4", 0.5 -> "0.5", 1/3 -> "0.33".
std::string format_number(double value);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

// At most `max_bytes` bytes of valid UTF-8 text, never cutting a character;
// "…" is appended when something was cut.
std::string cut_utf8(std::string_view text, size_t max_bytes);

}  // namespace assay::scanners
