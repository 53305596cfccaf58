// The version orders the scanner knows, behind one interface: parse a
// version string once, compare it with others of the same scheme.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

namespace assay::osv {

enum class VersionScheme {
  semver,    // SemVer 2.0 (npm, crates.io, Go, OSV SEMVER ranges)
  pep440,    // PyPI
  rubygems,  // Gem::Version
  composer,  // Packagist: Composer normalisation + PHP version_compare
  maven,     // ComparableVersion
  dotted,    // ConanCenter: dotted segments
};

// "SemVer", "PEP 440", ... for log lines.
const char* scheme_name(VersionScheme scheme);

// A version parsed under one scheme. Cheap to copy.
class ParsedVersion {
 public:
  VersionScheme scheme() const;
  // <0, 0, >0. Both versions must be of the same scheme.
  int compare(const ParsedVersion& other) const;

  struct Impl;
  explicit ParsedVersion(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

 private:
  std::shared_ptr<const Impl> impl_;
};

// Parses `text` under `scheme`; nullopt when it is not a version of that
// scheme (a legacy PyPI version, a Composer branch name, ...).
std::optional<ParsedVersion> parse_version(VersionScheme scheme, std::string_view text);

}  // namespace assay::osv
