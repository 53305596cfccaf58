// poetry.lock: [[package]] tables with name and version. Packages that
// Poetry took from a git checkout, a local directory, a file or a URL
// ([package.source] type) are not PyPI releases and are not matched.
#include "lockfile/parsers.h"
#include "lockfile/toml_packages.h"

namespace assay::osv {

LockfileContents parse_poetry_lock(std::string_view text) {
  LockfileContents out;
  for (const TomlPackage& package : read_toml_packages(text)) {
    const auto name = package.values.find("name");
    const auto version = package.values.find("version");
    if (name == package.values.end() || version == package.values.end() || version->second.text.empty()) {
      out.warnings.push_back("line " + std::to_string(package.line) +
                             ": [[package]] without name and version");
      continue;
    }
    const auto source = package.values.find("source.type");
    if (source != package.values.end() && source->second.text != "legacy") {
      ++out.unmatchable;
      continue;
    }
    out.dependencies.push_back(
        {Ecosystem::pypi, name->second.text, version->second.text, name->second.line, false});
  }
  return out;
}

}  // namespace assay::osv
