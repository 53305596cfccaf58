// RubyGems versions (Gem::Version): dot-separated segments, where a run of
// letters starts a pre-release ("1.0.a" < "1.0"), "-" means ".pre.", and
// trailing zero segments do not count.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

struct GemVersion {
  // Canonical segments: digit strings or letter runs, with the zeros that do
  // not change the order removed.
  std::vector<std::string> segments;
};

// Accepts what Gem::Version accepts: digits, then dot-separated
// alphanumerics, optionally a '-' suffix; surrounding spaces are ignored and
// an empty string is version 0. Returns nullopt otherwise.
std::optional<GemVersion> parse_gem_version(std::string_view text);

// The Gem::Version order: segment by segment, numbers as numbers, letters
// by byte order, a letter segment before a number, a missing segment 0.
int compare_gem_versions(const GemVersion& a, const GemVersion& b);

}  // namespace assay::osv
