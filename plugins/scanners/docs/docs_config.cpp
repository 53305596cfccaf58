#include "docs_config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace assay::docs {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error("plugins.docs" + field + ": " + problem);
}

bool read_bool(const json& value, const std::string& field) {
  if (!value.is_boolean()) fail(field, "must be true or false, got " + value.dump());
  return value.get<bool>();
}

}  // namespace

const std::vector<std::string>& DocsConfig::default_exclude() {
  static const std::vector<std::string> globs = {"vendor/",   "third_party/", "node_modules/", "tests/",
                                                 "test/",     "testdata/",    "fixtures/",     "examples/",
                                                 "internal/", "CHANGELOG*",   "**/.github/**"};
  return globs;
}

DocsConfig DocsConfig::defaults() {
  DocsConfig c;
  c.exclude = scanners::GlobList(default_exclude());
  return c;
}

DocsConfig DocsConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string("plugins.docs: configuration is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) fail("", "must be an object, got " + j.dump());
  DocsConfig c = defaults();
  for (const auto& [key, value] : j.items()) {
    if (key == "enabled") {
      read_bool(value, ".enabled");
    } else if (key == "exclude") {
      if (!value.is_array()) fail(".exclude", "must be a list of globs, got " + value.dump());
      c.exclude = scanners::GlobList();
      for (size_t i = 0; i < value.size(); ++i) {
        const std::string field = ".exclude[" + std::to_string(i) + "]";
        if (!value[i].is_string()) fail(field, "must be a glob, got " + value[i].dump());
        try {
          c.exclude.add(value[i].get<std::string>());
        } catch (const std::invalid_argument& e) {
          fail(field, e.what());
        }
      }
    } else if (key == "stale_days") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 36500)
        fail(".stale_days", "must be a whole number of days from 1 to 36500, got " + value.dump());
      c.stale_days = value.get<uint32_t>();
    } else if (key == "check_anchors") {
      c.check_anchors = read_bool(value, ".check_anchors");
    } else if (key == "modules") {
      c.modules = read_bool(value, ".modules");
    } else if (key == "max_file_size") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1)
        fail(".max_file_size", "must be a positive whole number of bytes, got " + value.dump());
      c.max_file_size = value.get<uint64_t>();
    } else {
      fail("", "unknown key '" + key +
                   "'; known keys: enabled, exclude, stale_days, check_anchors, modules, max_file_size");
    }
  }
  return c;
}

const char* docs_config_schema() {
  return R"json({
  "type": "object",
  "description": "Docs scanner: broken links and anchors in Markdown and reStructuredText, stale documents, public modules no document mentions.",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "exclude": {"type": "array", "items": {"type": "string"},
                "description": "Globs of documents not checked and of paths that are never public modules (replaces the built-in list)."},
    "stale_days": {"type": "integer", "minimum": 1, "maximum": 36500, "default": 180,
                   "description": "A document unchanged this many days while code it names changed is stale (needs history facts)."},
    "check_anchors": {"type": "boolean", "default": true,
                      "description": "Check #anchors into Markdown documents against their headings (GitHub's anchor rules)."},
    "modules": {"type": "boolean", "default": true,
                "description": "Report public modules that no document mentions."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 1048576,
                      "description": "Larger documents are skipped."}
  }
})json";
}

}  // namespace assay::docs
