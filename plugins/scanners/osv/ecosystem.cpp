#include "ecosystem.h"

#include <algorithm>

#include "version/digits.h"

namespace assay::osv {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

std::string pep503(std::string_view name) {
  std::string out;
  bool in_separator = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      in_separator = true;
      continue;
    }
    if (in_separator && !out.empty()) out.push_back('-');
    in_separator = false;
    out.push_back(ascii_lower(c));
  }
  return out;
}

}  // namespace

std::optional<Ecosystem> ecosystem_from_osv(std::string_view name) {
  if (const size_t colon = name.find(':'); colon != std::string_view::npos) name = name.substr(0, colon);
  for (Ecosystem e : kEcosystems) {
    if (name == osv_name(e)) return e;
  }
  return std::nullopt;
}

const char* osv_name(Ecosystem ecosystem) {
  switch (ecosystem) {
    case Ecosystem::pypi:
      return "PyPI";
    case Ecosystem::npm:
      return "npm";
    case Ecosystem::go:
      return "Go";
    case Ecosystem::crates_io:
      return "crates.io";
    case Ecosystem::rubygems:
      return "RubyGems";
    case Ecosystem::packagist:
      return "Packagist";
    case Ecosystem::maven:
      return "Maven";
    case Ecosystem::conan_center:
      return "ConanCenter";
  }
  return "";
}

VersionScheme version_scheme(Ecosystem ecosystem) {
  switch (ecosystem) {
    case Ecosystem::pypi:
      return VersionScheme::pep440;
    case Ecosystem::npm:
    case Ecosystem::go:
    case Ecosystem::crates_io:
      return VersionScheme::semver;
    case Ecosystem::rubygems:
      return VersionScheme::rubygems;
    case Ecosystem::packagist:
      return VersionScheme::composer;
    case Ecosystem::maven:
      return VersionScheme::maven;
    case Ecosystem::conan_center:
      return VersionScheme::dotted;
  }
  return VersionScheme::semver;
}

std::string normalize_package_name(Ecosystem ecosystem, std::string_view name) {
  switch (ecosystem) {
    case Ecosystem::pypi:
      return pep503(name);
    case Ecosystem::crates_io: {
      std::string out = lower(name);
      std::replace(out.begin(), out.end(), '_', '-');
      return out;
    }
    case Ecosystem::packagist:
    case Ecosystem::conan_center:
      return lower(name);
    case Ecosystem::npm:
    case Ecosystem::go:
    case Ecosystem::rubygems:
    case Ecosystem::maven:
      return std::string(name);
  }
  return std::string(name);
}

}  // namespace assay::osv
