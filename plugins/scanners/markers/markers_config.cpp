#include "markers_config.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "syntax.h"

namespace assay::markers {
namespace {

using nlohmann::json;

constexpr std::string_view kSection = "plugins.markers";

constexpr std::array<std::string_view, 10> kCategories = {
    "security",      "dependency",     "technical-debt", "performance", "testing",
    "documentation", "infrastructure", "code-quality",   "compliance",  "feature"};
constexpr std::array<std::string_view, 5> kSeverities = {"info", "low", "medium", "high", "critical"};

// A tag added by configuration without its own values is ordinary debt.
constexpr std::string_view kDefaultTagCategory = "technical-debt";
constexpr std::string_view kDefaultTagSeverity = "low";
constexpr double kDefaultTagEffort = 1.0;

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error(std::string(kSection) + field + ": " + problem);
}

template <size_t N>
std::string joined(const std::array<std::string_view, N>& values) {
  std::string out;
  for (auto v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

std::string read_string(const json& j, const std::string& field) {
  if (!j.is_string()) fail(field, "must be a string, got " + j.dump());
  return j.get<std::string>();
}

template <size_t N>
std::string read_enum(const json& j, const std::string& field,
                      const std::array<std::string_view, N>& allowed) {
  std::string value = read_string(j, field);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
    fail(field, "'" + value + "' is not one of " + joined(allowed));
  return value;
}

// The shortest text that reads back as `value`: 4, 1.5, 12000.
std::string format_number(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

double read_number(const json& j, const std::string& field, double minimum, bool exclusive,
                   double maximum = std::numeric_limits<double>::max()) {
  if (!j.is_number()) fail(field, "must be a number, got " + j.dump());
  const double value = j.get<double>();
  if (exclusive ? value <= minimum : value < minimum)
    fail(field, "must be " + std::string(exclusive ? "greater than " : "at least ") + format_number(minimum) +
                    ", got " + j.dump());
  if (value > maximum) fail(field, "must be at most " + format_number(maximum) + ", got " + j.dump());
  return value;
}

void reject_unknown_keys(const json& object, const std::string& field,
                         std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) fail(field, "unknown key '" + key + "'");
  }
}

const json& require_object(const json& j, const std::string& field) {
  if (!j.is_object()) fail(field, "must be an object, got " + j.dump());
  return j;
}

const json& require_array(const json& j, const std::string& field) {
  if (!j.is_array()) fail(field, "must be a list, got " + j.dump());
  return j;
}

std::string read_tag_name(const json& j, const std::string& field) {
  std::string tag = read_string(j, field);
  const bool valid = !tag.empty() && std::isalpha(static_cast<unsigned char>(tag.front())) &&
                     std::all_of(tag.begin(), tag.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                     });
  if (!valid) fail(field, "'" + tag + "' is not a tag: use letters, digits and '_', starting with a letter");
  std::transform(tag.begin(), tag.end(), tag.begin(),
                 [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
  return tag;
}

std::vector<TagRule> default_tag_rules() {
  return {{"TODO", "technical-debt", "low", 2},    {"FIXME", "technical-debt", "medium", 4},
          {"HACK", "technical-debt", "medium", 3}, {"XXX", "technical-debt", "medium", 2},
          {"BUG", "code-quality", "high", 4},      {"DEPRECATED", "technical-debt", "low", 3},
          {"OPTIMIZE", "performance", "low", 4}};
}

// A tag given by name alone: a default tag keeps its built-in rule.
TagRule tag_rule_by_name(const json& j, const std::string& field) {
  std::string tag = read_tag_name(j, field);
  for (auto& rule : default_tag_rules()) {
    if (rule.tag == tag) return rule;
  }
  return TagRule{std::move(tag), std::string(kDefaultTagCategory), std::string(kDefaultTagSeverity),
                 kDefaultTagEffort};
}

TagRule read_tag_rule(const json& j, const std::string& field) {
  if (j.is_string()) return tag_rule_by_name(j, field);
  if (!j.is_object()) fail(field, "must be a tag name or a mapping with 'tag', got " + j.dump());
  reject_unknown_keys(j, field, {"tag", "category", "severity", "effort_hours"});
  if (!j.contains("tag")) fail(field, "missing required key 'tag'");
  TagRule rule{read_tag_name(j["tag"], field + ".tag"), std::string(kDefaultTagCategory),
               std::string(kDefaultTagSeverity), kDefaultTagEffort};
  if (j.contains("category")) rule.category = read_enum(j["category"], field + ".category", kCategories);
  if (j.contains("severity")) rule.severity = read_enum(j["severity"], field + ".severity", kSeverities);
  if (j.contains("effort_hours"))
    rule.effort_hours = read_number(j["effort_hours"], field + ".effort_hours", 0, false, kMaxEffortHours);
  return rule;
}

KeywordRule read_keyword_rule(const json& j, const std::string& field) {
  require_object(j, field);
  reject_unknown_keys(j, field, {"name", "words", "category", "severity", "effort_multiplier"});
  if (!j.contains("name")) fail(field, "missing required key 'name'");
  if (!j.contains("words")) fail(field, "missing required key 'words'");
  KeywordRule rule;
  rule.name = read_string(j["name"], field + ".name");
  const json& words = require_array(j["words"], field + ".words");
  if (words.empty()) fail(field + ".words", "must list at least one word");
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string word_field = field + ".words[" + std::to_string(i) + "]";
    std::string word = read_string(words[i], word_field);
    if (word.empty() || word == "*") fail(word_field, "must not be empty");
    rule.words.push_back(std::move(word));
  }
  if (j.contains("category")) rule.category = read_enum(j["category"], field + ".category", kCategories);
  if (j.contains("severity")) rule.severity = read_enum(j["severity"], field + ".severity", kSeverities);
  if (j.contains("effort_multiplier"))
    rule.effort_multiplier = read_number(j["effort_multiplier"], field + ".effort_multiplier", 0, true);
  return rule;
}

std::vector<TagRule> read_tags(const json& j) {
  const std::string field = ".tags";
  require_array(j, field);
  if (j.empty()) fail(field, "must list at least one tag");
  std::vector<TagRule> rules;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    TagRule rule = read_tag_rule(j[i], item);
    for (const auto& earlier : rules) {
      if (earlier.tag == rule.tag)
        fail(item + (j[i].is_object() ? ".tag" : ""), "'" + rule.tag + "' is listed twice");
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::vector<KeywordRule> read_keywords(const json& j) {
  require_array(j, ".keywords");
  std::vector<KeywordRule> rules;
  for (size_t i = 0; i < j.size(); ++i)
    rules.push_back(read_keyword_rule(j[i], ".keywords[" + std::to_string(i) + "]"));
  return rules;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return s;
}

std::map<std::string, std::string, std::less<>> read_languages(const json& j) {
  require_object(j, ".languages");
  std::map<std::string, std::string, std::less<>> map;
  for (const auto& [key, value] : j.items()) {
    const std::string field = ".languages." + key;
    std::string extension = lower(key);
    if (extension.starts_with('.')) extension.erase(0, 1);
    if (extension.empty() || extension.find_first_of("/.") != std::string::npos)
      fail(field, "'" + key + "' is not a file extension (write it as \"ext\" or \".ext\")");
    const std::string language = read_string(value, field);
    if (find_syntax(language) == nullptr) {
      std::string known;
      for (auto id : known_languages()) known += (known.empty() ? "" : ", ") + std::string(id);
      fail(field, "unknown language id '" + language + "'; known: " + known);
    }
    map[extension] = language;
  }
  return map;
}

// A keyword rule multiplies a tag's effort; the product must stay within what
// the host accepts, or every such marker would be refused. The error names
// the field the user wrote: the multiplier when keywords are configured,
// else the tag's effort_hours.
void check_effort_limit(const MarkersConfig& c, bool keywords_configured) {
  for (size_t k = 0; k < c.keywords.size(); ++k) {
    const KeywordRule& keyword = c.keywords[k];
    for (size_t t = 0; t < c.tags.size(); ++t) {
      const TagRule& tag = c.tags[t];
      const double effort = tag.effort_hours * keyword.effort_multiplier;
      if (effort <= kMaxEffortHours) continue;
      const std::string product = "tag " + tag.tag + "'s effort_hours " + format_number(tag.effort_hours) +
                                  " times the effort_multiplier " + format_number(keyword.effort_multiplier) +
                                  " of keyword rule '" + keyword.name + "' is " + format_number(effort) +
                                  " hours, more than the " + format_number(kMaxEffortHours) +
                                  " the host accepts in a finding";
      if (keywords_configured) fail(".keywords[" + std::to_string(k) + "].effort_multiplier", product);
      fail(".tags[" + std::to_string(t) + "].effort_hours", product);
    }
  }
}

}  // namespace

MarkersConfig MarkersConfig::defaults() {
  MarkersConfig c;
  c.tags = default_tag_rules();
  c.keywords = {
      {"security",
       {"security", "insecure", "vulnerab*", "injection", "xss", "csrf", "auth", "authn", "authz",
        "authentication", "authorization", "password*", "secret*", "credential*", "sanitiz*", "sanitis*"},
       "security",
       "high",
       1.5},
      {"reliability",
       {"leak*", "race", "races", "racy", "deadlock*", "overflow*", "underflow*", "crash*", "corrupt*",
        "segfault*", "use-after-free", "data loss"},
       "code-quality",
       "high",
       1.5},
      {"performance",
       {"slow*", "performance", "perf", "optimi*", "cache*", "caching", "O(n", "latency"},
       "performance",
       "",
       1.0},
      {"testing", {"test*", "coverage", "flaky"}, "testing", "", 1.0},
      {"documentation",
       {"doc", "docs", "documentation", "document", "readme", "docstring*"},
       "documentation",
       "",
       0.5},
      {"refactoring",
       {"refactor*", "cleanup", "clean up", "clean-up", "duplicat*"},
       "technical-debt",
       "",
       1.5}};
  return c;
}

MarkersConfig MarkersConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string(kSection) + ": configuration is not valid JSON: " + e.what());
  }
  if (!j.is_object()) fail("", "must be an object, got " + j.dump());
  reject_unknown_keys(j, "", {"enabled", "max_file_size", "origins", "tags", "keywords", "languages"});
  MarkersConfig c = defaults();
  if (j.contains("enabled") && !j["enabled"].is_boolean())
    fail(".enabled", "must be true or false, got " + j["enabled"].dump());
  if (j.contains("max_file_size")) {
    const json& v = j["max_file_size"];
    if (!v.is_number_integer() || v.get<int64_t>() < 1)
      fail(".max_file_size", "must be a positive whole number of bytes, got " + v.dump());
    c.max_file_size = v.get<uint64_t>();
  }
  if (j.contains("origins")) {
    if (!j["origins"].is_boolean()) fail(".origins", "must be true or false, got " + j["origins"].dump());
    c.origins = j["origins"].get<bool>();
  }
  if (j.contains("tags")) c.tags = read_tags(j["tags"]);
  if (j.contains("keywords")) c.keywords = read_keywords(j["keywords"]);
  if (j.contains("languages")) c.languages = read_languages(j["languages"]);
  check_effort_limit(c, j.contains("keywords"));
  return c;
}

