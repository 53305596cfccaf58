// One HTTP POST through libcurl, for the delivery outbox. No redirects are
// followed (a webhook that moves is a configuration to fix, and following
// could hand the body to another host), only http and https are allowed.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace assay::delivery {

struct HttpRequest {
  std::string url;
  std::string content_type;
  std::string body;
  std::string message_id;  // sent as X-Assay-Message-Id, for receivers that deduplicate
  int64_t timeout_ms = 10000;
  // When set and it becomes true, the transfer is abandoned within about a
  // second (libcurl's progress callback): a stopping service does not wait
  // out the timeout.
  const std::atomic<bool>* stop = nullptr;
};

struct HttpResponse {
  long status = 0;              // 0 when no response arrived
  bool timed_out = false;       // the attempt hit its timeout
  bool stopped = false;         // abandoned because `stop` was set; the receiver may have the body
  std::string transport_error;  // libcurl's text for the failure (never the URL), "" with a response
  // Retry-After as milliseconds from now (delta-seconds or an HTTP date),
  // when the response carried one.
  std::optional<int64_t> retry_after_ms;
};

// Sends `request`; never throws for network failures (they are in the
// response), throws std::runtime_error when libcurl cannot be set up.
HttpResponse http_post(const HttpRequest& request);

// Parses a Retry-After value: delta-seconds, or an HTTP date compared with
// `now_seconds`. Negative results become 0; nonsense gives nullopt.
std::optional<int64_t> parse_retry_after_ms(const std::string& value, int64_t now_seconds);

}  // namespace assay::delivery
