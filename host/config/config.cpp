#include "config/config.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "config/config_state.h"
#include "config/default_config.h"
#include "config/json_schema_validator.h"
#include "config/schema_keywords.h"
#include "config/utf8_check.h"
#include "config/valid_subset.h"
#include "config/yaml_merge.h"
#include "config/yaml_scalar.h"

namespace assay::config {

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

// Where the documents of a YAML stream start. yaml-cpp 0.7's LoadAll loops
// forever, allocating, on a stray top-level ',' ("[a],"): the parser yields
// empty documents without consuming the token (jbeder/yaml-cpp#1040). So the
// documents are counted with a handler that builds nothing, and only the
// first is loaded.
class DocumentStarts : public YAML::EventHandler {
 public:
  // Position of each document's root node, as YAML::Node::Mark() gives it.
  std::vector<YAML::Mark> marks;

  void OnDocumentStart(const YAML::Mark&) override { expecting_root_ = true; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
    node(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(mark);
  }
  void OnMapEnd() override {}

 private:
  void node(const YAML::Mark& mark) {
    if (expecting_root_) marks.push_back(mark);
    expecting_root_ = false;
  }

  bool expecting_root_ = false;
};

struct StreamShape {
  std::optional<YAML::Mark> second_document;
  std::optional<YAML::Mark> stuck_at;  // a token the parser cannot get past
};

StreamShape stream_shape(std::string_view text) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  DocumentStarts starts;
  StreamShape shape;
  // Three documents decide: a stuck parser starts each at the same place.
  for (int documents = 0; documents < 3 && parser.HandleNextDocument(starts); ++documents) {
    const auto& marks = starts.marks;
    if (marks.size() >= 2 && marks[marks.size() - 1].pos == marks[marks.size() - 2].pos) {
      shape.stuck_at = marks.back();
      return shape;
    }
  }
  if (starts.marks.size() >= 2) shape.second_document = starts.marks[1];
  return shape;
}

// The one document of a YAML text; Null for an empty file. Throws ConfigError
// for a syntax error, with `diagnostics` found so far: nothing after it can
// be checked. An extra document is added to `diagnostics` and ignored.
YAML::Node parse_document(std::string_view text, const std::string& label,
                          std::vector<Diagnostic>& diagnostics) {
  YAML::Node document;
  try {
    const StreamShape shape = stream_shape(text);
    if (shape.stuck_at) {
      diagnostics.push_back(located(label, *shape.stuck_at, "YAML syntax error: unexpected text here"));
      sort_by_position(diagnostics);
      throw ConfigError(std::move(diagnostics));
    }
    document = YAML::Load(std::string(text));
    if (shape.second_document) {
      diagnostics.push_back(located(label, *shape.second_document,
                                    "only one YAML document is allowed; a second one starts here"));
    }
  } catch (const YAML::ParserException& error) {
    diagnostics.push_back(located(label, error.mark, "YAML syntax error: " + error.msg));
    sort_by_position(diagnostics);
    throw ConfigError(std::move(diagnostics));
  }
  return document;
}

void check_encoding(std::string_view text, const std::string& label, std::vector<Diagnostic>& diagnostics) {
  const auto invalid = first_invalid_utf8(text);
  if (!invalid) return;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[invalid->offset]));
  diagnostics.push_back(
      Diagnostic{label, invalid->line, invalid->column,
                 std::string("invalid UTF-8 (byte ") + byte + "); the configuration must be UTF-8 text"});
}

std::string section_names(const nlohmann::json& host_schema) {
  std::string names;
  if (auto properties = host_schema.find("properties"); properties != host_schema.end()) {
    for (const auto& [name, unused] : properties->items()) names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

// The user's document as far as it is valid: problems are added to
// `diagnostics` and the sections they are in left to the defaults.
YAML::Node check_user_document(const YAML::Node& user, const std::string& label,
                               const nlohmann::json& host_schema, std::vector<Diagnostic>& diagnostics) {
  if (user.IsNull()) return user;  // an empty file changes nothing
  if (!user.IsMap()) {
    diagnostics.push_back(located(label, user.Mark(),
                                  "the top level must be a mapping of sections (" +
                                      section_names(host_schema) + "), got " + describe(user)));
    return YAML::Node(YAML::NodeType::Null);
  }
  ValidationOptions options;
  options.file = label;
  options.check_required = false;
  std::vector<Diagnostic> found = validate_yaml(user, host_schema, options);
  if (found.empty()) return user;
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                     std::make_move_iterator(found.end()));
  return valid_subset(user, host_schema);
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
  std::vector<Diagnostic> diagnostics;
  Config config = parse(yaml_text, file_label, host_schema, diagnostics);
  if (!diagnostics.empty()) throw ConfigError(std::move(diagnostics));
  return config;
}

Config Config::parse(std::string_view yaml_text, const std::string& file_label,
                     const nlohmann::json& host_schema, std::vector<Diagnostic>& diagnostics) {
  if (auto problems = schema_problems(host_schema); !problems.empty()) {
    throw std::invalid_argument("the host configuration schema is invalid: " + problems.front());
  }
  std::vector<Diagnostic> found;
  check_encoding(yaml_text, file_label, found);
  const YAML::Node document = parse_document(yaml_text, file_label, found);
  const YAML::Node user = check_user_document(document, file_label, host_schema, found);
  sort_by_position(found);
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                     std::make_move_iterator(found.end()));

  auto state = std::make_shared<State>();
  state->defaults = parse_defaults();
  state->user = user;
  state->merged = merge_yaml(state->defaults, user);
  state->user_label = file_label;
  return Config(std::move(state));
}

Config Config::load(const std::filesystem::path& user_file, const nlohmann::json& host_schema) {
  std::vector<Diagnostic> diagnostics;
  Config config = load(user_file, host_schema, diagnostics);
  if (!diagnostics.empty()) throw ConfigError(std::move(diagnostics));
  return config;
}

Config Config::load(const std::filesystem::path& user_file, const nlohmann::json& host_schema,
                    std::vector<Diagnostic>& diagnostics) {
  const std::string text = read_file(user_file);
  Config config = parse(text, user_file.string(), host_schema, diagnostics);
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

std::string Config::scan_plugin_cache() const {
  return SettingReader(*state_).text({"scan", "plugin_cache"});
}

std::vector<std::string> Config::report_formats() const {
  return SettingReader(*state_).texts({"report", "formats"});
}

int Config::report_top() const { return static_cast<int>(SettingReader(*state_).integer({"report", "top"})); }

std::string Config::maturity_level() const { return SettingReader(*state_).text({"maturity", "level"}); }

}  // namespace assay::config
