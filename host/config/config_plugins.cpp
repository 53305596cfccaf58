// The plugin sections of Config: checked against the schemas the plugins
// declare, and handed to each plugin as JSON.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "config/config.h"
#include "config/config_state.h"
#include "config/default_config.h"
#include "config/did_you_mean.h"
#include "config/json_schema_validator.h"
#include "config/schema_keywords.h"
#include "config/yaml_json.h"
#include "config/yaml_scalar.h"

namespace assay::config {

namespace {

const char* const kEnabledDescription = "false turns the plugin off.";

// The plugin's schema, with `enabled` added, or the reasons it is unusable.
struct ParsedSchema {
  nlohmann::json schema;
  std::string problem;  // empty when usable
};

ParsedSchema parse_plugin_schema(const std::string& schema_json) {
  ParsedSchema parsed;
  if (schema_json.empty()) {
    parsed.schema = {{"type", "object"}};
  } else {
    try {
      parsed.schema = nlohmann::json::parse(schema_json);
    } catch (const nlohmann::json::parse_error& error) {
      parsed.problem = std::string("not valid JSON: ") + error.what();
      return parsed;
    }
  }
  if (!parsed.schema.is_object()) {
    parsed.problem = std::string("the schema must be a JSON object, got ") + parsed.schema.type_name();
    return parsed;
  }
  const auto types = schema_types(parsed.schema);
  if (!types.empty() && !types.contains("object")) {
    parsed.problem = "a plugin section is a mapping, but the schema's type does not allow an object";
    return parsed;
  }
  for (const auto& problem : schema_problems(parsed.schema)) {
    parsed.problem += (parsed.problem.empty() ? "" : "; ") + problem;
  }
  if (!parsed.problem.empty()) return parsed;
  auto& properties = parsed.schema["properties"];
  if (properties.is_null()) properties = nlohmann::json::object();
  if (!properties.contains("enabled")) {
    properties["enabled"] = {{"type", "boolean"}, {"description", kEnabledDescription}};
  }
  return parsed;
}

std::string section_path(const std::string& name) { return "plugins." + name; }

class PluginSectionChecker {
 public:
  PluginSectionChecker(const Config::State& state, const std::vector<PluginSchema>& known)
      : state_(state), known_(known) {}

  std::vector<Diagnostic> run() {
    report_unknown_plugins();
    for (const auto& plugin : known_) check_plugin(plugin);
    sort_by_position(diagnostics_);
    return std::move(diagnostics_);
  }

 private:
  const Config::State& state_;
  const std::vector<PluginSchema>& known_;
  std::vector<Diagnostic> diagnostics_;

  std::string user_file() const { return state_.user_label; }
  static std::string defaults_file() { return std::string(kDefaultConfigLabel); }

  void report_unknown_plugins() {
    const YAML::Node plugins = find_path(state_.user, {"plugins"});
    if (!plugins.IsDefined() || !plugins.IsMap()) return;
    std::vector<std::string> names;
    for (const auto& plugin : known_) names.push_back(plugin.name);
    for (auto it = plugins.begin(); it != plugins.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string name = it->first.Scalar();
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      std::string message = "plugins: unknown plugin '" + name + "'";
      if (auto match = closest_match(name, names)) {
        message += " (did you mean '" + *match + "'?)";
      } else if (names.empty()) {
        message += " (no plugins are loaded)";
      } else {
        std::string listed;
        for (const auto& known : names) listed += (listed.empty() ? "" : ", ") + known;
        message += " (known plugins: " + listed + ")";
      }
      diagnostics_.push_back(located(user_file(), it->first.Mark(), message));
    }
  }

