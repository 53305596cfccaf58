// Cargo.lock: [[package]] tables with name, version and source. Only
// packages from a registry ("registry+..." or "sparse+...") are crates.io
// releases; workspace members have no source and git dependencies a
// "git+..." one.
#include "lockfile/parsers.h"
#include "lockfile/toml_packages.h"

namespace assay::osv {

LockfileContents parse_cargo_lock(std::string_view text) {
  LockfileContents out;
  for (const TomlPackage& package : read_toml_packages(text)) {
    const auto name = package.values.find("name");
    const auto version = package.values.find("version");
    if (name == package.values.end() || version == package.values.end() || version->second.text.empty()) {
      out.warnings.push_back("line " + std::to_string(package.line) +
                             ": [[package]] without name and version");
      continue;
    }
    const auto source = package.values.find("source");
    const bool registry = source != package.values.end() && (source->second.text.rfind("registry+", 0) == 0 ||
                                                             source->second.text.rfind("sparse+", 0) == 0);
    if (!registry) {
      ++out.unmatchable;
      continue;
    }
    out.dependencies.push_back(
        {Ecosystem::crates_io, name->second.text, version->second.text, name->second.line, false});
  }
  return out;
}

}  // namespace assay::osv
