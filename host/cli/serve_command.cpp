#include <yaml-cpp/yaml.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "serve/serve_config.h"
#include "serve/service.h"

namespace po = boost::program_options;

namespace assay::cli {
namespace {

void print(const std::vector<config::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << d.to_string() << "\n";
}

// Everything `assay serve` checks in a configuration file, for the start and
// for each SIGHUP: the host sections, the plugin sections against the
// plugins already loaded, and the service sections.
std::optional<serve::ServiceConfig> load_service_config(const std::filesystem::path& file,
                                                        const loader::PluginLoader& loader,
                                                        std::vector<config::Diagnostic>& diagnostics) {
  std::optional<config::Config> loaded;
  try {
    loaded = config::Config::load(file, host_schema(), diagnostics);
  } catch (const config::ConfigError& e) {
    diagnostics.insert(diagnostics.end(), e.diagnostics.begin(), e.diagnostics.end());
    return std::nullopt;
  }
  check_host_rules(*loaded, file.string(), diagnostics);
  auto plugin_problems = check_plugin_sections(*loaded, loader);
  diagnostics.insert(diagnostics.end(), plugin_problems.begin(), plugin_problems.end());
  serve::ServeConfig serve = serve::read_serve_config(*loaded, scanner_names(loader), diagnostics);
  if (!diagnostics.empty()) {
    config::sort_by_position(diagnostics);
    return std::nullopt;
  }
  return serve::ServiceConfig{std::make_shared<const config::Config>(std::move(*loaded)), std::move(serve)};
}

}  // namespace

int serve_command(const Args& args) {
  po::options_description options("assay serve --config FILE [options]");
  options.add(global_options());
  auto parsed = parse_command("assay serve", args, options);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  GlobalOptions global = global_values(vm);
  if (!global.config_file) {
    std::cerr << "assay serve: --config FILE is required (the repositories to serve are configured there)\n";
    return kExitUsage;
  }
  auto app = start(global);
  if (!app) return kExitUsage;
  std::vector<config::Diagnostic> diagnostics;
  auto initial = load_service_config(*global.config_file, *app->loader, diagnostics);
  if (!initial) {
    print(diagnostics);
    return kExitUsage;
  }
  const loader::PluginLoader& loader = *app->loader;
  const std::filesystem::path file = *global.config_file;
  serve::Service service(loader, std::move(*initial),
                         [file, &loader](std::vector<config::Diagnostic>& problems) {
                           return load_service_config(file, loader, problems);
                         });
  try {
    return service.run();
  } catch (const std::exception& e) {
    std::cerr << "assay serve: " << e.what() << "\n";
    return kExitScanFailed;
  }
}

// `assay config check` of a file with service sections checks them too.
std::vector<config::Diagnostic> check_service_sections(const App& app) {
  std::vector<config::Diagnostic> diagnostics;
  if (app.config.root()["repositories"].IsDefined() || app.config.root()["service"].IsDefined())
    serve::read_serve_config(app.config, scanner_names(*app.loader), diagnostics);
  return diagnostics;
}

}  // namespace assay::cli
