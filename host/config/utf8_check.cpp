#include "config/utf8_check.h"

namespace assay::config {
namespace {

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

// The length of the well-formed sequence starting at `at`, or 0 when the
// bytes there are not one (Unicode 15, table 3-7).
std::size_t sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (in_range(lead, 0xC2, 0xDF)) {
    length = 2;
  } else if (in_range(lead, 0xE0, 0xEF)) {
    length = 3;
    if (lead == 0xE0) second_low = 0xA0;   // overlong below U+0800
    if (lead == 0xED) second_high = 0x9F;  // UTF-16 surrogates
  } else if (in_range(lead, 0xF0, 0xF4)) {
    length = 4;
    if (lead == 0xF0) second_low = 0x90;   // overlong below U+10000
    if (lead == 0xF4) second_high = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // a continuation byte, C0, C1 or F5..FF
  }
  if (text.size() - at < length) return 0;
  if (!in_range(byte(1), second_low, second_high)) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!in_range(byte(i), 0x80, 0xBF)) return 0;
  }
  return length;
}

}  // namespace

std::optional<TextPosition> first_invalid_utf8(std::string_view text) {
  TextPosition position;
  // yaml-cpp drops a byte order mark before it counts columns.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  std::size_t at = text.substr(0, kByteOrderMark.size()) == kByteOrderMark ? kByteOrderMark.size() : 0;
  while (at < text.size()) {
    const std::size_t length = sequence_length(text, at);
    if (length == 0) {
      position.offset = at;
      return position;
    }
    if (text[at] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      position.column += static_cast<int>(length);
    }
    at += length;
  }
  return std::nullopt;
}

}  // namespace assay::config
