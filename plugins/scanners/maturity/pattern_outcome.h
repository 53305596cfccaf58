// What one content pattern found in one version of a file, and how it is
// kept in the host's cache (plugin ABI 1.4) under the file's blob id: a
// rescan then searches only the files that changed. The outcome depends on
// the text alone (the pattern and its case mode are in the key), so it holds
// for every scan that sees the same blob.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "content_pattern.h"

namespace assay::maturity {

struct PatternOutcome {
  std::optional<PatternMatch> match;
  bool gave_up = false;  // the search hit its limit (no match then)
};

// The cache key of `pattern`'s outcome in the blob `blob_id`: the blob id
// and a digest of the pattern's expression and case mode. "" when the blob
// id is unknown (a file changed in the working tree): such a search is not
// cached.
std::string pattern_cache_key(const ContentPattern& pattern, std::string_view blob_id);

std::string encode_outcome(const PatternOutcome& outcome);
// nullopt for a value encode_outcome did not write (searched again then).
std::optional<PatternOutcome> decode_outcome(std::string_view value);

}  // namespace assay::maturity
