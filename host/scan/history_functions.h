// The history functions of the plugin ABI (API 1.1): per-file facts and
// line origins, answered from the scan's HistoryService.
#pragma once

#include <assay/plugin.h>

namespace assay::scan {

// Sets file_history, file_commit and line_origin of `api`.
void add_history_functions(assay_host_api& api);

}  // namespace assay::scan
