// The items' JSON texts, written on a thread of their own a little ahead of
// the reporters that consume them. Writing an item's text (append_item_json)
// costs about as much as the json reporter's handling of it, so on two cores
// the report stage takes the longer of the two instead of their sum. Texts
// come in batches so that the threads meet once per batch, not per item;
// only a few batches exist at a time, so memory stays flat however long the
// backlog is.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "scan/backlog.h"
#include "scan/breakdown_texts.h"

namespace assay::scan {

class ItemTextFeed {
 public:
  // Starts writing the texts of `items`, in order. `items` and `model` (which
  // recomputes dropped breakdowns, BreakdownTexts) must outlive the feed.
  ItemTextFeed(const std::vector<BacklogItem>& items, const scoring::Model* model);
  // The same, starting with the breakdown texts made ahead
  // (BreakdownTextsAhead), whose model recomputes the rest.
  ItemTextFeed(const std::vector<BacklogItem>& items, BreakdownTexts made);
  // Stops the writer, also when not every text was taken.
  ~ItemTextFeed();
  ItemTextFeed(const ItemTextFeed&) = delete;
  ItemTextFeed& operator=(const ItemTextFeed&) = delete;

  // The text of the next item, NUL-terminated, valid until the next call.
  // Items are taken in order, each once, at most items.size() times.
  // Rethrows what writing the text threw (e.g. a dropped breakdown without
  // a model).
  std::string_view next();

  // Texts per batch, and batches written ahead at most.
  static constexpr size_t kBatchItems = 64;
  static constexpr size_t kBatchesAhead = 4;

 private:
  // Consecutive items' texts, each followed by a NUL.
  struct Batch {
    std::string text;
    std::vector<size_t> ends;  // where each text's NUL is
    std::exception_ptr error;  // what stopped the writer at the batch's end
  };

  void write_all();
  std::unique_ptr<Batch> take_spare();

  const std::vector<BacklogItem>& items_;
  BreakdownTexts breakdowns_;  // the writer's
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> ready_;   // written, in order
  std::vector<std::unique_ptr<Batch>> spare_;  // read, to be reused
  bool stopping_ = false;
  std::unique_ptr<Batch> current_;  // the batch being read
  size_t position_ = 0;             // the next text within current_
  size_t taken_ = 0;                // texts next() gave
  std::thread writer_;
};

}  // namespace assay::scan
