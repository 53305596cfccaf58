#include "version/version_scheme.h"

#include <string>
#include <variant>

#include "version/composer.h"
#include "version/dotted.h"
#include "version/maven.h"
#include "version/pep440.h"
#include "version/rubygems.h"
#include "version/semver.h"

namespace assay::osv {

// The Composer alternative keeps the normalised text; PHP's comparison
// works on text.
struct ComposerVersion {
  std::string normalized;
};

struct ParsedVersion::Impl {
  VersionScheme scheme;
  std::variant<SemVer, Pep440Version, GemVersion, ComposerVersion, MavenItem, DottedVersion> value;
};

namespace {

struct Comparer {
  const ParsedVersion::Impl& other;
  int operator()(const SemVer& v) const { return compare_semver(v, std::get<SemVer>(other.value)); }
  int operator()(const Pep440Version& v) const {
    return compare_pep440(v, std::get<Pep440Version>(other.value));
  }
  int operator()(const GemVersion& v) const {
    return compare_gem_versions(v, std::get<GemVersion>(other.value));
  }
  int operator()(const ComposerVersion& v) const {
    return php_version_compare(v.normalized, std::get<ComposerVersion>(other.value).normalized);
  }
  int operator()(const MavenItem& v) const {
    return compare_maven_versions(v, std::get<MavenItem>(other.value));
  }
  int operator()(const DottedVersion& v) const {
    return compare_dotted_versions(v, std::get<DottedVersion>(other.value));
  }
};

template <class T>
std::optional<ParsedVersion> wrap(VersionScheme scheme, std::optional<T> value) {
  if (!value) return std::nullopt;
  return ParsedVersion(
      std::make_shared<const ParsedVersion::Impl>(ParsedVersion::Impl{scheme, std::move(*value)}));
}

}  // namespace

const char* scheme_name(VersionScheme scheme) {
  switch (scheme) {
    case VersionScheme::semver:
      return "SemVer";
    case VersionScheme::pep440:
      return "PEP 440";
    case VersionScheme::rubygems:
      return "RubyGems";
    case VersionScheme::composer:
      return "Composer";
    case VersionScheme::maven:
      return "Maven";
    case VersionScheme::dotted:
      return "dotted";
  }
  return "unknown";
}

VersionScheme ParsedVersion::scheme() const { return impl_->scheme; }

int ParsedVersion::compare(const ParsedVersion& other) const {
  // Versions of different schemes never meet in one range; order them by
  // scheme so that the result is still consistent.
  if (impl_->scheme != other.impl_->scheme)
    return static_cast<int>(impl_->scheme) < static_cast<int>(other.impl_->scheme) ? -1 : 1;
  return std::visit(Comparer{*other.impl_}, impl_->value);
}

std::optional<ParsedVersion> parse_version(VersionScheme scheme, std::string_view text) {
  switch (scheme) {
    case VersionScheme::semver:
      return wrap(scheme, parse_semver(text));
    case VersionScheme::pep440:
      return wrap(scheme, parse_pep440(text));
    case VersionScheme::rubygems:
      return wrap(scheme, parse_gem_version(text));
    case VersionScheme::composer: {
      std::optional<std::string> normalized = normalize_composer_version(text);
      if (!normalized) return std::nullopt;
      return wrap(scheme, std::optional<ComposerVersion>(ComposerVersion{std::move(*normalized)}));
    }
    case VersionScheme::maven:
      return wrap(scheme, std::optional<MavenItem>(parse_maven_version(text)));
    case VersionScheme::dotted: {
      DottedVersion v;
      if (!parse_dotted_version(text, v)) return std::nullopt;
      return wrap(scheme, std::optional<DottedVersion>(std::move(v)));
    }
  }
  return std::nullopt;
}

}  // namespace assay::osv
