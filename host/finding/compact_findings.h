// Findings read back from the JSON array the host writes for them (the
// findings cache's rows: Finding::to_json() of each, dumped compactly),
// without building a nlohmann::json per finding.
#pragma once

#include <string_view>
#include <vector>

#include "finding/finding.h"

namespace assay {

// Appends to `out` the findings of `text` exactly as Finding::from_json of
// each element of nlohmann::json::parse(text) would give them, and returns
// true; returns false, with `out` as it was, when `text` is anything but a
// compact array of well-formed findings (see compact_json.h): the caller
// then reads it with nlohmann::json, which says what is wrong.
bool read_compact_findings(std::string_view text, std::vector<Finding>& out);

}  // namespace assay
