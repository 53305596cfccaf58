// Text from lockfiles and advisories is not trusted to be UTF-8; the host
// refuses findings that are not.
#pragma once

#include <string>
#include <string_view>

namespace assay::osv {

// `text` with every byte that does not start a valid UTF-8 sequence
// replaced by U+FFFD and control characters other than tab by spaces.
std::string to_valid_utf8(std::string_view text);

// At most `max_chars` code points of valid UTF-8 `text`, "..." appended
// when it was cut.
std::string shorten(std::string_view text, size_t max_chars);

}  // namespace assay::osv
