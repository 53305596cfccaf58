#include "config/config.h"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/config_state.h"
#include "config/default_config.h"
#include "config/json_schema_validator.h"
#include "config/schema_keywords.h"
#include "config/yaml_merge.h"
#include "config/yaml_scalar.h"

namespace assay::config {

Entry find_entry(const YAML::Node& node, const std::string& key) {
  if (!node.IsDefined() || !node.IsMap()) return {};
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) return {it->first, it->second};
  }
  return {};
}

YAML::Node find_path(const YAML::Node& node, std::initializer_list<std::string> keys) {
  YAML::Node current = node;
  for (const auto& key : keys) {
    // reset, not assignment: assigning to a yaml-cpp node overwrites the node
    // it refers to, which would rewrite the configuration tree itself.
    current.reset(find_entry(current, key).value);
    if (!current.IsDefined()) break;
  }
  return current;
}

Diagnostic located(const std::string& file, const YAML::Mark& mark, std::string message) {
  Diagnostic diagnostic;
  diagnostic.file = file;
  if (!mark.is_null()) {
    diagnostic.line = mark.line + 1;
    diagnostic.column = mark.column + 1;
  }
  diagnostic.message = std::move(message);
  return diagnostic;
}

namespace {

// The one document of a YAML text; Null for an empty file. Syntax errors and
// extra documents are added to `diagnostics`.
YAML::Node parse_document(std::string_view text, const std::string& label,
                          std::vector<Diagnostic>& diagnostics) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::ParserException& error) {
    diagnostics.push_back(located(label, error.mark, "YAML syntax error: " + error.msg));
    return YAML::Node();
  }
  if (documents.size() > 1) {
    diagnostics.push_back(
        located(label, documents[1].Mark(), "only one YAML document is allowed; a second one starts here"));
  }
  return documents.empty() ? YAML::Node() : documents.front();
}

