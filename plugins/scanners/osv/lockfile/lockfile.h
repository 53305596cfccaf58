// Dependency manifests and lockfiles: which files the scanner reads and
// what it takes from them.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ecosystem.h"

namespace assay::osv {

// One package at one version, as a lockfile or a pinning manifest names it.
struct Dependency {
  Ecosystem ecosystem = Ecosystem::npm;
  std::string name;     // as written in the file
  std::string version;  // as written, without operators ("==", "v" stays for Go)
  uint32_t line = 0;    // 1-based line that names the package
  // True for versions a manifest pins (requirements.txt ==, go.mod,
  // conanfile.txt, vcpkg.json overrides), false for versions a lockfile
  // records as resolved.
  bool from_manifest = false;
};

struct LockfileContents {
  std::vector<Dependency> dependencies;
  // Entries that were skipped, each "line N: why" (an entry without a
  // version, a wrongly typed field).
  std::vector<std::string> warnings;
  // Entries that name no registry release at one exact version (version
  // ranges, URLs, local paths, git checkouts, workspace members): nothing
  // to match, counted for the log.
  size_t unmatchable = 0;
};

// The whole file cannot be read as its format: what() is "line N: ..." or
// "line N, column M: ...".
class LockfileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class LockfileFormat {
  requirements_txt,
  poetry_lock,
  pipfile_lock,
  package_lock,  // package-lock.json and npm-shrinkwrap.json, v1 to v3
  yarn_lock,     // v1 and berry
  pnpm_lock,
  cargo_lock,
  go_mod,
  go_sum,
  gemfile_lock,
  composer_lock,
  conanfile_txt,
  vcpkg_json,
  gradle_lockfile,
};

// The format of a repository path by its file name, or nullopt. Files
// under node_modules/ are never lockfiles of the repository.
std::optional<LockfileFormat> lockfile_format_for(std::string_view path);

// "package-lock.json", "requirements.txt", ... for log lines and details.
const char* format_name(LockfileFormat format);

// Parses one file. Throws LockfileError when the file as a whole is not of
// its format (invalid JSON, a TOML line that is neither a table nor a key).
LockfileContents parse_lockfile(LockfileFormat format, std::string_view text);

}  // namespace assay::osv
