// gradle.lockfile (Gradle dependency locking): one resolved module per
// line, "group:artifact:version=configuration,...". Maven coordinates.
#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"

namespace assay::osv {

LockfileContents parse_gradle_lockfile(std::string_view text) {
  LockfileContents out;
  for (const TextLine& line : split_lines(text)) {
    const std::string_view trimmed = trim(line.text);
    if (trimmed.empty() || trimmed.front() == '#' || trimmed.rfind("empty=", 0) == 0) continue;
    const std::string_view coordinates = trimmed.substr(0, trimmed.find('='));
    const std::vector<std::string_view> parts = split_trimmed(coordinates, ':');
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty() || parts[2].empty()) {
      out.warnings.push_back("line " + std::to_string(line.number) +
                             ": expected 'group:artifact:version=...'");
      continue;
    }
    out.dependencies.push_back({Ecosystem::maven, std::string(parts[0]) + ":" + std::string(parts[1]),
                                std::string(parts[2]), line.number, false});
  }
  return out;
}

}  // namespace assay::osv
