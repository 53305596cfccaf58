// The items the scan's scoring stage has scored, in arrival order, kept in
// blocks of kBlockItems items each allocated at once. A std::deque of items
// this large allocates one node per item, and the scoring thread's malloc
// arena then grows a page at a time (one mprotect and a page fault per few
// items): a third of the stage's CPU in the rescan after one commit. A
// block is one allocation (mmap above malloc's threshold), and like a
// deque it grows without copying what it holds.
//
// Thread-compatible: the scoring stage's caller guards it.
#pragma once

#include <cstddef>
#include <vector>

#include "scan/backlog.h"

namespace assay::scan {

class ScoredItems {
 public:
  // Items per block: a few hundred KB, enough that blocks are rare, small
  // enough that the spare capacity of the last one stays small.
  static constexpr size_t kBlockItems = 256;

  // Items held.
  size_t size() const { return size_; }

  // Appends `item` (moved) after the ones held.
  void push_back(BacklogItem&& item);

  // All items held, in arrival order, in one vector of exactly their number;
  // each block is freed once its items are moved out, so the blocks and the
  // vector are never both whole. Leaves this empty.
  std::vector<BacklogItem> take_all();

 private:
  std::vector<std::vector<BacklogItem>> blocks_;
  size_t size_ = 0;
};

}  // namespace assay::scan
