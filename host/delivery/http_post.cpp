#include "delivery/http_post.h"

#include <curl/curl.h>

#include <cctype>
#include <ctime>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace assay::delivery {
namespace {

// Response bodies are not needed; a little is kept for nothing but draining.
size_t discard_body(char*, size_t size, size_t count, void*) { return size * count; }

struct HeaderCapture {
  std::string retry_after;
};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

size_t capture_header(char* data, size_t size, size_t count, void* user) {
  const size_t bytes = size * count;
  const std::string line(data, bytes);
  const size_t colon = line.find(':');
  if (colon != std::string::npos && lower(line.substr(0, colon)) == "retry-after") {
    std::string value = line.substr(colon + 1);
    const size_t first = value.find_first_not_of(" \t");
    const size_t last = value.find_last_not_of(" \t\r\n");
    static_cast<HeaderCapture*>(user)->retry_after =
        first == std::string::npos ? "" : value.substr(first, last - first + 1);
  }
  return bytes;
}

// libcurl asks this at least about once a second during a transfer; a
// non-zero answer abandons it.
int abandon_when_stopped(void* stop, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(stop)->load() ? 1 : 0;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

std::optional<int64_t> parse_retry_after_ms(const std::string& value, int64_t now_seconds) {
  if (value.empty()) return std::nullopt;
  bool digits = true;
  for (char c : value) digits &= std::isdigit(static_cast<unsigned char>(c)) != 0;
  if (digits) {
    if (value.size() > 9) return std::nullopt;  // beyond 30 years: nonsense
    return std::stoll(value) * 1000;
  }
  const time_t at = curl_getdate(value.c_str(), nullptr);
  if (at < 0) return std::nullopt;
  const int64_t delta = static_cast<int64_t>(at) - now_seconds;
  return delta > 0 ? delta * 1000 : 0;
}

HttpResponse http_post(const HttpRequest& request) {
  global_init();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw std::runtime_error("cannot set up libcurl for a delivery");
  std::unique_ptr<curl_slist, ListDeleter> headers;
  auto add_header = [&headers](const std::string& header) {
    curl_slist* list = curl_slist_append(headers.get(), header.c_str());
    if (!list) throw std::runtime_error("cannot set up a delivery's headers");
    (void)headers.release();
    headers.reset(list);
  };
  add_header("Content-Type: " + request.content_type);
  if (!request.message_id.empty()) add_header("X-Assay-Message-Id: " + request.message_id);
  add_header("Expect:");  // no 100-continue round trip for small bodies

  HeaderCapture captured;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout_ms));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.timeout_ms));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard_body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, capture_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &captured);
  if (request.stop) {
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, abandon_when_stopped);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(request.stop));
  }

  HttpResponse response;
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
    response.stopped = code == CURLE_ABORTED_BY_CALLBACK;
    // curl_easy_strerror's text is generic: it never carries the URL, which
    // the error buffer's text may.
    response.transport_error = curl_easy_strerror(code);
    return response;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  response.retry_after_ms =
      parse_retry_after_ms(captured.retry_after, static_cast<int64_t>(std::time(nullptr)));
  return response;
}

}  // namespace assay::delivery
