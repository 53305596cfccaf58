// PEP 440 versions, the order of the PyPI ecosystem: epochs, release
// segments, pre-, post- and development releases, local versions, with the
// spellings PEP 440 normalises (1.0-alpha.1 == 1.0a1, 1.0-1 == 1.0.post1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

struct Pep440Version {
  std::string epoch = "0";           // digit string
  std::vector<std::string> release;  // digit strings, at least one
  int pre_kind = -1;                 // -1 none, 0 a, 1 b, 2 rc
  std::string pre_number;            // digit string when pre_kind >= 0
  std::optional<std::string> post;   // post-release number
  std::optional<std::string> dev;    // development release number
  std::vector<std::string> local;    // lower-cased segments after '+'
};

// Parses a PEP 440 version in any spelling the specification accepts
// (case-insensitive, leading 'v', surrounding spaces, '-', '_' or '.'
// separators, implicit numbers). Returns nullopt for a legacy version
// that PEP 440 does not define.
std::optional<Pep440Version> parse_pep440(std::string_view text);

// The PEP 440 order: <0, 0, >0. Trailing zero release segments do not
// count (1.0 == 1.0.0); X.devN < X.aN.devM < X.aN < X.aN.postM < X <
// X.postN.devM < X.postN; a local version sorts after its public version,
// numeric local segments after alphanumeric ones.
int compare_pep440(const Pep440Version& a, const Pep440Version& b);

}  // namespace assay::osv
