// Objects the pack reader returned lately, by object id, so that a tree the
// walk needs again a few commits later (a directory left alone meanwhile)
// is found without searching the pack index, whose lookups miss the CPU
// cache at every step. Direct-mapped like DeltaBaseCache: one slot per id
// hash, a newer object takes the slot over, and the cache is emptied when
// its objects would pass the byte budget. Internal to host/history.
#pragma once

#include <cstddef>
#include <cstring>
#include <vector>

#include "history/delta_base_cache.h"

namespace assay::history {

class RecentObjects {
 public:
  // `slots`: a power of two; `budget`: bytes of objects kept at most.
  RecentObjects(size_t slots, size_t budget) : slots_(slots), mask_(slots - 1), budget_(budget) {}

  // The object `id` (20 bytes), if kept.
  const PackedObject* find(const unsigned char* id) const;
  // Keeps `object` as `id`, replacing what its slot held.
  void put(const unsigned char* id, const PackedObject& object);

 private:
  struct Slot {
    unsigned char id[20] = {};
    PackedObject object;
  };
  size_t slot_of(const unsigned char* id) const {
    size_t hash;  // ids are uniformly distributed: their first bytes hash well
    std::memcpy(&hash, id, sizeof hash);
    return hash & mask_;
  }

  std::vector<Slot> slots_;
  size_t mask_;
  size_t budget_;
  size_t bytes_ = 0;
};

}  // namespace assay::history
