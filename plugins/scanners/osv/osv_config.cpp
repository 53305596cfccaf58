#include "osv_config.h"

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace assay::osv {
namespace {

using nlohmann::json;

constexpr std::string_view kSection = "plugins.osv";

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
  throw std::runtime_error(std::string(kSection) + field + ": " + problem);
}

}  // namespace

OsvConfig OsvConfig::parse(std::string_view json_text) {
  json j;
  try {
    j = json::parse(json_text.empty() ? std::string_view("{}") : json_text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string(kSection) + ": configuration is not valid JSON: " + e.what());
  }
  if (!j.is_object()) fail("", "must be an object, got " + j.dump());
  for (const auto& [key, value] : j.items()) {
    if (key != "enabled" && key != "database" && key != "max_file_size")
      fail("", "unknown key '" + key + "'");
  }
  if (j.contains("enabled") && !j["enabled"].is_boolean())
    fail(".enabled", "must be true or false, got " + j["enabled"].dump());
  OsvConfig c;
  if (!j.contains("database"))
    fail("", "missing required key 'database' (the OSV database directory or all.zip)");
  const json& database = j["database"];
  if (!database.is_string() || database.get<std::string>().empty())
    fail(".database", "must be a non-empty path, got " + database.dump());
  c.database = database.get<std::string>();
  if (j.contains("max_file_size")) {
    const json& v = j["max_file_size"];
    if (!v.is_number_integer() || v.get<int64_t>() < 1)
      fail(".max_file_size", "must be a positive whole number of bytes, got " + v.dump());
    c.max_file_size = v.get<uint64_t>();
  }
  return c;
}

std::string OsvConfig::database_path(const std::string& repository_root) const {
  namespace fs = std::filesystem;
  if (database.rfind("~/", 0) == 0) {
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0')
      return (fs::path(home) / database.substr(2)).lexically_normal().string();
  }
  const fs::path path(database);
  if (path.is_absolute()) return path.lexically_normal().string();
  return (fs::path(repository_root) / path).lexically_normal().string();
}

const char* osv_config_schema() {
  return R"json({
  "type": "object",
  "description": "OSV scanner: dependency lockfiles matched against a local OSV database, offline.",
  "additionalProperties": false,
  "required": ["database"],
  "properties": {
    "enabled": {"type": "boolean", "default": false, "description": "Run this scanner."},
    "database": {"type": "string", "minLength": 1,
                 "description": "The OSV database: a directory searched recursively for OSV JSON files and per-ecosystem all.zip exports, or one such file. Relative to the repository root; ~/ is the home directory."},
    "max_file_size": {"type": "integer", "minimum": 1, "default": 67108864,
                      "description": "Lockfiles larger than this many bytes are skipped."}
  }
})json";
}

}  // namespace assay::osv
