// git's delta format, as pack files store it: a source size, a target size,
// then instructions that copy ranges of the base or insert literal bytes.
// Internal to host/history (the pack reader).
#pragma once

#include <string>
#include <string_view>

namespace assay::history {

// The object that `delta` makes from `base`. Throws HistoryError saying what
// is wrong (the caller names the object) when the delta is malformed: its
// source size is not the base's size, its target is over 1 GB, an
// instruction reads past the base or the delta, or the result is not the
// stated target size.
std::string apply_delta(std::string_view base, std::string_view delta);

}  // namespace assay::history
