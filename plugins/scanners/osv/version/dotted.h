// The order used for ConanCenter (and vcpkg ports matched against it):
// dot-separated segments, a '-' pre-release before its release, '+' build
// metadata ignored. Conan recipes use upstream version strings ("1.2.13",
// "3.0.8", "1.81.0", "cci.20230101"), so segments compare as numbers where
// both are numbers, and otherwise as text, a number first.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

struct DottedVersion {
  std::vector<std::string> main;        // segments before '-'
  std::vector<std::string> prerelease;  // segments after '-'
};

// Every non-empty string without spaces parses; returns false otherwise.
bool parse_dotted_version(std::string_view text, DottedVersion& out);

// Missing main segments count as 0 (1.2 == 1.2.0).
int compare_dotted_versions(const DottedVersion& a, const DottedVersion& b);

}  // namespace assay::osv