std::string section_names(const nlohmann::json& host_schema) {
  std::string names;
  if (auto properties = host_schema.find("properties"); properties != host_schema.end()) {
    for (const auto& [name, unused] : properties->items()) names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

std::vector<Diagnostic> check_user_document(const YAML::Node& user, const std::string& label,
                                            const nlohmann::json& host_schema) {
  if (user.IsNull()) return {};  // an empty file changes nothing
  if (!user.IsMap()) {
    return {located(label, user.Mark(),
                    "the top level must be a mapping of sections (" + section_names(host_schema) + "), got " +
                        describe(user))};
  }
  ValidationOptions options;
  options.file = label;
  options.check_required = false;
  return validate_yaml(user, host_schema, options);
}

YAML::Node parse_defaults() {
  std::vector<Diagnostic> diagnostics;
  YAML::Node defaults = parse_document(default_config_text(), std::string(kDefaultConfigLabel), diagnostics);
  if (!diagnostics.empty()) throw ConfigError(std::move(diagnostics));
  return defaults;
}

std::string read_file(const std::filesystem::path& file) {
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) {
    throw ConfigError({Diagnostic{file.string(), 0, 0, "is a directory, not a configuration file"}});
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw ConfigError({Diagnostic{
        file.string(), 0, 0, std::string("cannot read the configuration file: ") + std::strerror(errno)}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    throw ConfigError({Diagnostic{file.string(), 0, 0, "error while reading the configuration file"}});
  return text.str();
}

}  // namespace

Config::Config(std::shared_ptr<const State> state) : state_(std::move(state)) {}

Config Config::defaults() {
  auto state = std::make_shared<State>();
  state->defaults = parse_defaults();
  state->merged = state->defaults;
  return Config(std::move(state));
}

Config Config::parse(std::string_view yaml_text, const std::string& file_label,
                     const nlohmann::json& host_schema) {
  if (auto problems = schema_problems(host_schema); !problems.empty()) {
    throw std::invalid_argument("the host configuration schema is invalid: " + problems.front());
  }
  std::vector<Diagnostic> diagnostics;
  YAML::Node user = parse_document(yaml_text, file_label, diagnostics);
  if (diagnostics.empty()) diagnostics = check_user_document(user, file_label, host_schema);
  if (!diagnostics.empty()) {
    sort_by_position(diagnostics);
    throw ConfigError(std::move(diagnostics));
  }
  auto state = std::make_shared<State>();
  state->defaults = parse_defaults();
  state->user = user;
  state->merged = merge_yaml(state->defaults, user);
  state->user_label = file_label;
  return Config(std::move(state));
}

Config Config::load(const std::filesystem::path& user_file, const nlohmann::json& host_schema) {
  const std::string text = read_file(user_file);
  Config config = parse(text, user_file.string(), host_schema);
  auto state = std::make_shared<State>(*config.state_);
  state->user_dir = std::filesystem::absolute(user_file).parent_path();
  return Config(std::move(state));
}

const YAML::Node& Config::root() const { return state_->merged; }

const std::string& Config::user_file() const { return state_->user_label; }

std::string Config::source_description() const {
  std::string description = "built-in defaults";
  if (!state_->user_label.empty()) description += " + " + state_->user_label;
  return description;
}

namespace {

// Reads a host setting from the merged tree. Values were validated when the
// user's file was loaded; a wrong one here still gets a located error.
class SettingReader {
 public:
  explicit SettingReader(const Config::State& state) : state_(state) {}

  std::string text(std::initializer_list<std::string> path) const {
    const YAML::Node node = required(path);
    if (!node.IsScalar()) fail(path, node, "a string");
    return node.Scalar();
  }

  std::int64_t integer(std::initializer_list<std::string> path) const {
    const YAML::Node node = required(path);
    auto value = read_integer(node);
    if (!value) fail(path, node, "an integer");
    return *value;
  }

  std::vector<std::string> texts(std::initializer_list<std::string> path) const {
    const YAML::Node node = required(path);
    std::vector<std::string> values;
    if (node.IsNull()) return values;
    if (!node.IsSequence()) fail(path, node, "a list of strings");
    for (const auto& element : node) {
      if (!element.IsScalar()) fail(path, element, "a list of strings");
      values.push_back(element.Scalar());
    }
    return values;
  }

 private:
  const Config::State& state_;

  static std::string dotted(std::initializer_list<std::string> path) {
    std::string name;
    for (const auto& key : path) name += (name.empty() ? "" : ".") + key;
    return name;
  }

  YAML::Node required(std::initializer_list<std::string> path) const {
    YAML::Node node = find_path(state_.merged, path);
    if (!node.IsDefined()) {
      throw ConfigError({Diagnostic{std::string(kDefaultConfigLabel), 0, 0, dotted(path) + ": missing"}});
    }
    return node;
  }

  [[noreturn]] void fail(std::initializer_list<std::string> path, const YAML::Node& node,
                         const std::string& expected) const {
    const bool from_user = find_path(state_.user, path).IsDefined();
    const std::string file = from_user ? state_.user_label : std::string(kDefaultConfigLabel);
    throw ConfigError(
        {located(file, node.Mark(), dotted(path) + ": expected " + expected + ", got " + describe(node))});
  }
};

}  // namespace

std::vector<std::string> Config::plugin_paths() const {
  std::vector<std::string> paths = SettingReader(*state_).texts({"plugin_paths"});
  const bool from_user = find_path(state_->user, {"plugin_paths"}).IsDefined();
  if (!from_user || state_->user_dir.empty()) return paths;
  for (auto& path : paths) {
    const std::filesystem::path entry(path);
    if (entry.is_relative()) path = (state_->user_dir / entry).lexically_normal().string();
  }
  return paths;
}

std::string Config::log_level() const { return SettingReader(*state_).text({"log", "level"}); }

std::string Config::log_format() const { return SettingReader(*state_).text({"log", "format"}); }

int Config::scan_threads() const {
  return static_cast<int>(SettingReader(*state_).integer({"scan", "threads"}));
}

std::vector<std::string> Config::scan_exclude() const {
  return SettingReader(*state_).texts({"scan", "exclude"});
}

std::vector<std::string> Config::report_formats() const {
  return SettingReader(*state_).texts({"report", "formats"});
}

int Config::report_top() const { return static_cast<int>(SettingReader(*state_).integer({"report", "top"})); }

std::string Config::maturity_level() const { return SettingReader(*state_).text({"maturity", "level"}); }

}  // namespace assay::config
