#include "scan/cache_functions.h"

#include <exception>
#include <string>
#include <string_view>

#include "plugin_cache/plugin_cache.h"
#include "scan/scan_target.h"

namespace assay::scan {
namespace {

bool valid_key(const char* key, size_t key_size) {
  return key != nullptr && key_size > 0 && key_size <= ASSAY_CACHE_MAX_KEY;
}

void log_failure(const assay_scan* scan, const char* call, const std::exception& e) {
  if (scan->log) scan->log(ASSAY_LOG_WARN, std::string(call) + " failed: " + e.what());
}

assay_status cache_get(const assay_scan* scan, const char* key, size_t key_size, const char** value,
                       size_t* value_size) {
  if (!scan || !value || !value_size) return ASSAY_INVALID;
  *value = nullptr;
  *value_size = 0;
  if (!valid_key(key, key_size)) return ASSAY_INVALID;
  if (!scan->plugin_cache) return ASSAY_UNSUPPORTED;
  try {
    auto& entries = scan->plugin_cache->scanner(scan->plugin, scan->plugin_version);
    if (auto found = entries.get(std::string_view(key, key_size))) {
      *value = found->data();
      *value_size = found->size();
    }
    return ASSAY_OK;
  } catch (const std::exception& e) {
    log_failure(scan, "cache_get", e);
    return ASSAY_NO_MEMORY;
  }
}

assay_status cache_put(const assay_scan* scan, const char* key, size_t key_size, const char* value,
                       size_t value_size) {
  if (!scan || !valid_key(key, key_size) || value_size > ASSAY_CACHE_MAX_VALUE ||
      (value == nullptr && value_size > 0))
    return ASSAY_INVALID;
  if (!scan->plugin_cache) return ASSAY_UNSUPPORTED;
  try {
    auto& entries = scan->plugin_cache->scanner(scan->plugin, scan->plugin_version);
    entries.put(std::string_view(key, key_size), std::string_view(value ? value : "", value_size));
    return ASSAY_OK;
  } catch (const std::exception& e) {
    log_failure(scan, "cache_put", e);
    return ASSAY_NO_MEMORY;
  }
}

}  // namespace

void add_cache_functions(assay_host_api& api) {
  api.cache_get = &cache_get;
  api.cache_put = &cache_put;
}

}  // namespace assay::scan
