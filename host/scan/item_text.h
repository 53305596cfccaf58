// The JSON text of one backlog item as backlog.json and the reporters see it,
// written straight into a string: the same bytes as item_json(item) dumped
// compactly (ensure_ascii off, invalid UTF-8 replaced), without building the
// document. A scan writes tens of thousands of these.
#pragma once

#include <string>

#include "scan/backlog.h"

namespace assay::scan {

// Appends the item's compact JSON text to `out`. The finding's details_json
// must be in the compact form Finding keeps it in (finding/finding.h); it is
// copied as it is.
void append_item_json(std::string& out, const BacklogItem& item);

}  // namespace assay::scan
