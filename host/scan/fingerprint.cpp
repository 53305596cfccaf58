#include "scan/fingerprint.h"

#include <cctype>
#include <cstdint>

#include "finding/finding.h"

namespace assay::scan {
namespace {

// FNV-1a over two different offset bases gives 128 bits; identity needs to be
// stable and spread, not cryptographic.
struct Hash128 {
  uint64_t a = 0xcbf29ce484222325ULL;
  uint64_t b = 0x84222325cbf29ce4ULL;
  void add(std::string_view s) {
    for (unsigned char c : s) {
      a = (a ^ c) * 0x100000001b3ULL;
      b = (b ^ c) * 0x100000001b3ULL;
      b ^= b >> 29;
    }
    // A separator byte keeps ("ab","c") and ("a","bc") apart.
    a = (a ^ 0x1f) * 0x100000001b3ULL;
    b = (b ^ 0x1f) * 0x100000001b3ULL;
  }
  // The two halves as 32 lower-case hex digits (what "%016llx%016llx" prints).
  std::string hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
      out[15 - i] = kDigits[(a >> (4 * i)) & 0xF];
      out[31 - i] = kDigits[(b >> (4 * i)) & 0xF];
    }
    return out;
  }
};

}  // namespace

std::string normalize_evidence(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string fingerprint(const Finding& finding, unsigned occurrence) {
  Hash128 h;
  h.add(finding.source);
  if (!finding.identity.empty()) {
    // The scanner vouches for its identity (a SARIF partial fingerprint, an
    // advisory id and package): rule, path and evidence may change under it.
    h.add("identity");
    h.add(finding.identity);
  } else {
    h.add(finding.rule);
    h.add(finding.path);
    h.add(normalize_evidence(finding.evidence.empty() ? finding.title : finding.evidence));
  }
  h.add(std::to_string(occurrence));
  return h.hex();
}

}  // namespace assay::scan
