#include "scan/item_text_feed.h"

#include <algorithm>
#include <stdexcept>

#include "scan/item_text.h"

namespace assay::scan {

ItemTextFeed::ItemTextFeed(const std::vector<BacklogItem>& items, const scoring::Model* model)
    : ItemTextFeed(items, BreakdownTexts(model)) {}

ItemTextFeed::ItemTextFeed(const std::vector<BacklogItem>& items, BreakdownTexts made)
    : items_(items), breakdowns_(std::move(made)) {
  if (!items_.empty()) writer_ = std::thread([this] { write_all(); });
}

ItemTextFeed::~ItemTextFeed() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (writer_.joinable()) writer_.join();
}

std::unique_ptr<ItemTextFeed::Batch> ItemTextFeed::take_spare() {
  std::unique_lock<std::mutex> lock(mutex_);
  // Room for one more batch ahead: at most kBatchesAhead wait unread.
  changed_.wait(lock, [&] { return stopping_ || ready_.size() < kBatchesAhead; });
  if (stopping_) return nullptr;
  if (spare_.empty()) return std::make_unique<Batch>();
  std::unique_ptr<Batch> batch = std::move(spare_.back());
  spare_.pop_back();
  return batch;
}

void ItemTextFeed::write_all() {
  size_t next = 0;
  while (next < items_.size()) {
    std::unique_ptr<Batch> batch = take_spare();
    if (!batch) return;
    batch->text.clear();
    batch->ends.clear();
    const size_t end = std::min(items_.size(), next + kBatchItems);
    try {
      for (; next < end; ++next) {
        append_item_json(batch->text, items_[next], breakdowns_.text_of(items_[next]));
        batch->ends.push_back(batch->text.size());
        batch->text += '\0';
      }
    } catch (...) {
      batch->error = std::current_exception();
      next = items_.size();  // nothing after a failed text
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready_.push_back(std::move(batch));
    }
    changed_.notify_all();
  }
}

std::string_view ItemTextFeed::next() {
  if (taken_ == items_.size()) throw std::logic_error("no item text left to take");
  if (!current_ || position_ == current_->ends.size()) {
    if (current_ && current_->error) std::rethrow_exception(current_->error);
    std::unique_lock<std::mutex> lock(mutex_);
    if (current_) spare_.push_back(std::move(current_));
    changed_.wait(lock, [&] { return !ready_.empty(); });
    current_ = std::move(ready_.front());
    ready_.pop_front();
    position_ = 0;
    lock.unlock();
    changed_.notify_all();
    if (current_->ends.empty() && current_->error) std::rethrow_exception(current_->error);
  }
  const size_t begin = position_ == 0 ? 0 : current_->ends[position_ - 1] + 1;
  const size_t end = current_->ends[position_++];
  ++taken_;
  return std::string_view(current_->text.data() + begin, end - begin);
}

}  // namespace assay::scan
