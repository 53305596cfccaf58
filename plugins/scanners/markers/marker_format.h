// How a marker reads in the backlog: title, confidence and the details
// object every finding carries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "marker.h"

namespace assay::markers {

inline constexpr size_t kMaxTitleChars = 100;

// `text` cut to at most `max_chars` characters (UTF-8 code points), at a word
// boundary where there is one, ending in "…" when cut.
std::string shorten(std::string_view text, size_t max_chars);

// "TAG: <first line>", shortened to kMaxTitleChars; "TAG in <path>" when the
// marker has no text.
std::string marker_title(const Marker& marker, std::string_view path);

// How sure we are that the marker is real work:
//   0.9  tag in upper case with text      ("TAG: cache this")
//   0.7  tag in another case with text    ("tag: cache this")
//   0.6  tag in upper case, no text       ("TAG")
//   0.4  tag in another case, no text     ("Tag:")
double marker_confidence(const Marker& marker);

// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD:
// source files in legacy encodings must not break the host's JSON.
std::string to_valid_utf8(std::string_view text);

// Where a marker's line came from, as the host's history says.
struct MarkerOrigin {
  std::string state;   // committed | at_or_before | before_history | uncommitted
  std::string commit;  // 40-hex, "" unless committed or at_or_before
  std::string author;  // "Name <email>", likewise
  std::string time;    // ISO 8601 UTC, likewise
};

// {"tag","text","owner","reference","language","comment":"line|block|doc"},
// and "origin": {"state","commit","author","time"} when `origin` is given
// (commit, author and time null when not known).
std::string marker_details_json(const Marker& marker, std::string_view language,
                                const MarkerOrigin* origin = nullptr);

}  // namespace assay::markers
