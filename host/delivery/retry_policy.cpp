#include "delivery/retry_policy.h"

#include <algorithm>

namespace assay::delivery {
namespace {

// A 429 without Retry-After waits this long: Slack's own pace.
constexpr int64_t kDefaultRetryAfterMs = 1000;

}  // namespace

AttemptOutcome classify(const HttpResponse& response) {
  AttemptOutcome outcome;
  if (response.status == 0) {
    outcome.verdict = Verdict::retry;
    outcome.result = response.timed_out ? "timeout" : "network_error";
    outcome.description = (response.timed_out ? "timeout: " : "no response: ") + response.transport_error;
    return outcome;
  }
  outcome.description = "HTTP " + std::to_string(response.status);
  if (response.status >= 200 && response.status < 300) {
    outcome.verdict = Verdict::delivered;
    outcome.result = "delivered";
  } else if (response.status == 429) {
    outcome.verdict = Verdict::retry;
    outcome.result = "rate_limited";
    outcome.retry_after_ms = response.retry_after_ms.value_or(kDefaultRetryAfterMs);
  } else if (response.status >= 500 && response.status < 600) {
    outcome.verdict = Verdict::retry;
    outcome.result = "server_error";
  } else {
    outcome.verdict = Verdict::refused;
    outcome.result = "rejected";
  }
  return outcome;
}

int64_t full_jitter_backoff_ms(int64_t attempts, int64_t initial_ms, int64_t max_ms,
                               std::mt19937_64& random) {
  int64_t cap = std::max<int64_t>(initial_ms, 0);
  for (int64_t i = 1; i < attempts && cap < max_ms; ++i) cap *= 2;
  cap = std::min(cap, max_ms);
  if (cap <= 0) return 0;
  return std::uniform_int_distribution<int64_t>(0, cap)(random);
}

}  // namespace assay::delivery
