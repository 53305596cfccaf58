#include "history/recent_objects.h"

namespace assay::history {

const PackedObject* RecentObjects::find(const unsigned char* id) const {
  const Slot& slot = slots_[slot_of(id)];
  return slot.object.bytes && std::memcmp(slot.id, id, sizeof slot.id) == 0 ? &slot.object : nullptr;
}

void RecentObjects::put(const unsigned char* id, const PackedObject& object) {
  const size_t size = object.bytes->size();
  if (size > budget_) return;
  Slot& slot = slots_[slot_of(id)];
  if (slot.object.bytes) bytes_ -= slot.object.bytes->size();
  slot.object = PackedObject();
  if (bytes_ + size > budget_) {
    for (Slot& other : slots_) other.object = PackedObject();
    bytes_ = 0;
  }
  std::memcpy(slot.id, id, sizeof slot.id);
  slot.object = object;
  bytes_ += size;
}

}  // namespace assay::history
