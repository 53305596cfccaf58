#include "webhook_server.h"

#include <signal.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "process.h"

namespace assay::test {
namespace {

namespace fs = std::filesystem;

const std::string kServer = std::string(ASSAY_SOURCE_DIR) + "/tests/e2e/webhook_server.py";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

WebhookServer::WebhookServer(const fs::path& dir, const std::string& script) : log_(dir / "server.log") {
  fs::create_directories(dir);
  const fs::path port_file = dir / "port";
  pid_ = spawn_process({"/usr/bin/python3", kServer, "--port-file", port_file.string(), "--script", script,
                        "--log", log_.string()},
                       (dir / "server.out").string(), (dir / "server.err").string());
  for (int i = 0; i < 200 && !fs::exists(port_file); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  if (!fs::exists(port_file))
    throw std::runtime_error("the webhook server did not start: " + read(dir / "server.err"));
  port_ = std::stoi(read(port_file));
}

WebhookServer::~WebhookServer() {
  ::kill(pid_, SIGTERM);
  wait_process(pid_);
}

std::vector<WebhookRequest> WebhookServer::requests() const {
  std::vector<WebhookRequest> out;
  std::ifstream in(log_);
  std::string line;
  while (std::getline(in, line)) {
    // A line being appended may be read half written: it is read next time.
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) break;
    out.push_back(
        {j["t"].get<double>(), j["path"], j["id"], j["status"].get<int>(), j["slack_shaped"].get<bool>()});
  }
  return out;
}

bool WebhookServer::wait_for_requests(size_t count, int limit_ms) const {
  for (int waited = 0; waited < limit_ms; waited += 25) {
    if (requests().size() >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return requests().size() >= count;
}

}  // namespace assay::test
