// Fuzzing of the osv scanner's parsers: the OSV advisory reader with range
// evaluation, each lockfile format, the zip reader, CVSS vectors and the
// version orders. The first byte picks the parser: 'A' advisory, 'B' to 'O'
// the lockfile formats in LockfileFormat order, 'P' zip archive, 'Q' CVSS
// vector, 'R' two versions ("<scheme letter>a\nb", scheme 'a' to 'f');
// any other byte picks one by its value.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "advisory_parser.h"
#include "cvss.h"
#include "finding_builder.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "lockfile/lockfile.h"
#include "range_match.h"
#include "utf8_text.h"
#include "version/version_scheme.h"
#include "zip_reader.h"

namespace assay::osv {
namespace {

using fuzz::Verdict;

constexpr int kLockfileFormats = 14;
constexpr int kTargets = 1 + kLockfileFormats + 3;

constexpr VersionScheme kSchemes[] = {VersionScheme::semver,   VersionScheme::pep440, VersionScheme::rubygems,
                                      VersionScheme::composer, VersionScheme::maven,  VersionScheme::dotted};

int target_of(unsigned char selector) {
  if (selector >= 'A' && selector < 'A' + kTargets) return selector - 'A';
  return selector % kTargets;
}

// Evaluation must hold its own promises for any advisory it accepted.
void check_advisory(const Advisory& a, std::string_view input) {
  ASSAY_FUZZ_CHECK(!a.id.empty(), "an accepted advisory has an id");
  const std::string probe = std::string(input.substr(0, std::min<size_t>(input.size(), 12)));
  for (const AffectedPackage& p : a.affected) {
    for (const AffectedRange& r : p.ranges) {
      ASSAY_FUZZ_CHECK(
          std::any_of(r.events.begin(), r.events.end(),
                      [](const RangeEvent& e) { return e.kind == RangeEvent::Kind::introduced; }),
          "an accepted range has an introduced event");
    }
    for (const std::string& version : {std::string("0"), std::string("1.0.0"), std::string("2.0"), probe}) {
      const RangeMatch m = match_affected(p, version);
      ASSAY_FUZZ_CHECK(m.affected || (m.fixed.empty() && m.last_affected.empty()),
                       "bounds only for affected versions");
      ASSAY_FUZZ_CHECK(m.fixed.empty() || m.last_affected.empty(), "a fixed version or a last affected one");
    }
  }
}

Verdict run_advisory(std::string_view input) {
  try {
    check_advisory(parse_advisory(input), input);
    return Verdict::accepted;
  } catch (const AdvisoryError&) {
    return Verdict::rejected;
  }
}

Verdict run_lockfile(LockfileFormat format, std::string_view input) {
  LockfileContents contents;
  try {
    contents = parse_lockfile(format, input);
  } catch (const LockfileError&) {
    return Verdict::rejected;
  }
  const auto lines = static_cast<uint32_t>(std::count(input.begin(), input.end(), '\n')) + 1;
  for (const Dependency& d : contents.dependencies) {
    ASSAY_FUZZ_CHECK(!d.name.empty() && !d.version.empty(), "a dependency has a name and a version");
    ASSAY_FUZZ_CHECK(d.line >= 1 && d.line <= lines, "a dependency's line is in the file");
    const std::string evidence = to_valid_utf8(line_text(input, d.line));
    ASSAY_FUZZ_CHECK(evidence.find('\n') == std::string::npos, "a lockfile line is one line");
  }
  return contents.dependencies.empty() ? Verdict::rejected : Verdict::accepted;
}

Verdict run_zip(std::string_view input) {
  try {
    const ZipReader zip(input);
    for (const ZipMember& m : zip.members()) {
      try {
        const std::string data = zip.read(m);
        ASSAY_FUZZ_CHECK(data.size() == m.size, "a member has its recorded size");
      } catch (const ZipError&) {
      }
    }
    return Verdict::accepted;
  } catch (const ZipError&) {
    return Verdict::rejected;
  }
}

Verdict run_cvss(std::string_view input) {
  const std::optional<double> score = cvss3_base_score(input);
  if (!score) return Verdict::rejected;
  ASSAY_FUZZ_CHECK(*score >= 0 && *score <= 10, "a base score is within 0..10");
  ASSAY_FUZZ_CHECK(std::fabs(*score * 10 - std::round(*score * 10)) < 1e-9, "a base score has one decimal");
  cvss3_severity(*score);
  return Verdict::accepted;
}

Verdict run_versions(std::string_view input) {
  if (input.empty()) return Verdict::rejected;
  const auto letter = static_cast<unsigned char>(input[0]);
  const size_t index = letter >= 'a' && letter <= 'f' ? letter - 'a' : letter % std::size(kSchemes);
  const VersionScheme scheme = kSchemes[index];
  input.remove_prefix(1);
  const size_t newline = input.find('\n');
  const std::string_view a = input.substr(0, newline);
  const std::string_view b =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  const auto x = parse_version(scheme, a);
  const auto y = parse_version(scheme, b);
  if (!x || !y) return Verdict::rejected;
  ASSAY_FUZZ_CHECK(x->compare(*x) == 0 && y->compare(*y) == 0, "a version equals itself");
  const int xy = x->compare(*y);
  const int yx = y->compare(*x);
  ASSAY_FUZZ_CHECK((xy < 0) == (yx > 0) && (xy == 0) == (yx == 0), "comparison is antisymmetric");
  return Verdict::accepted;
}

}  // namespace
}  // namespace assay::osv

namespace assay::fuzz {

Verdict run_osv(std::string_view input) {
  using namespace assay::osv;
  if (input.empty()) return Verdict::rejected;
  const int target = target_of(static_cast<unsigned char>(input.front()));
  const std::string_view rest = input.substr(1);
  if (target == 0) return run_advisory(rest);
  if (target <= kLockfileFormats) return run_lockfile(static_cast<LockfileFormat>(target - 1), rest);
  if (target == kLockfileFormats + 1) return run_zip(rest);
  if (target == kLockfileFormats + 2) return run_cvss(rest);
  return run_versions(rest);
}

}  // namespace assay::fuzz
