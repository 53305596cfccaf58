// What one attempt's response means for the message: delivered, try again
// later (429 after its Retry-After; 5xx, timeouts and network failures after
// a full-jitter exponential backoff), or refused for good (any other status:
// a 4xx will not change by sending the same body again).
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>

#include "delivery/http_post.h"

namespace assay::delivery {

enum class Verdict { delivered, retry, refused };

struct AttemptOutcome {
  Verdict verdict = Verdict::retry;
  // The counter it goes to (state::DeliveryCounts::results): delivered,
  // rate_limited, server_error, timeout, network_error or rejected.
  std::string result;
  std::string description;  // "HTTP 500", "timeout: <libcurl's text>", …
  // For a 429: the delay the server asked for (1 s when it named none).
  std::optional<int64_t> retry_after_ms;
};

AttemptOutcome classify(const HttpResponse& response);

// Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): a
// delay drawn uniformly from [0, min(max_ms, initial_ms × 2^(attempts − 1))]
// after the attempts-th failed attempt (attempts >= 1).
int64_t full_jitter_backoff_ms(int64_t attempts, int64_t initial_ms, int64_t max_ms, std::mt19937_64& random);

}  // namespace assay::delivery
