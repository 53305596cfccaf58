// What every command needs from the process: the configuration in force and
// the plugins found, set up the same way for scan, plugins list and config
// check so they can never disagree about which plugins exist.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "loader/plugin_loader.h"

namespace assay::cli {

// Exit codes of the assay command.
enum ExitCode { kExitOk = 0, kExitUsage = 2, kExitScanFailed = 3 };

struct GlobalOptions {
  std::optional<std::filesystem::path> config_file;
  std::vector<std::filesystem::path> plugin_files;
  std::optional<std::string> log_level;
  std::optional<std::string> log_format;
};

struct App {
  config::Config config;
  std::unique_ptr<loader::PluginLoader> loader;
};

// Loads the configuration (built-in defaults, merged with the user's file),
// sets up logging, loads every plugin on the search path and validates the
// plugin sections. Prints every diagnostic and returns nullopt on a
// configuration error. `before_plugins`, when given, is called once the
// configuration is loaded and logging set up, before the plugins load, with
// the configuration in force (assay scan starts opening its target then).
std::optional<App> start(const GlobalOptions& options,
                         const std::function<void(const config::Config&)>& before_plugins = {});

// Rules of the host sections a schema cannot express (the scoring model's,
// the state retention's); problems are appended, labelled `label`.
void check_host_rules(const config::Config& config, const std::string& label,
                      std::vector<config::Diagnostic>& diagnostics);

// Problems of the plugin sections against the loaded plugins' schemas.
std::vector<config::Diagnostic> check_plugin_sections(const config::Config& config,
                                                      const loader::PluginLoader& loader);

// Names of the scanner plugins found.
std::vector<std::string> scanner_names(const loader::PluginLoader& loader);

// Problems of the service sections (repositories, service, bus) when the
// configuration has them; empty otherwise.
std::vector<config::Diagnostic> check_service_sections(const App& app);

// The JSON schema of the whole host configuration, scoring and the service
// sections included.
nlohmann::json host_schema();

}  // namespace assay::cli
