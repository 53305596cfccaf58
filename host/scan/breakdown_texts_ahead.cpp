#include "scan/breakdown_texts_ahead.h"

namespace assay::scan {

BreakdownTextsAhead::BreakdownTextsAhead(const std::vector<BacklogItem>& items, const scoring::Model* model)
    : texts_(model) {
  if (model != nullptr && !items.empty()) maker_ = std::thread([this, &items] { make_all(items); });
}

BreakdownTextsAhead::~BreakdownTextsAhead() { stop(); }

void BreakdownTextsAhead::make_all(const std::vector<BacklogItem>& items) {
  try {
    for (const BacklogItem& item : items) {
      if (stopping_.load(std::memory_order_relaxed) || !texts_.make_ahead(item)) return;
    }
  } catch (...) {
    // The writer makes this text again in the item's order and reports the
    // failure there, with the items before it written.
  }
}

void BreakdownTextsAhead::stop() {
  stopping_.store(true, std::memory_order_relaxed);
  if (maker_.joinable()) maker_.join();
}

BreakdownTexts BreakdownTextsAhead::take() {
  stop();
  return std::move(texts_);
}

}  // namespace assay::scan
