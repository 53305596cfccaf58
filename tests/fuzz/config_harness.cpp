// Fuzzing of the configuration: YAML text through the whole path a user's
// file takes, from parsing to the sections the plugins and the scoring model
// receive.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/host_schema.h"
#include "config/json_schema_validator.h"
#include "config/yaml_json.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "markers_config.h"
#include "scoring/config_schema.h"
#include "scoring/model.h"

namespace assay::fuzz {
namespace {

// The schema `assay` itself validates with (cli::host_schema()).
const nlohmann::json& host_schema() {
  static const nlohmann::json schema = [] {
    nlohmann::json s = config::base_host_schema();
    s["properties"]["scoring"] = scoring::config_schema();
    return s;
  }();
  return schema;
}

// The markers scanner with its real schema, and the reporters, whose schemas
// live inside their modules, as plugins that declare none.
const std::vector<config::PluginSchema>& known_plugins() {
  static const std::vector<config::PluginSchema> plugins = {
      {"markers", markers::markers_config_schema()}, {"json", ""}, {"markdown", ""}};
  return plugins;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void check_diagnostics(const std::vector<config::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    ASSAY_FUZZ_CHECK(d.line >= 0 && d.column >= 0, "diagnostic positions are 1-based or 0");
    ASSAY_FUZZ_CHECK(!d.message.empty(), "a diagnostic says what is wrong");
    ASSAY_FUZZ_CHECK(!d.to_string().empty(), "a diagnostic prints");
  }
}

// The accessors of a configuration that passed validation: none may throw.
void read_host_sections(const config::Config& config) {
  ASSAY_FUZZ_CHECK(contains(config::log_level_names(), config.log_level()),
                   "log level is one of the schema's");
  const std::string format = config.log_format();
  ASSAY_FUZZ_CHECK(format == "text" || format == "json", "log format is text or json");
  ASSAY_FUZZ_CHECK(config.scan_threads() >= 0, "scan threads are 0 or more");
  ASSAY_FUZZ_CHECK(contains(config::maturity_level_names(), config.maturity_level()),
                   "maturity level is one of the schema's");
  config.plugin_paths();
  config.scan_exclude();
  config.report_formats();
  config.report_top();
  ASSAY_FUZZ_CHECK(!config.source_description().empty(), "the configuration names its source");
}

// What the plugins receive. False when a plugin would refuse its section.
bool read_plugin_sections(const config::Config& config) {
  bool usable = true;
  for (const auto& plugin : known_plugins()) {
    config.plugin_enabled(plugin.name);
    const std::string text = config.plugin_config_json(plugin.name, plugin.schema_json);
    const auto section = nlohmann::json::parse(text, nullptr, false);
    ASSAY_FUZZ_CHECK(!section.is_discarded() && section.is_object(), "a plugin section is a JSON object");
    if (plugin.name != "markers") continue;
    try {
      markers::MarkersConfig::parse(text);
    } catch (const std::runtime_error&) {
      usable = false;
    }
  }
  return usable;
}

bool build_scoring_model(const config::Config& config) {
  const YAML::Node& root = config.root();
  try {
    scoring::Model::from_yaml(root["scoring"], config.maturity_level());
    return true;
  } catch (const std::invalid_argument&) {
    return false;
  }
}

// validate_yaml and yaml_to_json of the whole document against a plugin
// schema, the way a plugin section is checked and converted.
void check_as_plugin_section(std::string_view input) {
  YAML::Node node;
  try {
    node = YAML::Load(std::string(input));
  } catch (const YAML::Exception&) {
    return;
  }
  static const nlohmann::json schema = nlohmann::json::parse(markers::markers_config_schema());
  config::ValidationOptions options;
  options.file = "fuzz.yaml";
  options.path = "plugins.markers";
  check_diagnostics(config::validate_yaml(node, schema, options));
  nlohmann::json value = config::yaml_to_json(node, schema);
  config::apply_defaults(value, schema);
  value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Verdict run_config(std::string_view input) {
  check_as_plugin_section(input);
  std::optional<config::Config> config;
  try {
    config = config::Config::parse(input, "fuzz.yaml", host_schema());
  } catch (const config::ConfigError& e) {
    ASSAY_FUZZ_CHECK(!e.diagnostics.empty(), "a configuration error names at least one problem");
    check_diagnostics(e.diagnostics);
    return Verdict::rejected;
  }
  read_host_sections(*config);
  const auto problems = config->check_plugins(known_plugins());
  check_diagnostics(problems);
  if (!problems.empty()) return Verdict::rejected;
  const bool plugins_usable = read_plugin_sections(*config);
  const bool model_usable = build_scoring_model(*config);
  return plugins_usable && model_usable ? Verdict::accepted : Verdict::rejected;
}

}  // namespace assay::fuzz
