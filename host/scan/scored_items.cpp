#include "scan/scored_items.h"

#include <utility>

namespace assay::scan {

void ScoredItems::push_back(BacklogItem&& item) {
  if (blocks_.empty() || blocks_.back().size() == kBlockItems) {
    blocks_.emplace_back();
    blocks_.back().reserve(kBlockItems);
  }
  blocks_.back().push_back(std::move(item));
  ++size_;
}

std::vector<BacklogItem> ScoredItems::take_all() {
  std::vector<BacklogItem> items;
  items.reserve(size_);
  for (auto& block : blocks_) {
    for (auto& item : block) items.push_back(std::move(item));
    std::vector<BacklogItem>().swap(block);
  }
  blocks_.clear();
  size_ = 0;
  return items;
}

}  // namespace assay::scan
