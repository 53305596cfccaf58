// The JSON texts of the items' score breakdowns while a backlog is reported.
// A scan drops the breakdowns it holds (drop_breakdown) and each one would be
// recomputed when its item is written; but a backlog repeats few distinct
// ones (equal scoring inputs give equal breakdowns), so each distinct text is
// made once and reused.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "scan/backlog.h"

namespace assay::scan {

class BreakdownTexts {
 public:
  // `model` recomputes dropped breakdowns; it may be null when none was
  // dropped, and must outlive this object.
  explicit BreakdownTexts(const scoring::Model* model) : model_(model) {}

  // The item's breakdown as append_breakdown_json writes it: its own, or the
  // one `model` gives its scoring inputs. Valid until the next call. Throws
  // std::logic_error when it was dropped and no model was given.
  std::string_view text_of(const BacklogItem& item);

  // Makes the text of the item's dropped breakdown for a later text_of, if
  // the memo has room (an item that kept its breakdown needs nothing).
  // Returns false, making nothing, once the memo is full: a text made then
  // would push out those made before it. Throws like text_of.
  bool make_ahead(const BacklogItem& item);

  // Distinct texts kept at most; past it the memo starts afresh, so memory
  // stays bounded when nearly every item scores differently.
  static constexpr size_t kMaxTexts = 4096;

 private:

  const scoring::Model* model_;
  std::unordered_map<std::string, std::string> by_score_key_;
  std::string own_;  // the text of an item that kept its breakdown
};

}  // namespace assay::scan
