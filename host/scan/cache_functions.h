// The cache functions of the plugin ABI (API 1.4): cache_get and cache_put,
// answered from the scan's PluginCache, each scanner with its own entries.
#pragma once

#include <assay/plugin.h>

namespace assay::scan {

// Sets cache_get and cache_put of `api`.
void add_cache_functions(assay_host_api& api);

}  // namespace assay::scan
