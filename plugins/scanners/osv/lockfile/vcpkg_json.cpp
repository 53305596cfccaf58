// vcpkg.json: a manifest. Only "overrides" pin one version of a port;
// "dependencies" give at most a minimum ("version>="), and the version
// actually built comes from the registry baseline, which is not in the
// repository. vcpkg has no OSV ecosystem: ports are matched against
// ConanCenter, whose recipes carry the same upstream names and versions for
// most C and C++ libraries.
#include <set>

#include "lockfile/json_lockfile.h"
#include "lockfile/parsers.h"

namespace assay::osv {
namespace {

constexpr std::string_view kVersionKeys[] = {"version", "version-semver", "version-date", "version-string"};

std::string_view dependency_name(const JsonValue& dependency) {
  return dependency.is_string() ? std::string_view(dependency.text) : dependency.string_or_empty("name");
}

// Dependencies that no override pins: at most a minimum version is known.
void count_unpinned(const JsonValue& doc, LockfileContents& out) {
  const JsonValue* dependencies = doc.find("dependencies");
  if (dependencies == nullptr || !dependencies->is_array()) return;
  std::set<std::string_view> overridden;
  if (const JsonValue* overrides = doc.find("overrides"); overrides != nullptr && overrides->is_array()) {
    for (const JsonValue& entry : overrides->items) overridden.insert(entry.string_or_empty("name"));
  }
  for (const JsonValue& dependency : dependencies->items) {
    if (overridden.count(dependency_name(dependency)) == 0) ++out.unmatchable;
  }
}

}  // namespace

LockfileContents parse_vcpkg_json(std::string_view text) {
  const JsonValue doc = parse_json_lockfile(text);
  if (!doc.is_object())
    throw LockfileError("line 1: a vcpkg.json is a JSON object, got " + std::string(doc.kind_name()));
  LockfileContents out;
  count_unpinned(doc, out);
  const JsonValue* overrides = doc.find("overrides");
  if (overrides == nullptr) return out;
  if (!overrides->is_array()) {
    out.warnings.push_back("line " + std::to_string(overrides->line) + ": overrides must be a list");
    return out;
  }
  for (size_t i = 0; i < overrides->items.size(); ++i) {
    const JsonValue& entry = overrides->items[i];
    const std::string path = "overrides[" + std::to_string(i) + "]";
    if (!entry.is_object()) {
      out.warnings.push_back("line " + std::to_string(entry.line) + ": " + path + " must be an object");
      continue;
    }
    const std::string name = json_string_field(entry, "name", path, out);
    std::string version;
    for (std::string_view key : kVersionKeys) {
      if (version.empty()) version = json_string_field(entry, key, path, out);
    }
    if (name.empty() || version.empty()) {
      out.warnings.push_back("line " + std::to_string(entry.line) + ": " + path +
                             " without name and version");
      continue;
    }
    out.dependencies.push_back({Ecosystem::conan_center, name, version, entry.find("name")->line, true});
  }
  return out;
}

}  // namespace assay::osv
