// When each endpoint was last tried, shared by the outbox senders of several
// state stores in one process (`assay serve` with a store per repository), so
// that the pace of one message per second per endpoint holds across
// repositories, not only within one store. Each store also keeps its own
// record (delivery_endpoints), which carries the pace across restarts; a
// sender waits for the later of the two. Endpoints are the references
// messages name ("env:NAME", "file:PATH"), never URLs.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace assay::delivery {

class EndpointPacer {
 public:
  // When the last attempt to `endpoint` ended, milliseconds since 1970; 0
  // when this process has not tried it.
  int64_t last_attempt_ms(const std::string& endpoint) const;
  // Records an attempt that ended at `at_ms`; an earlier time than the one
  // kept is ignored.
  void record(const std::string& endpoint, int64_t at_ms);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, int64_t> last_;
};

}  // namespace assay::delivery
