// Item identity: what makes two findings of two scans "the same item". Line
// numbers are deliberately not part of it, since code above an item moves it.
#pragma once

#include <string>
#include <string_view>

namespace assay {
struct Finding;
}

namespace assay::scan {

// Collapses runs of whitespace to one space and trims, so reformatting a
// comment does not change its identity.
std::string normalize_evidence(std::string_view text);

// 32 hex digits from scanner, rule, path and normalised evidence; when the
// scanner supplies its own identity, from scanner and that identity alone.
// `occurrence` separates equal findings in one file (the same TODO text
// twice).
std::string fingerprint(const Finding& finding, unsigned occurrence);

}  // namespace assay::scan
