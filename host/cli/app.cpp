#include "cli/app.h"

#include <yaml-cpp/yaml.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "config/host_schema.h"
#include "log/log.h"
#include "scan/scan_target.h"
#include "scan/state_settings.h"
#include "scoring/config_schema.h"
#include "scoring/model.h"
#include "serve/serve_schema.h"

namespace assay::cli {
namespace {

void print(const std::vector<config::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << d.to_string() << "\n";
}

}  // namespace

nlohmann::json host_schema() {
  nlohmann::json schema = config::base_host_schema();
  schema["properties"]["scoring"] = scoring::config_schema();
  serve::add_serve_schema(schema);
  return schema;
}

void check_host_rules(const config::Config& config, const std::string& label,
                      std::vector<config::Diagnostic>& diagnostics) {
  // The schema cannot express every rule of the scoring model (weights that
  // sum to 1, tables that rise): build the model once so a configuration that
  // passes the schema but not the model is a configuration error too.
  try {
    scoring::Model::from_yaml(config.root()["scoring"], config.maturity_level());
  } catch (const std::invalid_argument& e) {
    diagnostics.push_back({label, 0, 0, e.what()});
  }
  // Likewise for the state settings' rules across fields (retention).
  try {
    scan::state_settings(config);
  } catch (const std::invalid_argument& e) {
    diagnostics.push_back({label, 0, 0, e.what()});
  }
}

std::vector<std::string> scanner_names(const loader::PluginLoader& loader) {
  std::vector<std::string> names;
  for (const auto& plugin : loader.plugins())
    if (plugin->info().kind == ASSAY_KIND_SCANNER) names.push_back(plugin->info().name);
  return names;
}

std::vector<config::Diagnostic> check_plugin_sections(const config::Config& config,
                                                      const loader::PluginLoader& loader) {
  std::vector<config::PluginSchema> schemas;
  for (const auto& plugin : loader.plugins())
    schemas.push_back({plugin->info().name, plugin->info().schema_json});
  return config.check_plugins(schemas);
}

std::optional<App> start(const GlobalOptions& options,
                         const std::function<void(const config::Config&)>& before_plugins) {
  // Host-section problems are collected, not thrown, so that the plugin
  // sections (known only once plugins are loaded) are checked in the same
  // run and every mistake of the file is reported at once.
  std::vector<config::Diagnostic> diagnostics;
  std::optional<config::Config> loaded;
  try {
    loaded = options.config_file ? config::Config::load(*options.config_file, host_schema(), diagnostics)
                                 : config::Config::defaults();
  } catch (const config::ConfigError& e) {
    print(e.diagnostics);
    if (e.diagnostics.empty()) std::cerr << "assay: " << e.what() << "\n";
    return std::nullopt;
  }
  App app{std::move(*loaded), nullptr};
  check_host_rules(app.config, options.config_file ? options.config_file->string() : "built-in defaults",
                   diagnostics);
  try {
    log::setup(options.log_level.value_or(app.config.log_level()),
               options.log_format.value_or(app.config.log_format()));
  } catch (const std::invalid_argument& e) {
    std::cerr << "assay: " << e.what() << "\n";
    return std::nullopt;
  }

  if (before_plugins) before_plugins(app.config);
  app.loader = std::make_unique<loader::PluginLoader>(
      scan::scan_functions(),
      [](assay_log_level level, const std::string& plugin, const std::string& message) {
        log::write(log::from_plugin_level(level), plugin, message);
      });
  // Explicit files load first: they take precedence over the search path.
  std::vector<std::filesystem::path> configured_dirs;
  for (const auto& dir : app.config.plugin_paths()) configured_dirs.emplace_back(dir);
  app.loader->load_all(options.plugin_files, configured_dirs);
  for (const auto& error : app.loader->errors()) log::write(log::Level::error, "loader", error.message);

  auto plugin_diagnostics = check_plugin_sections(app.config, *app.loader);
  diagnostics.insert(diagnostics.end(), plugin_diagnostics.begin(), plugin_diagnostics.end());
  if (!diagnostics.empty()) {
    config::sort_by_position(diagnostics);
    print(diagnostics);
    return std::nullopt;
  }
  return app;
}

}  // namespace assay::cli
