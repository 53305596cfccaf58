#include "scan/plugin_cache_stage.h"

#include <filesystem>

#include "config/config.h"
#include "plugin_cache/plugin_cache.h"
#include "repo/repo_view.h"

namespace assay::scan {

std::unique_ptr<plugin_cache::PluginCache> open_plugin_cache(const config::Config& config,
                                                             const repo::RepoView& repo) {
  const std::string setting = config.scan_plugin_cache();
  if (setting.empty()) return nullptr;
  const std::filesystem::path file(setting);
  return plugin_cache::PluginCache::open(
      (file.is_absolute() ? file : std::filesystem::path(repo.root()) / file).lexically_normal());
}

void close_plugin_cache(plugin_cache::PluginCache* cache, const std::vector<ScannerEnd>& ends) {
  if (!cache) return;
  for (const ScannerEnd& end : ends) cache->finish(end.name, end.complete);
  cache->save();
}

}  // namespace assay::scan