const TagRule* MarkersConfig::rule_for(std::string_view tag) const {
  auto it = std::find_if(tags.begin(), tags.end(), [&](const TagRule& r) { return r.tag == tag; });
  return it == tags.end() ? nullptr : &*it;
}

std::vector<std::string> MarkersConfig::tag_names() const {
  std::vector<std::string> names;
  for (const auto& r : tags) names.push_back(r.tag);
  return names;
}

std::string_view MarkersConfig::language_for(std::string_view path, std::string_view host_language) const {
  if (!languages.empty()) {
    const size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot + 1 < name.size()) {
      auto it = languages.find(lower(std::string(name.substr(dot + 1))));
      if (it != languages.end()) return it->second;
    }
  }
  return host_language;
}

const char* markers_config_schema() {
  return R"json({
  "type": "object",
  "description": "Markers scanner: TODO/FIXME-style markers in comments of 50+ languages.",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 4194304,
                      "description": "Files larger than this many bytes are skipped."},
    "origins": {"type": "boolean", "default": true,
                "description": "Ask the host for the origin (commit, author, time) of each marker's line; its age feeds the score."},
    "languages": {"type": "object", "default": {},
                  "description": "File extension to language id, overriding the host's guess (e.g. {\"inc\": \"php\"})."},
    "tags": {
      "type": "array",
      "minItems": 1,
      "description": "Marker tags, matched as whole words: in upper case, or in any case directly before a colon. A bare name (TODO) takes the built-in rule of a default tag, else technical-debt, low, 1 hour.",
      "items": {
        "type": ["string", "object"],
        "pattern": "^[A-Za-z][A-Za-z0-9_]*$",
        "additionalProperties": false,
        "required": ["tag"],
        "properties": {
          "tag": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]*$", "description": "The tag, letters, digits and '_'."},
          "category": {"type": "string", "default": "technical-debt",
                       "enum": ["security", "dependency", "technical-debt", "performance", "testing", "documentation",
                                "infrastructure", "code-quality", "compliance", "feature"]},
          "severity": {"type": "string", "default": "low", "enum": ["info", "low", "medium", "high", "critical"]},
          "effort_hours": {"type": "number", "minimum": 0, "maximum": 10000, "default": 1}
        }
      }
    },
    "keywords": {
      "type": "array",
      "description": "Rules by words in a marker's text; the first rule with a matching word overrides category and severity and multiplies the effort.",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["name", "words"],
        "properties": {
          "name": {"type": "string"},
          "words": {"type": "array", "items": {"type": "string"},
                    "description": "Whole words, case-insensitive; a trailing * also accepts longer words."},
          "category": {"type": "string",
                       "enum": ["security", "dependency", "technical-debt", "performance", "testing", "documentation",
                                "infrastructure", "code-quality", "compliance", "feature"]},
          "severity": {"type": "string", "enum": ["info", "low", "medium", "high", "critical"]},
          "effort_multiplier": {"type": "number", "exclusiveMinimum": 0, "default": 1,
                                "description": "Times the tag's effort_hours; the product may not exceed 10000."}
        }
      }
    }
  }
})json";
}

}  // namespace assay::markers
