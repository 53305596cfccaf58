#include "testgaps_config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace assay::testgaps {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error("plugins.testgaps" + field + ": " + problem);
}

uint32_t read_count(const json& value, const std::string& field, uint32_t minimum, uint32_t maximum) {
  if (!value.is_number_integer() || value.get<int64_t>() < minimum || value.get<int64_t>() > maximum)
    fail(field, "must be a whole number from " + std::to_string(minimum) + " to " + std::to_string(maximum) +
                    ", got " + value.dump());
  return value.get<uint32_t>();
}

}  // namespace

const std::vector<std::string>& TestgapsConfig::default_exclude() {
  static const std::vector<std::string> globs = {"vendor/",
                                                 "third_party/",
                                                 "node_modules/",
                                                 "examples/",
                                                 "example/",
                                                 "docs/",
                                                 "build/",
                                                 "dist/",
                                                 "generated/",
                                                 "scripts/",
                                                 "benchmarks/",
                                                 "bench/",
                                                 "main.{go,rs,c,cc,cpp,py,java,kt,ts,js}",
                                                 "__init__.py",
                                                 "__main__.py",
                                                 "setup.py",
                                                 "conftest.py",
                                                 "lib.rs",
                                                 "mod.rs",
                                                 "build.rs",
                                                 "*.d.ts",
                                                 "*.pb.*",
                                                 "*_pb2.py",
                                                 "*.generated.*",
                                                 "*.config.{js,ts,mjs,cjs}"};
  return globs;
}

TestgapsConfig TestgapsConfig::defaults() {
  TestgapsConfig c;
  c.exclude = scanners::GlobList(default_exclude());
  return c;
}

TestgapsConfig TestgapsConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string("plugins.testgaps: configuration is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) fail("", "must be an object, got " + j.dump());
  TestgapsConfig c = defaults();
  for (const auto& [key, value] : j.items()) {
    if (key == "enabled") {
      if (!value.is_boolean()) fail(".enabled", "must be true or false, got " + value.dump());
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
    } else if (key == "min_code_lines") {
      c.min_code_lines = read_count(value, ".min_code_lines", 0, 1'000'000);
    } else if (key == "complex_file") {
      c.complex_file = read_count(value, ".complex_file", 1, 100'000'000);
    } else if (key == "hotspot_days") {
      c.hotspot_days = read_count(value, ".hotspot_days", 1, 36500);
    } else if (key == "max_file_size") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1)
        fail(".max_file_size", "must be a positive whole number of bytes, got " + value.dump());
      c.max_file_size = value.get<uint64_t>();
    } else {
      fail("",
           "unknown key '" + key +
               "'; known keys: enabled, exclude, min_code_lines, complex_file, hotspot_days, max_file_size");
    }
  }
  return c;
}

const char* testgaps_config_schema() {
  return R"json({
  "type": "object",
  "description": "Testgaps scanner: source files with no test by their language's conventions, most complex (or hottest) first.",
  "additionalProperties": false,
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this scanner."},
    "exclude": {"type": "array", "items": {"type": "string"},
                "description": "Globs of sources that need no test of their own (replaces the built-in list)."},
    "min_code_lines": {"type": "integer", "minimum": 0, "maximum": 1000000, "default": 20,
                       "description": "Files with fewer code lines are not reported."},
    "complex_file": {"type": "integer", "minimum": 1, "default": 300,
                     "description": "Indentation complexity from which an untested file is medium severity, not low."},
    "hotspot_days": {"type": "integer", "minimum": 1, "maximum": 36500, "default": 365,
                     "description": "Commits within this many days count for the hotspot score, when the host offers history."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 1048576,
                      "description": "Larger files are skipped."}
  }
})json";
}

}  // namespace assay::testgaps
