// The package ecosystems the scanner matches, how OSV names them, which
// version order each uses, and how package names are normalised so that a
// lockfile's spelling finds the advisory's.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "version/version_scheme.h"

namespace assay::osv {

enum class Ecosystem { pypi, npm, go, crates_io, rubygems, packagist, maven, conan_center };

inline constexpr std::array<Ecosystem, 8> kEcosystems = {
    Ecosystem::pypi,     Ecosystem::npm,       Ecosystem::go,    Ecosystem::crates_io,
    Ecosystem::rubygems, Ecosystem::packagist, Ecosystem::maven, Ecosystem::conan_center};

// The ecosystem of an OSV `affected[].package.ecosystem` string. A suffix
// after ':' (a release or a repository URL, "Maven:https://maven.google.com")
// is dropped: a lockfile does not say which repository served a package.
// nullopt for ecosystems the scanner has no lockfile for (Debian, NuGet, ...).
std::optional<Ecosystem> ecosystem_from_osv(std::string_view name);

// The OSV spelling: "PyPI", "npm", "Go", "crates.io", "RubyGems",
// "Packagist", "Maven", "ConanCenter".
const char* osv_name(Ecosystem ecosystem);

// The ECOSYSTEM-range order of each ecosystem.
VersionScheme version_scheme(Ecosystem ecosystem);

// The key a package name is indexed under: PyPI per PEP 503 (lower case,
// runs of '-', '_', '.' as one '-'); crates.io lower case with '_' as '-'
// (crates.io refuses names that differ only so); Packagist and ConanCenter
// lower case; npm, Go, RubyGems and Maven exactly as written.
std::string normalize_package_name(Ecosystem ecosystem, std::string_view name);

}  // namespace assay::osv
