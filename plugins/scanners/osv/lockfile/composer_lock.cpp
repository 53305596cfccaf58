// composer.lock: "packages" and "packages-dev", lists of {"name",
// "version"}. Branch versions ("dev-main") name no release.
#include "lockfile/json_lockfile.h"
#include "lockfile/parsers.h"

namespace assay::osv {

LockfileContents parse_composer_lock(std::string_view text) {
  const JsonValue doc = parse_json_lockfile(text);
  if (!doc.is_object())
    throw LockfileError("line 1: a composer.lock is a JSON object, got " + std::string(doc.kind_name()));
  LockfileContents out;
  for (const char* group : {"packages", "packages-dev"}) {
    const JsonValue* list = doc.find(group);
    if (list == nullptr || list->kind == JsonValue::Kind::null) continue;
    if (!list->is_array()) {
      out.warnings.push_back("line " + std::to_string(list->line) + ": " + group + " must be a list");
      continue;
    }
    for (size_t i = 0; i < list->items.size(); ++i) {
      const JsonValue& package = list->items[i];
      const std::string path = std::string(group) + "[" + std::to_string(i) + "]";
      if (!package.is_object()) {
        out.warnings.push_back("line " + std::to_string(package.line) + ": " + path + " must be an object");
        continue;
      }
      const std::string name = json_string_field(package, "name", path, out);
      const std::string version = json_string_field(package, "version", path, out);
      if (name.empty() || version.empty()) {
        out.warnings.push_back("line " + std::to_string(package.line) + ": " + path +
                               " without name and version");
        continue;
      }
      if (version.rfind("dev-", 0) == 0 ||
          (version.size() > 4 && version.substr(version.size() - 4) == "-dev")) {
        ++out.unmatchable;
        continue;
      }
      const JsonValue* name_value = package.find("name");
      out.dependencies.push_back({Ecosystem::packagist, name, version, name_value->line, false});
    }
  }
  return out;
}

}  // namespace assay::osv
