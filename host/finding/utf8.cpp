#include "finding/utf8.h"

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace assay {

size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = *p;
  size_t length = 0;
  uint32_t value = 0;
  uint32_t min_value = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1Fu, min_value = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0Fu, min_value = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07u, min_value = 0x10000;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    value = (value << 6) | (p[i] & 0x3Fu);
  }
  if (value < min_value || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return length;
}

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // Eight ASCII bytes at a time: the common case by far.
    uint64_t word = 0;
    if (end - p >= 8 && (std::memcpy(&word, p, sizeof word), (word & 0x8080808080808080ull) == 0)) {
      p += 8;
      continue;
    }
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const size_t length = utf8_sequence_length(p, end);
    if (length == 0) return false;
    p += length;
  }
  return true;
}

std::string replace_invalid_utf8(std::string text) {
  if (is_valid_utf8(text)) return text;
  // nlohmann's own rules decide how many replacement characters a broken
  // sequence becomes; its parser then reads the escaped text back.
  const std::string dumped = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return nlohmann::json::parse(dumped).get<std::string>();
}

}  // namespace assay
