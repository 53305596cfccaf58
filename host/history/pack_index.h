// The index (.idx, version 2) of a git pack file: which objects the pack
// holds and where each starts. Reads the index's bytes in place (the caller
// keeps them mapped). Internal to host/history (the pack reader).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::history {

class PackIndex {
 public:
  static constexpr size_t kIdSize = 20;

  // Checks the layout of a version 2 index: its signature, a fanout table
  // that never decreases, and a size that fits its object count. Throws
  // HistoryError naming `name` (the file) when it is not such an index.
  // Lookups never read outside `bytes`, even when the ids are not sorted.
  PackIndex(std::string_view bytes, const std::string& name);

  // Objects in the pack.
  uint32_t count() const { return count_; }
  // The pack file's checksum as the index records it (20 bytes).
  const unsigned char* pack_checksum() const;

  // The position in the pack of the object `id` (20 bytes), or nullopt when
  // the pack does not hold it. Throws HistoryError when its entry points
  // into the large-offset table past its end.
  std::optional<uint64_t> find(const unsigned char* id) const;

  // Builds a hash table of the ids (8 bytes per slot, at least two slots
  // per object) that find() uses from then on: a lookup then reads about
  // one slot and one index entry instead of the several entries an
  // interpolation and bisection of the sorted ids read, each a likely CPU
  // cache miss. Worth it when many lookups follow (the history walk).
  void build_hash_table();

 private:
  uint32_t fanout(unsigned byte) const;
  const unsigned char* id_at(uint32_t position) const { return ids_ + static_cast<size_t>(position) * kIdSize; }
  uint64_t offset_at(uint32_t position) const;
  // The position of `id` among positions [low, high), ids sorted.
  std::optional<uint32_t> search(const unsigned char* id, uint32_t low, uint32_t high) const;
  std::optional<uint32_t> hashed(const unsigned char* id) const;

  const unsigned char* bytes_;
  size_t size_;
  std::string name_;
  uint32_t count_ = 0;
  const unsigned char* ids_ = nullptr;
  const unsigned char* offsets_ = nullptr;
  const unsigned char* large_offsets_ = nullptr;
  uint64_t large_count_ = 0;
  // Slot: bytes 4-7 of the id in the high half, its position + 1 in the low
  // half; 0 when empty. Indexed by bytes 0-3, probed linearly.
  std::vector<uint64_t> slots_;
};

}  // namespace assay::history
