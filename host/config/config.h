// The host's configuration: the embedded default (config/assay.yaml) with an
// optional user's file merged over it, validated against JSON Schemas so that
// every mistake is reported with its file, line and column.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "config/diagnostic.h"

namespace YAML {
class Node;
}

namespace assay::config {

// What a loaded plugin declares about its configuration section.
struct PluginSchema {
  std::string name;         // the plugin's name, which names its section plugins.<name>
  std::string schema_json;  // JSON Schema text; empty when the plugin declares none (any keys)
};

// Immutable and cheap to copy; safe to read from several threads.
class Config {
 public:
  // The embedded default configuration alone.
  static Config defaults();

  // The default with `user_file` merged over it. The user's file (before
  // merging) must be UTF-8 and is validated against `host_schema`
  // (base_host_schema(), possibly extended); throws ConfigError with every
  // problem of the file, or with one naming the file when it cannot be read.
  // Plugin sections are only checked to be mappings here: check_plugins
  // checks them once the plugins are known.
  static Config load(const std::filesystem::path& user_file, const nlohmann::json& host_schema);

  // As load, but problems of the user's file are appended to `diagnostics`
  // (in file order) instead of thrown, so that a caller can check the plugin
  // sections too and report everything at once. The result is usable: a
  // section (or, within a mapping, an entry) that fails validation is left
  // out, so the default applies in its place; a top level that is not a
  // mapping leaves the defaults alone. Still throws ConfigError when the
  // file cannot be read or is not YAML (a syntax error), since nothing else
  // can be checked then.
  static Config load(const std::filesystem::path& user_file, const nlohmann::json& host_schema,
                     std::vector<Diagnostic>& diagnostics);

  // As load, for YAML text; `file_label` names it in diagnostics. Relative
  // plugin_paths stay relative.
  static Config parse(std::string_view yaml_text, const std::string& file_label,
                      const nlohmann::json& host_schema);
  static Config parse(std::string_view yaml_text, const std::string& file_label,
                      const nlohmann::json& host_schema, std::vector<Diagnostic>& diagnostics);

  // Problems of the plugin sections: keys under `plugins:` that name no
  // known plugin (with a suggestion), sections that violate their plugin's
  // schema, required keys absent after defaults (enabled plugins only), and
  // plugin schemas that are not valid JSON Schema. `enabled: true|false` is
  // allowed in every section. Empty when all is well.
  std::vector<Diagnostic> check_plugins(const std::vector<PluginSchema>& known) const;

  // The merged tree. Read it through const nodes: yaml-cpp's non-const
  // operator[] inserts keys.
  const YAML::Node& root() const;

  // plugins.<name>.enabled; true when absent. Throws ConfigError when the
  // value is not a boolean.
  bool plugin_enabled(const std::string& name) const;

  // The merged section plugins.<name> as JSON object text for the plugin:
  // scalars typed by the schema, schema defaults filled in for absent keys,
  // `enabled` removed; "{}" when there is no section. Text that is not UTF-8
  // (only possible after a non-throwing load reported it) is replaced with
  // U+FFFD rather than thrown on. Throws
  // std::invalid_argument naming the plugin when the schema is unusable.
  std::string plugin_config_json(const std::string& name, const std::string& schema_json) const;

  // plugin_paths; relative entries of a user's file are resolved against the
  // directory of that file.
  std::vector<std::string> plugin_paths() const;
  std::string log_level() const;   // trace, debug, info, warn, error, off
  std::string log_format() const;  // text, json
  int scan_threads() const;        // 0 = one per core
  std::vector<std::string> scan_exclude() const;
  // scan.plugin_cache: the plugin cache file as configured ("" = none),
  // relative to the repository root unless absolute.
  std::string scan_plugin_cache() const;
  std::vector<std::string> report_formats() const;
  int report_top() const;
  std::string maturity_level() const;  // nascent, developing, maturing, advanced

  // "built-in defaults" or "built-in defaults + /path/user.yaml".
  std::string source_description() const;

  // The user's file as named in diagnostics; empty when only defaults apply.
  const std::string& user_file() const;

  // Internal representation, defined in config_state.h.
  struct State;

 private:
  explicit Config(std::shared_ptr<const State> state);

  std::shared_ptr<const State> state_;
};

}  // namespace assay::config
