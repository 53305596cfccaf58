#include "history/pack_index.h"

#include <cstring>

#include "history/history_error.h"

namespace assay::history {
namespace {

constexpr size_t kHeaderSize = 8;
constexpr size_t kFanoutSize = 256 * 4;
constexpr size_t kTrailerSize = 2 * PackIndex::kIdSize;
// Per object: its id, its CRC-32 and its 4-byte offset.
constexpr size_t kPerObject = PackIndex::kIdSize + 4 + 4;

uint32_t big_endian32(const unsigned char* p) {
  return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | p[3];
}

uint64_t big_endian64(const unsigned char* p) {
  return (static_cast<uint64_t>(big_endian32(p)) << 32) | big_endian32(p + 4);
}

// Bytes 1 to 8 of an id as a number: ids are uniformly distributed, so an
// id's position among those sharing its first byte is about proportional
// to this key, which lets the search interpolate instead of bisecting (a
// bisection of a 12 MB index misses the CPU cache at nearly every step).
uint64_t interpolation_key(const unsigned char* id) { return big_endian64(id + 1); }

}  // namespace

PackIndex::PackIndex(std::string_view bytes, const std::string& name)
    : bytes_(reinterpret_cast<const unsigned char*>(bytes.data())), size_(bytes.size()), name_(name) {
  auto malformed = [&](const std::string& why) -> HistoryError {
    return HistoryError("pack index " + name_ + " is not a version 2 index: " + why);
  };
  static const unsigned char kSignature[4] = {0xFF, 't', 'O', 'c'};
  if (size_ < kHeaderSize + kFanoutSize + kTrailerSize) throw malformed("too short");
  if (std::memcmp(bytes_, kSignature, 4) != 0) throw malformed("no signature");
  if (big_endian32(bytes_ + 4) != 2) throw malformed("version " + std::to_string(big_endian32(bytes_ + 4)));
  for (unsigned b = 1; b < 256; ++b) {
    if (fanout(b) < fanout(b - 1)) throw malformed("its fanout table decreases at " + std::to_string(b));
  }
  count_ = fanout(255);
  const uint64_t fixed = kHeaderSize + kFanoutSize + static_cast<uint64_t>(count_) * kPerObject + kTrailerSize;
  if (size_ < fixed || (size_ - fixed) % 8 != 0)
    throw malformed("its size does not fit " + std::to_string(count_) + " objects");
  ids_ = bytes_ + kHeaderSize + kFanoutSize;
  offsets_ = ids_ + static_cast<size_t>(count_) * (kIdSize + 4);
  large_offsets_ = offsets_ + static_cast<size_t>(count_) * 4;
  large_count_ = (size_ - fixed) / 8;
}

uint32_t PackIndex::fanout(unsigned byte) const { return big_endian32(bytes_ + kHeaderSize + 4 * byte); }

const unsigned char* PackIndex::pack_checksum() const { return bytes_ + size_ - kTrailerSize; }

uint64_t PackIndex::offset_at(uint32_t position) const {
  const uint32_t small = big_endian32(offsets_ + static_cast<size_t>(position) * 4);
  if (!(small & 0x80000000u)) return small;
  const uint32_t large = small & 0x7FFFFFFFu;
  if (large >= large_count_)
    throw HistoryError("pack index " + name_ + " names large offset " + std::to_string(large) + " of " +
                       std::to_string(large_count_));
  return big_endian64(large_offsets_ + static_cast<size_t>(large) * 8);
}

std::optional<uint32_t> PackIndex::search(const unsigned char* id, uint32_t low, uint32_t high) const {
  // Interpolation between the keys just outside [low, high): at first the
  // bucket's bounds (every key of the bucket lies in [0, 2^64)), then the
  // keys of earlier guesses, so each step reads one entry. A few steps
  // narrow a bucket of thousands to a handful; bisection finishes, and
  // takes over when the keys do not behave (ids not uniformly spread, or
  // not sorted in a corrupt index), so a lookup costs at most a bisection.
  const uint64_t key = interpolation_key(id);
  uint64_t low_key = 0;
  uint64_t high_key = UINT64_MAX;
  for (int step = 0; step < 6 && high - low > 8; ++step) {
    if (key < low_key || key > high_key) break;
    const unsigned __int128 span = static_cast<unsigned __int128>(key - low_key) * (high - low);
    const unsigned __int128 width = static_cast<unsigned __int128>(high_key - low_key) + 1;
    uint32_t guess = low + static_cast<uint32_t>(span / width);
    if (guess >= high) guess = high - 1;
    const uint64_t guess_key = interpolation_key(id_at(guess));
    if (guess_key < key) {
      low = guess + 1;
      low_key = guess_key;
    } else if (guess_key > key) {
      high = guess;
      high_key = guess_key;
    } else {
      break;  // equal keys: the bisection compares whole ids
    }
  }
  while (low < high) {
    const uint32_t middle = low + (high - low) / 2;
    const int order = std::memcmp(id_at(middle), id, kIdSize);
    if (order == 0) return middle;
    if (order < 0) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return std::nullopt;
}

namespace {
uint32_t word_at(const unsigned char* p) {
  uint32_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}
}  // namespace

void PackIndex::build_hash_table() {
  size_t size = 1024;
  while (size < static_cast<size_t>(count_) * 2) size *= 2;
  slots_.assign(size, 0);
  const size_t mask = size - 1;
  for (uint32_t position = 0; position < count_; ++position) {
    const unsigned char* id = id_at(position);
    size_t slot = word_at(id) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = (static_cast<uint64_t>(word_at(id + 4)) << 32) | (static_cast<uint64_t>(position) + 1);
  }
}

std::optional<uint32_t> PackIndex::hashed(const unsigned char* id) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = static_cast<uint64_t>(word_at(id + 4)) << 32;
  for (size_t slot = word_at(id) & mask;; slot = (slot + 1) & mask) {
    const uint64_t entry = slots_[slot];
    if (entry == 0) return std::nullopt;
    if ((entry & 0xFFFFFFFF00000000ull) != tag) continue;
    const uint32_t position = static_cast<uint32_t>(entry) - 1;
    if (std::memcmp(id_at(position), id, kIdSize) == 0) return position;
  }
}

std::optional<uint64_t> PackIndex::find(const unsigned char* id) const {
  if (!slots_.empty()) {
    if (std::optional<uint32_t> position = hashed(id)) return offset_at(*position);
    return std::nullopt;
  }
  const uint32_t low = id[0] == 0 ? 0 : fanout(id[0] - 1u);
  const uint32_t high = fanout(id[0]);
  if (std::optional<uint32_t> position = search(id, low, high)) return offset_at(*position);
  return std::nullopt;
}

}  // namespace assay::history
