// A small, strict HTTP/1.1 request reader for the service's listener. It
// takes bytes as they arrive and accepts only a well-formed request head with
// no body: request line `METHOD SP /target SP HTTP/1.x CRLF`, header fields
// `name: value CRLF` (token names, no line folding, bare LF refused), a Host
// field for HTTP/1.1, then an empty line. Limits bound the request line and
// the whole head so that a client cannot make the host buffer without end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace assay::serve {

struct HttpLimits {
  size_t max_request_line = 1024;
  size_t max_head = 8192;  // request line and header fields together
  size_t max_fields = 50;
};

struct HttpRequest {
  std::string method;
  std::string target;                                       // path and query as sent, starts with '/'
  std::string version;                                      // HTTP/1.1 or HTTP/1.0
  std::vector<std::pair<std::string, std::string>> fields;  // names lower-cased, values trimmed

  // The value of the first field named `name` (lower case), or "".
  std::string field(std::string_view name) const;
  // The target without its query.
  std::string path() const;
};

class HttpRequestReader {
 public:
  enum class State { incomplete, complete, failed };

  explicit HttpRequestReader(HttpLimits limits = {}) : limits_(limits) {}

  // Appends bytes received. Once complete or failed, further bytes are ignored.
  State feed(std::string_view bytes);

  State state() const { return state_; }
  // Valid when complete.
  const HttpRequest& request() const { return request_; }
  // When failed: the status to answer (400, 414, 431, 501, 505) and why.
  int error_status() const { return error_status_; }
  const std::string& error() const { return error_; }

 private:
  State fail(int status, std::string why);
  State parse_head(std::string_view head);
  bool parse_request_line(std::string_view line);
  bool parse_field(std::string_view line);

  HttpLimits limits_;
  std::string buffer_;
  State state_ = State::incomplete;
  HttpRequest request_;
  int error_status_ = 0;
  std::string error_;
};

}  // namespace assay::serve
