// The identity of a SARIF result across scans. A tool's partialFingerprints
// are used as they are; without them the identity is a hash of the text of
// the result's first line (whitespace collapsed), like GitHub's
// primaryLocationLineHash, so that the item survives edits that move the
// line. The host adds scanner, rule and path, and tells equal identities in
// one file apart by their order.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace assay::sarif {

// FNV-1a 64 of `text` with runs of whitespace collapsed to one space and
// leading and trailing whitespace dropped.
uint64_t line_text_hash(std::string_view text);

// "tool\npartialFingerprints\nkey=value\n..." with keys sorted.
std::string fingerprint_identity(std::string_view tool,
                                 const std::map<std::string, std::string>& fingerprints);

// "tool\nline\n<16 hex digits>", with `source` naming what was hashed
// ("line-text", "snippet", "message").
std::string line_identity(std::string_view tool, std::string_view source, uint64_t hash);

}  // namespace assay::sarif
