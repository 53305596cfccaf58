// The history functions of the plugin ABI (API 1.1, commits_since 1.3):
// per-file facts, line origins and the count of recent commits, answered
// from the scan's HistoryService.
#pragma once

#include <assay/plugin.h>

namespace assay::scan {

// Sets file_history, file_commit, line_origin and commits_since of `api`.
void add_history_functions(assay_host_api& api);

}  // namespace assay::scan
