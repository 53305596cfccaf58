// UTF-8 checks shared by the host's text handling.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace assay {

// Whether `text` is valid UTF-8: no stray continuation bytes, no overlong
// forms, no surrogates, nothing above U+10FFFF, no sequence cut short.
bool is_valid_utf8(std::string_view text);

// Length of the valid UTF-8 sequence starting at `p` (a lead byte >= 0x80),
// or 0 when it is not one.
size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end);

// `text` unchanged when valid; otherwise with every invalid sequence
// replaced by U+FFFD exactly as nlohmann::json's error_handler_t::replace
// does when it serialises the string, which is what a finding's text looked
// like after the JSON round trip of the findings pipeline.
std::string replace_invalid_utf8(std::string text);

}  // namespace assay
