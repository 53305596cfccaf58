#include "plugin_cache/plugin_cache.h"

#include <exception>

#include "log/log.h"
#include "plugin_cache/cache_file.h"

namespace assay::plugin_cache {

std::unique_ptr<PluginCache> PluginCache::open(const std::filesystem::path& file) {
  std::unique_ptr<PluginCache> cache(new PluginCache(file));
  ReadResult read = read_cache_file(file);
  if (!read.problem.empty()) {
    log::write(log::Level::warn, "host", read.problem);
    cache->changed_ = true;  // rewrite it whole
  }
  for (auto& [name, stored] : read.scanners) {
    Scanner& scanner = cache->scanners_[name];
    scanner.version = std::move(stored.version);
    scanner.stored = std::move(stored.entries);
  }
  return cache;
}

ScannerEntries& PluginCache::scanner(const std::string& name, const std::string& version) {
  std::lock_guard lock(mutex_);
  Scanner& scanner = scanners_[name];
  if (!scanner.entries) {
    if (scanner.version != version && !scanner.stored.empty()) {
      log::write(log::Level::debug, "host",
                 "plugin cache: " + std::to_string(scanner.stored.size()) + " entries of '" + name + "' " +
                     scanner.version + " dropped for version " + version);
      scanner.stored.clear();
      changed_ = true;
    }
    scanner.version = version;
    scanner.entries = std::make_unique<ScannerEntries>(std::move(scanner.stored));
    scanner.stored.clear();
  }
  return *scanner.entries;
}

void PluginCache::finish(const std::string& name, bool complete) {
  std::lock_guard lock(mutex_);
  auto it = scanners_.find(name);
  if (it == scanners_.end() || !it->second.entries) return;
  ScannerEntries& entries = *it->second.entries;
  if (complete) entries.keep_used_only();
  log::write(log::Level::debug, "host",
             "plugin cache of '" + name + "': " + std::to_string(entries.hits()) + " hits, " +
                 std::to_string(entries.misses()) + " misses, " + std::to_string(entries.puts()) + " puts");
}

void PluginCache::save() {
  std::lock_guard lock(mutex_);
  bool changed = changed_;
  StoredCache stored;
  for (auto& [name, scanner] : scanners_) {
    StoredScanner& out = stored[name];
    out.version = scanner.version;
    if (scanner.entries) {
      changed |= scanner.entries->changed();
      out.entries = scanner.entries->entries();
    } else {
      out.entries = scanner.stored;
    }
    if (out.entries.empty()) stored.erase(name);
  }
  if (!changed) return;
  try {
    write_cache_file(file_, stored);
    changed_ = false;
  } catch (const std::exception& e) {
    log::write(log::Level::warn, "host", e.what());
  }
}

}  // namespace assay::plugin_cache
