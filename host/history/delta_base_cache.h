// Objects recently read from pack files, kept so that the next object whose
// delta chain passes through one of them starts there instead of inflating
// the chain from its full base again. Direct-mapped, as git's own delta
// base cache once was: each pack position has one slot it may occupy, and a
// newer object takes the slot over. A lookup touches one slot of a small
// array (the walk is bound by memory latency, and node-based maps cost
// several cache misses per lookup). Bounded in bytes: when the objects
// kept would pass the budget, the cache is emptied. Internal to
// host/history (the pack reader).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace assay::history {

// An object read from a pack: its git type (1 commit, 2 tree, 3 blob, 4 tag)
// and its bytes.
struct PackedObject {
  int type = 0;
  std::shared_ptr<const std::string> bytes;
};

class DeltaBaseCache {
 public:
  // `slots`: a power of two; `budget`: bytes of objects kept at most.
  DeltaBaseCache(size_t slots, size_t budget);

  // The object at `offset` of pack `pack`, if kept.
  const PackedObject* find(uint32_t pack, uint64_t offset) const;
  // Keeps `object` in its slot, replacing what was there.
  void put(uint32_t pack, uint64_t offset, PackedObject object);

  // Bytes of the objects kept.
  size_t bytes() const { return bytes_; }

 private:
  struct Slot {
    uint64_t offset = 0;
    uint32_t pack = 0;
    PackedObject object;
  };
  size_t slot_of(uint32_t pack, uint64_t offset) const {
    return ((offset ^ (static_cast<uint64_t>(pack) << 40)) * 0x9E3779B97F4A7C15ull >> 32) & mask_;
  }

  std::vector<Slot> slots_;
  size_t mask_;
  size_t budget_;
  size_t bytes_ = 0;
};

}  // namespace assay::history
