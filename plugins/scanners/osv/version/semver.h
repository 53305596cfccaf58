// Semantic Versioning 2.0.0 precedence (section 11): the order of npm,
// crates.io, Go modules and of OSV ranges of type SEMVER.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

struct SemVer {
  std::string major, minor, patch;      // digit strings
  std::vector<std::string> prerelease;  // dot-separated identifiers after '-'
  std::string build;                    // after '+', ignored by precedence
};

// Parses MAJOR.MINOR.PATCH[-PRE][+BUILD]. Lenient where real data is: a
// leading 'v' (Go modules), '=' (npm), and a missing minor or patch
// ("1.2" is 1.2.0, as Go and OSV's Go data write it) are accepted. Returns
// nullopt for anything else.
std::optional<SemVer> parse_semver(std::string_view text);

// Precedence: <0, 0, >0. Build metadata does not count; a pre-release sorts
// before its release; numeric identifiers compare as numbers and before
// alphanumeric ones; a longer list of equal identifiers is greater.
int compare_semver(const SemVer& a, const SemVer& b);

}  // namespace assay::osv
