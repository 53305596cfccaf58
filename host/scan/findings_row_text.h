// The text of a findings cache row (docs/state.md, "Findings cache"): the
// JSON array of a file's findings, written directly, byte for byte what
// nlohmann::json of each Finding::to_json() dumped compactly (invalid UTF-8
// replaced) gives. An unchanged rescan writes this text for every file of the
// tree to compare it with the stored row, and a document per finding cost
// more than the rest of the merge.
#pragma once

#include <string>

#include "finding/finding.h"

namespace assay::scan {

// Appends `finding` as the JSON object Finding::to_json() dumps to: keys in
// byte order, absent numbers and empty details as null. Details that are not
// already in compact form (finding.h) are parsed and re-written; details that
// are not JSON throw nlohmann::json::exception, as to_json() does.
void append_finding_json(std::string& out, const Finding& finding);

}  // namespace assay::scan
