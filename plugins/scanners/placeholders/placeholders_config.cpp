#include "placeholders_config.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace assay::placeholders {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error("plugins.placeholders" + field + ": " + problem);
}

std::vector<std::string> read_words(const json& j, const std::string& field) {
  if (!j.is_array()) fail(field, "must be a list of text, got " + j.dump());
  std::vector<std::string> words;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    if (!j[i].is_string() || j[i].get<std::string>().empty())
      fail(item, "must be non-empty text, got " + j[i].dump());
    words.push_back(j[i].get<std::string>());
  }
  return words;
}

}  // namespace

const std::vector<std::string>& PlaceholdersConfig::default_exclude() {
  static const std::vector<std::string> globs = {
      "tests/",    "test/",       "__tests__/", "spec/",      "testdata/",   "fixtures/",
      "mocks/",    "fakes/",      "stubs/",     "testing/",   "src/test/",   "*_test.*",
      "test_*.py", "*.test.*",    "*.spec.*",   "*Test.java", "*Tests.java", "*Test.kt",
      "*Tests.cs", "conftest.py", "*_mock.*",   "mock_*",     "*Mock.*",     "*_fake.*",
      "fake_*",    "*Fake.*",     "*_stub.*",   "*Stub.*",    "*.pyi",       "*.d.ts"};
  return globs;
}

PlaceholdersConfig PlaceholdersConfig::defaults() {
  PlaceholdersConfig c;
  c.exclude = scanners::GlobList(default_exclude());
  c.words = default_words();
  return c;
}

PlaceholdersConfig PlaceholdersConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string("plugins.placeholders: configuration is not valid JSON: ") +
                             e.what());
  }
  if (!j.is_object()) fail("", "must be an object, got " + j.dump());
  PlaceholdersConfig c = defaults();
  for (const auto& [key, value] : j.items()) {
    if (key == "enabled") {
      if (!value.is_boolean()) fail(".enabled", "must be true or false, got " + value.dump());
    } else if (key == "exclude") {
      const auto globs = read_words(value, ".exclude");
      c.exclude = scanners::GlobList();
      for (size_t i = 0; i < globs.size(); ++i) {
        try {
          c.exclude.add(globs[i]);
        } catch (const std::invalid_argument& e) {
          fail(".exclude[" + std::to_string(i) + "]", e.what());
        }
      }
    } else if (key == "stand_in_words") {
      c.words.stand_in = read_words(value, ".stand_in_words");
    } else if (key == "unfinished_words") {
      c.words.unfinished = read_words(value, ".unfinished_words");
    } else if (key == "max_file_size") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1)
        fail(".max_file_size", "must be a positive whole number of bytes, got " + value.dump());
      c.max_file_size = value.get<uint64_t>();
    } else if (key == "effort_hours") {
      if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 1000)
        fail(".effort_hours", "must be a number from 0 to 1000, got " + value.dump());
      c.effort_hours = value.get<double>();
    } else if (key == "severity") {
      static const std::vector<std::string> kSeverities = {"info", "low", "medium", "high", "critical"};
      if (!value.is_string() ||
          std::find(kSeverities.begin(), kSeverities.end(), value.get<std::string>()) == kSeverities.end())
        fail(".severity", "must be one of info, low, medium, high, critical, got " + value.dump());
      c.severity = value.get<std::string>();
    } else {
      fail("", "unknown key '" + key +
                   "'; known keys: enabled, exclude, stand_in_words, unfinished_words, max_file_size, "
                   "effort_hours, "
                   "severity");
    }
  }
  return c;
}

const char* placeholders_config_schema() {
  return R"json({
  "type": "object",
  "description": "Placeholders scanner: functions whose body is only a stand-in (pass, ..., not implemented, todo!(), constant data under a stub comment).",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "exclude": {"type": "array", "items": {"type": "string"},
                "description": "Globs of test files and test doubles, never reported (replaces the built-in list)."},
    "stand_in_words": {"type": "array", "items": {"type": "string"},
                       "description": "Words that, in a comment in or above a function returning constant or random data, make it a stand-in."},
    "unfinished_words": {"type": "array", "items": {"type": "string"},
                         "description": "To-do tags that make an empty function body unfinished."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 1048576,
                      "description": "Files larger than this many bytes are skipped."},
    "effort_hours": {"type": "number", "minimum": 0, "maximum": 1000, "default": 4,
                     "description": "Estimated effort to replace a stand-in with the real function."},
    "severity": {"type": "string", "enum": ["info", "low", "medium", "high", "critical"], "default": "medium"}
  }
})json";
}

}  // namespace assay::placeholders
