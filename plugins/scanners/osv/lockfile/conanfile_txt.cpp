// conanfile.txt: the [requires], [tool_requires] and [build_requires]
// sections list references "name/version[@user/channel][#revision]".
// Version ranges ("zlib/[>=1.2 <2]") pin nothing.
#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"

namespace assay::osv {

LockfileContents parse_conanfile_txt(std::string_view text) {
  LockfileContents out;
  bool in_requires = false;
  for (const TextLine& line : split_lines(text)) {
    std::string_view trimmed = trim(line.text);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (trimmed.front() == '[') {
      if (trimmed.back() != ']')
        throw LockfileError("line " + std::to_string(line.number) + ": unclosed section header");
      in_requires = trimmed == "[requires]" || trimmed == "[tool_requires]" || trimmed == "[build_requires]";
      continue;
    }
    if (!in_requires) continue;
    trimmed = trim(trimmed.substr(0, trimmed.find('#')));
    trimmed = trimmed.substr(0, trimmed.find('@'));
    const size_t slash = trimmed.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == trimmed.size()) {
      out.warnings.push_back("line " + std::to_string(line.number) + ": expected a reference 'name/version'");
      continue;
    }
    const std::string_view version = trimmed.substr(slash + 1);
    if (version.front() == '[') {
      ++out.unmatchable;
      continue;
    }
    out.dependencies.push_back({Ecosystem::conan_center, std::string(trimmed.substr(0, slash)),
                                std::string(version), line.number, true});
  }
  return out;
}

}  // namespace assay::osv
