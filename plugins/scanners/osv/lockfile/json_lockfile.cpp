#include "lockfile/json_lockfile.h"

namespace assay::osv {

JsonValue parse_json_lockfile(std::string_view text) {
  try {
    return parse_json(text);
  } catch (const JsonSyntaxError& e) {
    throw LockfileError(std::string("invalid JSON at ") + e.what());
  }
}

std::string json_string_field(const JsonValue& object, std::string_view key, const std::string& path,
                              LockfileContents& out) {
  const JsonValue* value = object.find(key);
  if (value == nullptr || value->kind == JsonValue::Kind::null) return {};
  if (!value->is_string()) {
    out.warnings.push_back("line " + std::to_string(value->line) + ": " + path + "." + std::string(key) +
                           " must be a string, got " + value->kind_name());
    return {};
  }
  return value->text;
}

}  // namespace assay::osv
