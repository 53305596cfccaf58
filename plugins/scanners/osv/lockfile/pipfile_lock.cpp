// Pipfile.lock: {"default": {name: {"version": "==1.2.3"}}, "develop":
// {...}}. Entries from git or a path have no version and are not matched.
#include "lockfile/json_lockfile.h"
#include "lockfile/parsers.h"

namespace assay::osv {

LockfileContents parse_pipfile_lock(std::string_view text) {
  const JsonValue doc = parse_json_lockfile(text);
  if (!doc.is_object())
    throw LockfileError("line 1: a Pipfile.lock is a JSON object, got " + std::string(doc.kind_name()));
  LockfileContents out;
  for (const char* group : {"default", "develop"}) {
    const JsonValue* packages = doc.find(group);
    if (packages == nullptr) continue;
    if (!packages->is_object()) {
      out.warnings.push_back("line " + std::to_string(packages->line) + ": " + group + " must be an object");
      continue;
    }
    for (const JsonMember& entry : packages->members) {
      const std::string path = std::string(group) + "." + entry.key;
      if (!entry.value.is_object()) {
        out.warnings.push_back("line " + std::to_string(entry.value.line) + ": " + path +
                               " must be an object");
        continue;
      }
      const std::string version = json_string_field(entry.value, "version", path, out);
      if (version.rfind("==", 0) != 0) {
        ++out.unmatchable;
        continue;
      }
      out.dependencies.push_back({Ecosystem::pypi, entry.key,
                                  version.substr(version.rfind("===", 0) == 0 ? 3 : 2), entry.value.line,
                                  false});
    }
  }
  return out;
}

}  // namespace assay::osv
