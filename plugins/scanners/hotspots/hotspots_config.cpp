#include "hotspots_config.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "syntax.h"

namespace assay::hotspots {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& key, const std::string& problem) {
  throw std::runtime_error("plugins.hotspots." + key + ": " + problem);
}

uint64_t whole_number(const json& j, const std::string& key, uint64_t minimum, uint64_t maximum) {
  if (!j.is_number_integer() || j.get<int64_t>() < static_cast<int64_t>(minimum) ||
      j.get<uint64_t>() > maximum)
    fail(key, "must be a whole number from " + std::to_string(minimum) + " to " + std::to_string(maximum) +
                  ", got " + j.dump());
  return j.get<uint64_t>();
}

std::string known_language_list() {
  std::string list;
  for (std::string_view id : markers::known_languages()) {
    if (!list.empty()) list += ", ";
    list += id;
  }
  return list;
}

std::vector<std::string> language_list(const json& j, const std::string& key) {
  if (!j.is_array()) fail(key, "must be a list of language ids, got " + j.dump());
  std::vector<std::string> languages;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string at = key + "[" + std::to_string(i) + "]";
    if (!j[i].is_string()) fail(at, "must be a language id (text), got " + j[i].dump());
    const std::string id = j[i].get<std::string>();
    if (markers::find_syntax(id) == nullptr)
      fail(at, "\"" + id + "\" is not a language the lexer knows (known: " + known_language_list() + ")");
    languages.push_back(id);
  }
  return languages;
}

}  // namespace

std::vector<std::string> HotspotsConfig::default_skip_languages() {
  return {"markdown", "rst", "tex", "json", "yaml", "toml", "ini", "xml"};
}

bool HotspotsConfig::skips(std::string_view language) const {
  return std::find(skip_languages.begin(), skip_languages.end(), language) != skip_languages.end();
}

HotspotsConfig HotspotsConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string("plugins.hotspots: configuration is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw std::runtime_error("plugins.hotspots: must be an object, got " + j.dump());
  HotspotsConfig config;
  for (const auto& [key, value] : j.items()) {
    if (key == "enabled") {
      if (!value.is_boolean()) fail(key, "must be true or false, got " + value.dump());
    } else if (key == "top_share") {
      if (!value.is_number() || !(value.get<double>() > 0 && value.get<double>() <= 1))
        fail(key, "must be a number greater than 0 and at most 1, got " + value.dump());
      config.top_share = value.get<double>();
    } else if (key == "max_findings") {
      config.max_findings = static_cast<uint32_t>(whole_number(value, key, 1, 10000));
    } else if (key == "min_commits") {
      config.min_commits = static_cast<uint32_t>(whole_number(value, key, 1, 1000000));
    } else if (key == "max_file_size") {
      config.max_file_size = whole_number(value, key, 1, uint64_t{1} << 32);
    } else if (key == "skip_languages") {
      config.skip_languages = language_list(value, key);
    } else {
      fail(key,
           "unknown key (expected enabled, top_share, max_findings, min_commits, max_file_size, "
           "skip_languages)");
    }
  }
  return config;
}

const char* hotspots_config_schema() {
  return R"json({
  "type": "object",
  "description": "Hotspots scanner: files that change often and are complex (change frequency x indentation complexity).",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "top_share": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.05,
                  "description": "Share of the candidate files reported as hotspots, highest score first (at least one)."},
    "max_findings": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 20,
                     "description": "At most this many hotspot findings per scan."},
    "min_commits": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 10,
                    "description": "Files changed fewer times in the history window are not candidates."},
    "max_file_size": {"type": "integer", "minimum": 1, "maximum": 4294967296, "default": 1048576,
                      "description": "Files larger than this many bytes are not analysed."},
    "skip_languages": {"type": "array", "items": {"type": "string"},
                       "default": ["markdown", "rst", "tex", "json", "yaml", "toml", "ini", "xml"],
                       "description": "Language ids whose files are no candidates (prose and data formats by default); each must be a language the lexer knows. A list here replaces the default one."}
  }
})json";
}

}  // namespace assay::hotspots
