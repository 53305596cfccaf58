// The service's HTTP listener on the event loop: one request per connection
// (answered with Connection: close), read by HttpRequestReader within a time
// limit, answered by a handler. Only GET is served.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "serve/http_request.h"

namespace boost::asio {
class io_context;
}

namespace assay::serve {

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
};

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  // Binds and listens on host:port (port 0 picks a free one). Throws
  // std::runtime_error naming the address when it cannot.
  HttpServer(boost::asio::io_context& io, const std::string& host, unsigned short port, Handler handler,
             std::chrono::milliseconds read_timeout = std::chrono::seconds(5), HttpLimits limits = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  unsigned short port() const;

  // Stops accepting and closes open connections. Call on the loop's thread.
  void close();

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

// "HTTP/1.1 <status> <reason>\r\n…" with Content-Length and Connection: close.
std::string format_response(const HttpResponse& response, bool head_only = false);

}  // namespace assay::serve
