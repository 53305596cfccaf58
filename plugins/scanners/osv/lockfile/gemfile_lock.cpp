// Gemfile.lock (and gems.locked): the "specs:" of each GEM section list
// the resolved gems at four spaces, "name (version)" or "name
// (version-platform)"; their own dependencies follow at six spaces. GIT
// and PATH sections hold gems that are not RubyGems releases.
#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"

namespace assay::osv {

LockfileContents parse_gemfile_lock(std::string_view text) {
  LockfileContents out;
  std::string section;
  bool in_specs = false;
  for (const TextLine& line : split_lines(text)) {
    const std::string_view trimmed = trim(line.text);
    if (trimmed.empty()) continue;
    const size_t indent = indentation(line.text);
    if (indent == 0) {
      section = std::string(trimmed);
      in_specs = false;
      continue;
    }
    if (indent == 2) {
      in_specs = trimmed == "specs:";
      continue;
    }
    if (indent != 4 || !in_specs) continue;
    const size_t open = trimmed.find(" (");
    if (open == std::string_view::npos || trimmed.back() != ')') {
      out.warnings.push_back("line " + std::to_string(line.number) + ": expected 'name (version)'");
      continue;
    }
    if (section != "GEM") {
      ++out.unmatchable;
      continue;
    }
    std::string_view version = trimmed.substr(open + 2, trimmed.size() - open - 3);
    version = version.substr(0, version.find('-'));  // the platform, as Bundler splits it
    out.dependencies.push_back({Ecosystem::rubygems, std::string(trimmed.substr(0, open)),
                                std::string(version), line.number, false});
  }
  return out;
}

}  // namespace assay::osv
