#include "scan/breakdown_texts.h"

#include "scan/item_text.h"

namespace assay::scan {

std::string_view BreakdownTexts::text_of(const BacklogItem& item) {
  if (item.breakdown != nullptr || model_ == nullptr) {
    // breakdown_of gives the item's own, or throws for a dropped one.
    own_.clear();
    append_breakdown_json(own_, breakdown_of(item, model_));
    return own_;
  }
  std::string key = scoring::Model::score_key(item.finding, item.context);
  if (auto found = by_score_key_.find(key); found != by_score_key_.end()) return found->second;
  if (by_score_key_.size() >= kMaxTexts) by_score_key_.clear();
  std::string text;
  append_breakdown_json(text, breakdown_of(item, model_));
  return by_score_key_.emplace(std::move(key), std::move(text)).first->second;
}

bool BreakdownTexts::make_ahead(const BacklogItem& item) {
  if (item.breakdown != nullptr || model_ == nullptr) return true;
  if (by_score_key_.size() >= kMaxTexts) return false;
  text_of(item);
  return true;
}

}  // namespace assay::scan
