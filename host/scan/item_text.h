// The JSON text of one backlog item as backlog.json and the reporters see it,
// written straight into a string: the same bytes as item_json(item) dumped
// compactly (ensure_ascii off, invalid UTF-8 replaced), without building the
// document. A scan writes tens of thousands of these.
#pragma once

#include <string>
#include <string_view>

#include "scan/backlog.h"

namespace assay::scan {

// Appends the item's compact JSON text to `out`. The finding's details_json
// must be in the compact form Finding keeps it in (finding/finding.h); it is
// copied as it is. Throws std::logic_error when the item's breakdown was
// dropped: use the form below.
void append_item_json(std::string& out, const BacklogItem& item);

// The same with `breakdown` written as the item's score breakdown: the
// item's own, or the one recomputed when it was dropped (breakdown_of).
void append_item_json(std::string& out, const BacklogItem& item, const scoring::Breakdown& breakdown);

// The same with the breakdown's text already written (append_breakdown_json):
// a backlog repeats few distinct breakdowns, so callers reuse their texts.
void append_item_json(std::string& out, const BacklogItem& item, std::string_view breakdown_json);

// Appends a score breakdown's compact JSON text, as scoring::to_json gives it.
void append_breakdown_json(std::string& out, const scoring::Breakdown& breakdown);

}  // namespace assay::scan
