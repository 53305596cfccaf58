// Recognises JSON text that is already in the host's compact form: what
// nlohmann::json::parse(text).dump() would give back unchanged. A finding's
// details arrive from plugins that mostly write them with the same library,
// so the host can keep such text as it is instead of parsing and re-writing
// it for every finding.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace assay {

// True only when `text` is one JSON object that parse-and-dump would return
// byte for byte: no whitespace outside strings; object keys without escapes,
// in strictly increasing byte order (so none repeats); strings of valid UTF-8
// escaped only where the writer escapes (\" \\ \b \f \n \r \t, \u00xx in
// lower-case hex for the other control characters); integers of at most 18
// digits without a leading zero or "-0", and other numbers only as the
// writer spells the double they read as (its shortest form: 0.5, 1.0,
// 1e+100); nesting at most 64 deep. False for everything else, including
// valid JSON in another form: callers then parse and re-write it.
bool is_compact_json_object(std::string_view text);

// One member of a compact JSON object, found without building the object.
struct CompactMember {
  bool compact = false;                   // is_compact_json_object(text)
  std::optional<std::string_view> value;  // the member's value as it stands in the text
};

// The value of the top-level member `key` of `text`, when the text is a
// compact JSON object (see above) that has one; .compact false means the
// text must be parsed to answer.
CompactMember find_compact_member(std::string_view text, std::string_view key);

// Several members in one pass: values[i] is the value of the top-level
// member keys[i] (nullopt when there is none). False, with every value
// nullopt, when the text is not a compact JSON object or the spans differ
// in size.
bool find_compact_members(std::string_view text, std::span<const std::string_view> keys,
                          std::span<std::optional<std::string_view>> values);

}  // namespace assay
