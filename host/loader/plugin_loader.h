// Finds, loads and checks plugins (DESIGN.md rules 1-4, 9, 10). Every way a
// shared object can be wrong becomes one LoadError line; nothing a plugin
// does at load time can crash or abort the host short of crashing itself.
//
// Typical use:
//   PluginLoader loader(scan_functions, log);
//   loader.load_all(command_line_plugins, config.plugin_paths);
//   for (const auto& e : loader.errors()) print(e.message);
//
// Not thread-safe: load on one thread, then share the loaded plugins.
#pragma once

#include <assay/plugin.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "loader/delivery_hook.h"
#include "loader/loaded_plugin.h"
#include "loader/log_callback.h"
#include "loader/plugin_info.h"

namespace assay::loader {

struct LoadError {
  std::filesystem::path path;  // the file (or directory) at fault
  std::string message;         // the full line; starts with path
};

class PluginLoader {
 public:
  // `scan_functions` supplies the scan part of the host API (file_count …
  // scan_commit, see HostBinding); its other fields are ignored. `log`
  // receives plugins' log lines and the loader's own; empty = log_to_stderr.
  explicit PluginLoader(const assay_host_api& scan_functions = {}, LogCallback log = {});
  ~PluginLoader();
  PluginLoader(const PluginLoader&) = delete;
  PluginLoader& operator=(const PluginLoader&) = delete;

  // ../lib/assay/plugins beside the binary, then the install directory.
  std::vector<std::filesystem::path> default_search_dirs() const;

  // The whole search in precedence order: explicit files (--plugin) first so
  // they win over a directory plugin of the same name, then the default
  // directories (missing ones skipped quietly), then the configured
  // plugin_paths (missing ones warned about).
  void load_all(const std::vector<std::filesystem::path>& explicit_files,
                const std::vector<std::filesystem::path>& configured_dirs);

  // Loads every *.so in `dir`, sorted by name. A missing directory is logged
  // (warning if `warn_if_missing`, else debug) and is not an error.
  void load_directory(const std::filesystem::path& dir, bool warn_if_missing);

  // Loads one explicitly named shared object. Its name then takes precedence
  // over a same-named plugin found later in a directory.
  void load_file(const std::filesystem::path& file);

  // In load order.
  const std::vector<std::unique_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
  const std::vector<LoadError>& errors() const { return errors_; }
  // nullptr when no plugin of that name was loaded.
  const LoadedPlugin* find(const std::string& name) const;

  // Where every plugin's deliver calls go (delivery_hook.h). Thread-safe, so
  // a scan may set it through a const loader.
  DeliveryHook& delivery() const { return *delivery_; }

 private:
  struct Retained;

  void load_shared_object(const std::filesystem::path& file, bool explicit_file);
  void initialise(const std::filesystem::path& file, assay_plugin_init_fn init, bool explicit_file);
  // Returns false (and records why) when the name is taken.
  bool claim_name(const PluginInfo& info, bool explicit_file);
  void fail(const std::filesystem::path& path, const std::string& reason);
  void log(assay_log_level level, const std::string& message) const;

  assay_host_api scan_functions_;
  std::shared_ptr<const LogCallback> log_;
  std::shared_ptr<DeliveryHook> delivery_ = std::make_shared<DeliveryHook>();
  std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
  std::vector<LoadError> errors_;
  std::set<std::filesystem::path> attempted_;  // canonical paths already tried
  std::unique_ptr<Retained> retained_;
};

}  // namespace assay::loader
