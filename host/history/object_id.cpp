#include "history/object_id.h"

#include <cstring>

namespace assay::history {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool ObjectId::is_zero() const {
  for (unsigned char b : bytes) {
    if (b != 0) return false;
  }
  return true;
}

std::string ObjectId::hex() const {
  static const char kDigits[] = "0123456789abcdef";
  std::string text(kSize * 2, '0');
  for (std::size_t i = 0; i < kSize; ++i) {
    text[2 * i] = kDigits[bytes[i] >> 4];
    text[2 * i + 1] = kDigits[bytes[i] & 0xF];
  }
  return text;
}

std::optional<ObjectId> ObjectId::from_hex(std::string_view text) {
  if (text.size() != kSize * 2) return std::nullopt;
  ObjectId id;
  for (std::size_t i = 0; i < kSize; ++i) {
    int high = hex_value(text[2 * i]);
    int low = hex_value(text[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    id.bytes[i] = static_cast<unsigned char>(high << 4 | low);
  }
  return id;
}

std::size_t ObjectIdHash::operator()(const ObjectId& id) const {
  // SHA-1 bytes are uniformly distributed: the first word is a good hash.
  std::size_t h;
  std::memcpy(&h, id.bytes.data(), sizeof h);
  return h;
}

}  // namespace assay::history
