// What every command needs from the process: the configuration in force and
// the plugins found, set up the same way for scan, plugins list and config
// check so they can never disagree about which plugins exist.
#pragma once

#include <filesystem>
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
// configuration error.
std::optional<App> start(const GlobalOptions& options);

// The JSON schema of the whole host configuration, scoring included.
nlohmann::json host_schema();

}  // namespace assay::cli