  // Where a message about the whole section of `name` points: the user's key,
  // else the default's key, else the start of the user's (or default) file.
  Diagnostic at_section(const std::string& name, std::string message) const {
    const Entry user = find_entry(find_path(state_.user, {"plugins"}), name);
    if (user.found()) return located(user_file(), user.key.Mark(), std::move(message));
    const Entry fallback = find_entry(find_path(state_.defaults, {"plugins"}), name);
    if (fallback.found()) return located(defaults_file(), fallback.key.Mark(), std::move(message));
    return Diagnostic{state_.user_label.empty() ? defaults_file() : user_file(), 0, 0, std::move(message)};
  }

  void check_plugin(const PluginSchema& plugin) {
    const ParsedSchema parsed = parse_plugin_schema(plugin.schema_json);
    if (!parsed.problem.empty()) {
      diagnostics_.push_back(at_section(
          plugin.name,
          "plugin '" + plugin.name + "' declares an invalid configuration schema: " + parsed.problem));
      return;
    }
    validate_section(state_.user, user_file(), plugin.name, parsed.schema);
    validate_section(state_.defaults, defaults_file(), plugin.name, parsed.schema);
    check_required(plugin.name, parsed.schema);
  }

  void validate_section(const YAML::Node& tree, const std::string& file, const std::string& name,
                        const nlohmann::json& schema) {
    const Entry section = find_entry(find_path(tree, {"plugins"}), name);
    if (!section.found()) return;
    ValidationOptions options;
    options.file = file;
    options.path = section_path(name);
    options.check_required = false;
    // A section left empty (null) is located at its key, like any empty value.
    const YAML::Node& node = section.value;
    std::vector<Diagnostic> found = validate_yaml(node, schema, options);
    for (auto& diagnostic : found) {
      if (diagnostic.line == 0 && !section.key.Mark().is_null()) {
        diagnostic.line = section.key.Mark().line + 1;
        diagnostic.column = section.key.Mark().column + 1;
      }
      diagnostics_.push_back(std::move(diagnostic));
    }
  }

  void check_required(const std::string& name, const nlohmann::json& schema) {
    const YAML::Node section = find_path(state_.merged, {"plugins", name});
    const YAML::Node enabled = find_entry(section, "enabled").value;
    if (enabled.IsDefined() && read_boolean(enabled) == false) return;
    nlohmann::json value = section.IsDefined() ? yaml_to_json(section, schema) : nlohmann::json::object();
    if (value.is_null()) value = nlohmann::json::object();
    apply_defaults(value, schema);
    for (auto& message : missing_required(value, schema, section_path(name))) {
      diagnostics_.push_back(at_section(name, std::move(message)));
    }
  }
};

}  // namespace

std::vector<Diagnostic> Config::check_plugins(const std::vector<PluginSchema>& known) const {
  return PluginSectionChecker(*state_, known).run();
}

bool Config::plugin_enabled(const std::string& name) const {
  const YAML::Node enabled = find_path(state_->merged, {"plugins", name, "enabled"});
  if (!enabled.IsDefined() || enabled.IsNull()) return true;
  if (auto value = read_boolean(enabled)) return *value;
  const bool from_user = find_path(state_->user, {"plugins", name, "enabled"}).IsDefined();
  const std::string file = from_user ? state_->user_label : std::string(kDefaultConfigLabel);
  throw ConfigError({located(file, enabled.Mark(),
                             section_path(name) + ".enabled: expected a boolean, got " + describe(enabled))});
}

std::string Config::plugin_config_json(const std::string& name, const std::string& schema_json) const {
  const ParsedSchema parsed = parse_plugin_schema(schema_json);
  if (!parsed.problem.empty()) {
    throw std::invalid_argument("plugin '" + name +
                                "' declares an invalid configuration schema: " + parsed.problem);
  }
  const YAML::Node section = find_path(state_->merged, {"plugins", name});
  nlohmann::json value =
      section.IsDefined() ? yaml_to_json(section, parsed.schema) : nlohmann::json::object();
  if (!value.is_object()) value = nlohmann::json::object();
  apply_defaults(value, parsed.schema);
  value.erase("enabled");
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace assay::config
