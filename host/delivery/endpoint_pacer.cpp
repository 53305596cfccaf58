#include "delivery/endpoint_pacer.h"

#include <algorithm>

namespace assay::delivery {

int64_t EndpointPacer::last_attempt_ms(const std::string& endpoint) const {
  std::lock_guard lock(mutex_);
  auto it = last_.find(endpoint);
  return it == last_.end() ? 0 : it->second;
}

void EndpointPacer::record(const std::string& endpoint, int64_t at_ms) {
  std::lock_guard lock(mutex_);
  int64_t& last = last_[endpoint];
  last = std::max(last, at_ms);
}

}  // namespace assay::delivery
