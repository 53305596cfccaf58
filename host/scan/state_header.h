// The state store's fields of the report header (docs/report-data.md):
// "state", "stats" and "completed".
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "scan/state_report.h"

namespace assay::scan {

// Sets header["state"], header["stats"] and header["completed"]; null, null
// and [] when the scan had no state store.
void add_state_fields(nlohmann::json& header, const StateReport& state);

}  // namespace assay::scan
