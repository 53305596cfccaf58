// The state store's fields of the report header (docs/report-data.md):
// "state", "stats", "completed", and the outbox's part of "service".
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "scan/state_report.h"

namespace assay::scan {

// Sets header["state"], header["stats"] and header["completed"], and
// header["service"] to an object holding "outbox" and "deliveries"; null,
// null, [] and {} when the scan had no state store.
void add_state_fields(nlohmann::json& header, const StateReport& state);

}  // namespace assay::scan
