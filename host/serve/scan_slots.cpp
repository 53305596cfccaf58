#include "serve/scan_slots.h"

#include <algorithm>
#include <set>

namespace assay::serve {

void ScanRequest::merge(const ScanRequest& later) {
  if (!scanners || !later.scanners) {
    scanners.reset();
  } else {
    std::set<std::string> all(scanners->begin(), scanners->end());
    all.insert(later.scanners->begin(), later.scanners->end());
    scanners = std::vector<std::string>(all.begin(), all.end());
  }
  if (later.rev) rev = later.rev;
  if (reason.find(later.reason) == std::string::npos) reason += ", " + later.reason;
}

Admission ScanSlots::request(const std::string& repository, const ScanRequest& request) {
  Slot& slot = slots_[repository];
  if (slot.pending) {
    slot.pending->merge(request);
    return Admission::coalesced;
  }
  if (slot.running) {
    slot.pending = request;
    return Admission::coalesced;
  }
  if (running_ < limit_) {
    slot.running = true;
    ++running_;
    return Admission::start;
  }
  slot.pending = request;
  waiting_.push_back(repository);
  return Admission::queued;
}

std::vector<std::pair<std::string, ScanRequest>> ScanSlots::finish(const std::string& repository) {
  auto it = slots_.find(repository);
  if (it != slots_.end() && it->second.running) {
    it->second.running = false;
    --running_;
    // A request that arrived while the scan ran waits behind the others, so
    // one busy repository cannot starve the rest.
    if (it->second.pending) waiting_.push_back(repository);
  }
  return admit_waiting();
}

std::vector<std::pair<std::string, ScanRequest>> ScanSlots::set_limit(int max_concurrent) {
  limit_ = max_concurrent;
  return admit_waiting();
}

void ScanSlots::forget_pending(const std::string& repository) {
  auto it = slots_.find(repository);
  if (it == slots_.end()) return;
  it->second.pending.reset();
  waiting_.erase(std::remove(waiting_.begin(), waiting_.end(), repository), waiting_.end());
}

std::vector<std::pair<std::string, ScanRequest>> ScanSlots::admit_waiting() {
  std::vector<std::pair<std::string, ScanRequest>> start;
  while (running_ < limit_ && !waiting_.empty()) {
    std::string repository = waiting_.front();
    waiting_.pop_front();
    Slot& slot = slots_[repository];
    if (slot.running || !slot.pending) continue;
    slot.running = true;
    ++running_;
    start.emplace_back(repository, std::move(*slot.pending));
    slot.pending.reset();
  }
  return start;
}

int ScanSlots::pending() const {
  int count = 0;
  for (const auto& [name, slot] : slots_) count += slot.pending ? 1 : 0;
  return count;
}

bool ScanSlots::is_running(const std::string& repository) const {
  auto it = slots_.find(repository);
  return it != slots_.end() && it->second.running;
}

}  // namespace assay::serve
