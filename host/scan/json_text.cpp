#include "scan/json_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "finding/utf8.h"

namespace assay::scan {
namespace {

// Appends the escape of a byte below 0x20, of '"' or of '\\'.
void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(escape, sizeof(escape));
    }
  }
}

// Plain bytes are written as they are: printable ASCII but '"' and '\\'.
#ifdef __SSE2__
// A bit set for each of the sixteen bytes at `p` that is not plain.
int not_plain_mask(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // A signed comparison: bytes from 0x80 on are negative, so below the space
  // too.
  const __m128i below_space = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  return _mm_movemask_epi8(_mm_or_si128(below_space, _mm_or_si128(quote, backslash)));
}

// The position of the first byte from `i` on that is not plain, or `size`.
// Most text is plain ASCII: it is checked sixteen bytes at a time.
size_t skip_plain(const unsigned char* bytes, size_t size, size_t i) {
  for (; i + 16 <= size; i += 16) {
    if (const int mask = not_plain_mask(bytes + i); mask != 0)
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
  if (i == size) return size;
  // The last bytes, fewer than sixteen, padded with spaces (plain).
  unsigned char tail[16];
  std::memset(tail, ' ', sizeof tail);
  std::memcpy(tail, bytes + i, size - i);
  const int mask = not_plain_mask(tail);
  return mask == 0 ? size : i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
}
#else
// Bytes written as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlainBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  return table;
}();

// Whether all eight bytes of `word` are plain (kPlainBytes), tested at once:
// none has its high bit set, is below 0x20, or is '"' or '\\'.
bool all_plain(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const auto has_zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighBits;
  return ((word & kHighBits) | below_space | has_zero_byte(word ^ (kOnes * '"')) |
          has_zero_byte(word ^ (kOnes * '\\'))) == 0;
}

// The position of the first byte from `i` on that is not plain, or `size`:
// eight bytes at a time, then one by one.
size_t skip_plain(const unsigned char* bytes, size_t size, size_t i) {
  for (; i + sizeof(uint64_t) <= size; i += sizeof(uint64_t)) {
    uint64_t word;
    std::memcpy(&word, bytes + i, sizeof word);
    if (!all_plain(word)) break;
  }
  while (i < size && kPlainBytes[bytes[i]]) ++i;
  return i;
}
#endif

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t i = skip_plain(bytes, size, 0);
  if (i == size) {
    // The usual case: nothing to escape or to check, so the literal is
    // written in one piece.
    const size_t at = out.size();
    out.resize(at + size + 2);
    char* literal = out.data() + at;
    literal[0] = '"';
    std::memcpy(literal + 1, text.data(), size);
    literal[size + 1] = '"';
    return;
  }
  const size_t mark = out.size();
  out += '"';
  size_t plain_begin = 0;
  while (i < size) {
    // bytes[i] is not plain: the start of a multi-byte sequence, or a byte
    // to escape.
    const unsigned char c = bytes[i];
    if (c >= 0x80) {
      const size_t length = utf8_sequence_length(bytes + i, bytes + size);
      if (length == 0) {
        // Rare: let nlohmann apply its own replacement rules, so the text is
        // the same as a document dump would give.
        out.resize(mark);
        out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += length;
    } else {
      out.append(text.data() + plain_begin, i - plain_begin);
      append_escape(out, c);
      plain_begin = ++i;
    }
    i = skip_plain(bytes, size, i);
  }
  out.append(text.data() + plain_begin, size - plain_begin);
  out += '"';
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // A backlog repeats few distinct numbers (scores come from small tables),
  // so this thread remembers recent ones: a lookup instead of Grisu2.
  struct Remembered {
    uint64_t bits = 0;
    uint8_t size = 0;  // 0: empty
    char text[31];
  };
  thread_local std::array<Remembered, 256> remembered;
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  Remembered& slot = remembered[(bits ^ (bits >> 29) ^ (bits >> 47)) & 0xFF];
  if (slot.size == 0 || slot.bits != bits) {
    // The very routine nlohmann's serializer prints floating-point numbers with.
    const char* end = nlohmann::detail::to_chars(slot.text, slot.text + sizeof(slot.text), value);
    slot.bits = bits;
    slot.size = static_cast<uint8_t>(end - slot.text);
  }
  out.append(slot.text, slot.size);
}

void append_json_number(std::string& out, uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out.append(buffer, static_cast<size_t>(result.ptr - buffer));
}

void append_json_string_array(std::string& out, const std::vector<std::string>& values) {
  out += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, values[i]);
  }
  out += ']';
}

}  // namespace assay::scan
