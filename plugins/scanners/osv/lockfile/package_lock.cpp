// package-lock.json and npm-shrinkwrap.json. Versions 2 and 3 list every
// installed package under "packages" by its node_modules path; version 1
// nests "dependencies" by name. A package installed under an alias names
// the real package in "name" (v2+) or in a "npm:real@1.2.3" version (v1).
// Links, workspace folders and git or file dependencies are not registry
// releases and are not matched.
#include "lockfile/json_lockfile.h"
#include "lockfile/parsers.h"

namespace assay::osv {
namespace {

constexpr std::string_view kNodeModules = "node_modules/";

bool registry_version(std::string_view version) {
  return !version.empty() && version.find(':') == std::string_view::npos &&
         version.find('/') == std::string_view::npos;
}

// "npm:real-name@1.2.3" (an alias) -> real-name, 1.2.3.
void resolve_alias(std::string& name, std::string& version) {
  if (version.rfind("npm:", 0) != 0) return;
  const std::string_view target = std::string_view(version).substr(4);
  const size_t at = target.rfind('@');
  if (at == 0 || at == std::string_view::npos) return;
  name = std::string(target.substr(0, at));
  version = std::string(target.substr(at + 1));
}

void read_packages(const JsonValue& packages, LockfileContents& out) {
  for (const JsonMember& entry : packages.members) {
    const size_t last = entry.key.rfind(kNodeModules);
    if (last == std::string::npos) continue;  // the root project or a workspace folder
    const std::string path = "packages." + entry.key;
    if (!entry.value.is_object()) {
      out.warnings.push_back("line " + std::to_string(entry.value.line) + ": " + path + " must be an object");
      continue;
    }
    const JsonValue* link = entry.value.find("link");
    if (link != nullptr && link->kind == JsonValue::Kind::boolean && link->boolean) continue;
    std::string name = json_string_field(entry.value, "name", path, out);
    if (name.empty()) name = entry.key.substr(last + kNodeModules.size());
    std::string version = json_string_field(entry.value, "version", path, out);
    resolve_alias(name, version);
    if (!registry_version(version)) {
      ++out.unmatchable;
      continue;
    }
    out.dependencies.push_back({Ecosystem::npm, name, version, entry.value.line, false});
  }
}

void read_dependencies(const JsonValue& dependencies, const std::string& parent, int depth,
                       LockfileContents& out) {
  for (const JsonMember& entry : dependencies.members) {
    const std::string path = parent + ".dependencies." + entry.key;
    if (!entry.value.is_object()) {
      out.warnings.push_back("line " + std::to_string(entry.value.line) + ": " + path + " must be an object");
      continue;
    }
    std::string name = entry.key;
    std::string version = json_string_field(entry.value, "version", path, out);
    resolve_alias(name, version);
    if (registry_version(version)) {
      out.dependencies.push_back({Ecosystem::npm, name, version, entry.value.line, false});
    } else {
      ++out.unmatchable;
    }
    const JsonValue* nested = entry.value.find("dependencies");
    if (nested != nullptr && nested->is_object() && depth < kMaxJsonDepth)
      read_dependencies(*nested, path, depth + 1, out);
  }
}

}  // namespace

LockfileContents parse_package_lock(std::string_view text) {
  const JsonValue doc = parse_json_lockfile(text);
  if (!doc.is_object())
    throw LockfileError("line 1: a package-lock.json is a JSON object, got " + std::string(doc.kind_name()));
  LockfileContents out;
  const JsonValue* packages = doc.find("packages");
  if (packages != nullptr && packages->is_object()) {
    read_packages(*packages, out);
    return out;
  }
  const JsonValue* dependencies = doc.find("dependencies");
  if (dependencies != nullptr && dependencies->is_object()) read_dependencies(*dependencies, "", 0, out);
  return out;
}

}  // namespace assay::osv
