#include "history/delta_base_cache.h"

#include <utility>

namespace assay::history {

DeltaBaseCache::DeltaBaseCache(size_t slots, size_t budget) : slots_(slots), mask_(slots - 1), budget_(budget) {}

const PackedObject* DeltaBaseCache::find(uint32_t pack, uint64_t offset) const {
  const Slot& slot = slots_[slot_of(pack, offset)];
  return slot.object.bytes && slot.offset == offset && slot.pack == pack ? &slot.object : nullptr;
}

void DeltaBaseCache::put(uint32_t pack, uint64_t offset, PackedObject object) {
  const size_t size = object.bytes->size();
  if (size > budget_) return;
  Slot& slot = slots_[slot_of(pack, offset)];
  if (slot.object.bytes) bytes_ -= slot.object.bytes->size();
  slot.object = PackedObject();
  if (bytes_ + size > budget_) {
    for (Slot& other : slots_) other.object = PackedObject();
    bytes_ = 0;
  }
  slot.offset = offset;
  slot.pack = pack;
  slot.object = std::move(object);
  bytes_ += size;
}

}  // namespace assay::history
