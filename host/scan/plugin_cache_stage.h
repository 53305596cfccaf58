// The plugin cache in a scan (plugin ABI 1.4, cache_get and cache_put):
// opened before the scanners run, written once they have all ended.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace assay::config {
class Config;
}
namespace assay::repo {
class RepoView;
}
namespace assay::plugin_cache {
class PluginCache;
}

namespace assay::scan {

// The cache file that scan.plugin_cache names, relative to the root of
// `repo` unless absolute; nullptr when the setting is "".
std::unique_ptr<plugin_cache::PluginCache> open_plugin_cache(const config::Config& config,
                                                             const repo::RepoView& repo);

// How one scanner's run ended, for the cache.
struct ScannerEnd {
  std::string name;
  bool complete = false;  // ended successfully, every finding scored
};

// Keeps what each scanner's run allows (plugin_cache.h) and writes the file.
// Nothing happens without a cache.
void close_plugin_cache(plugin_cache::PluginCache* cache, const std::vector<ScannerEnd>& ends);

}  // namespace assay::scan
