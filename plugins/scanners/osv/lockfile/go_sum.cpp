// go.sum: "module version hash" lines. A line whose version ends in
// "/go.mod" only checks a module's go.mod; the others are module contents
// that were downloaded. A module may appear at several versions; the
// highest is the one minimal version selection builds, so that one is
// reported. go.mod, where present beside it, is the better source (the
// scanner then ignores go.sum).
#include <map>

#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"
#include "version/version_scheme.h"

namespace assay::osv {

LockfileContents parse_go_sum(std::string_view text) {
  LockfileContents out;
  std::map<std::string, Dependency> highest;
  for (const TextLine& line : split_lines(text)) {
    const std::vector<std::string_view> words = [&] {
      std::vector<std::string_view> w;
      for (std::string_view part : split_trimmed(trim(line.text), ' ')) {
        if (!part.empty()) w.push_back(part);
      }
      return w;
    }();
    if (words.empty()) continue;
    if (words.size() != 3) {
      out.warnings.push_back("line " + std::to_string(line.number) + ": expected 'module version hash'");
      continue;
    }
    if (words[1].size() >= 7 && words[1].substr(words[1].size() - 7) == "/go.mod") continue;
    const std::optional<ParsedVersion> version = parse_version(VersionScheme::semver, words[1]);
    if (!version) {
      out.warnings.push_back("line " + std::to_string(line.number) + ": '" + std::string(words[1]) +
                             "' is not a module version");
      continue;
    }
    const std::string module(words[0]);
    auto it = highest.find(module);
    if (it != highest.end()) {
      const std::optional<ParsedVersion> known = parse_version(VersionScheme::semver, it->second.version);
      if (known && version->compare(*known) <= 0) continue;
    }
    highest[module] = {Ecosystem::go, module, std::string(words[1]), line.number, false};
  }
  for (auto& [module, dependency] : highest) out.dependencies.push_back(std::move(dependency));
  return out;
}

}  // namespace assay::osv
