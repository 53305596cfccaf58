// A scripted incoming-webhook server on 127.0.0.1 for the delivery tests:
// webhook_server.py as a child process, its answers given as a script (see
// the script's docstring), its requests read back from its log.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace assay::test {

// One request as the server logged it on arrival.
struct WebhookRequest {
  double t = 0;  // arrival, seconds since 1970
  std::string path;
  std::string id;  // X-Assay-Message-Id
  int status = 0;  // the answer it was given (or is being given)
  bool slack_shaped = false;
};

class WebhookServer {
 public:
  // Starts the server with its files in `dir`; throws when it does not
  // start within five seconds.
  WebhookServer(const std::filesystem::path& dir, const std::string& script);
  ~WebhookServer();  // SIGTERM, then waits for it
  WebhookServer(const WebhookServer&) = delete;
  WebhookServer& operator=(const WebhookServer&) = delete;

  int port() const { return port_; }
  std::vector<WebhookRequest> requests() const;
  // Waits at most `limit_ms` for `count` requests; whether they came.
  bool wait_for_requests(size_t count, int limit_ms) const;

 private:
  std::filesystem::path log_;
  int pid_ = -1;
  int port_ = 0;
};

}  // namespace assay::test
