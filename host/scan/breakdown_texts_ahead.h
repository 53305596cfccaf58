// The breakdown texts of a backlog made ahead, on a thread of their own,
// while the scan merges the backlog into the state store. Making the texts
// of dropped breakdowns (BreakdownTexts) is most of the work of writing the
// items' texts, and it needs nothing the merge gives (keys, statuses, first
// seen times): on two cores it is done beside the merge instead of after it,
// and the report stage starts with the texts already made.
#pragma once

#include <atomic>
#include <exception>
#include <thread>
#include <vector>

#include "scan/breakdown_texts.h"

namespace assay::scan {

class BreakdownTextsAhead {
 public:
  // Starts making the texts of `items`' dropped breakdowns in order, as many
  // as BreakdownTexts holds. `items` (ranked: the order the reporters take
  // them in) and `model` must outlive this object; meanwhile the items may
  // change only in fields a breakdown does not depend on (key, status,
  // first_seen_at).
  BreakdownTextsAhead(const std::vector<BacklogItem>& items, const scoring::Model* model);
  // Stops the thread, also when take() was not called.
  ~BreakdownTextsAhead();
  BreakdownTextsAhead(const BreakdownTextsAhead&) = delete;
  BreakdownTextsAhead& operator=(const BreakdownTextsAhead&) = delete;

  // Stops making texts (the caller now writes the items and makes the rest
  // as it goes) and gives those made; call once. A text that failed is left
  // for the writer, who reports it in the item's order.
  BreakdownTexts take();

 private:
  void make_all(const std::vector<BacklogItem>& items);
  void stop();

  BreakdownTexts texts_;
  std::atomic<bool> stopping_{false};
  std::thread maker_;
};

}  // namespace assay::scan
