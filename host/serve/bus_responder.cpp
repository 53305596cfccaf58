#include "serve/bus_responder.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>
#include <zmq.hpp>

#include "bus/ipc_lock.h"
#include "log/log.h"

namespace assay::serve {

struct BusResponder::Sockets {
  explicit Sockets(zmq::context_t& context) : control(context, zmq::socket_type::router) {}
  zmq::socket_t control;
  std::optional<bus::IpcEndpointLock> snapshot_lock;
  std::optional<zmq::socket_t> snapshot;
};

namespace {

// The repository a request names: the text itself, or {"repository": …}.
std::string requested_repository(const std::string& text) {
  if (!text.empty() && text.front() == '{') {
    auto request = nlohmann::json::parse(text, nullptr, false);
    if (request.is_object() && request.contains("repository") && request["repository"].is_string())
      return request["repository"].get<std::string>();
    return "";
  }
  return text;
}

// Reads one request (identity, optional empty delimiter from REQ, body) and
// sends `answer(body)` back with the same envelope.
void serve_one(zmq::socket_t& socket, const std::function<std::string(const std::string&)>& answer) {
  std::vector<zmq::message_t> frames;
  while (true) {
    zmq::message_t frame;
    if (!socket.recv(frame, zmq::recv_flags::dontwait)) return;
    bool more = frame.more();
    frames.push_back(std::move(frame));
    if (!more) break;
  }
  if (frames.size() < 2) return;  // not an addressed request
  std::string reply = answer(frames.back().to_string());
  for (size_t i = 0; i + 1 < frames.size(); ++i)
    socket.send(frames[i], zmq::send_flags::sndmore | zmq::send_flags::dontwait);
  socket.send(zmq::buffer(reply), zmq::send_flags::dontwait);
}

}  // namespace

BusResponder::BusResponder(zmq::context_t& context, const std::string& snapshot_endpoint,
                           const std::string& curve_secret_key, SnapshotFn snapshot)
    : sockets_(std::make_unique<Sockets>(context)), snapshot_(std::move(snapshot)) {
  sockets_->control.set(zmq::sockopt::linger, 0);
  sockets_->control.bind(kControlEndpoint);
  if (!snapshot_endpoint.empty()) {
    sockets_->snapshot_lock.emplace(snapshot_endpoint);
    zmq::socket_t& socket = sockets_->snapshot.emplace(context, zmq::socket_type::router);
    socket.set(zmq::sockopt::linger, 0);
    if (!curve_secret_key.empty() && snapshot_endpoint.rfind("tcp://", 0) == 0) {
      socket.set(zmq::sockopt::curve_server, true);
      socket.set(zmq::sockopt::curve_secretkey, curve_secret_key);
    }
    try {
      socket.bind(snapshot_endpoint);
    } catch (const zmq::error_t& e) {
      throw std::runtime_error("cannot bind snapshot endpoint '" + snapshot_endpoint + "': " + e.what());
    }
    snapshot_endpoint_ = socket.get(zmq::sockopt::last_endpoint);
  }
  thread_ = std::thread([this] { loop(); });
}

BusResponder::~BusResponder() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
}

void BusResponder::loop() {
  std::vector<zmq::pollitem_t> items = {{sockets_->control.handle(), 0, ZMQ_POLLIN, 0}};
  if (sockets_->snapshot) items.push_back({sockets_->snapshot->handle(), 0, ZMQ_POLLIN, 0});
  while (!stop_.load()) {
    try {
      zmq::poll(items.data(), items.size(), std::chrono::milliseconds(100));
      if (items[0].revents & ZMQ_POLLIN)
        serve_one(sockets_->control,
                  [](const std::string& body) { return body == "ping" ? "pong" : "unknown"; });
      if (items.size() > 1 && (items[1].revents & ZMQ_POLLIN))
        serve_one(*sockets_->snapshot, [this](const std::string& body) {
          std::string repository = requested_repository(body);
          if (repository.empty())
            return nlohmann::json{{"error", "send a repository path, or {\"repository\": PATH}"}}.dump();
          return snapshot_(repository).dump();
        });
    } catch (const zmq::error_t& e) {
      if (e.num() == ETERM) return;  // the context is shutting down
      log::write(log::Level::error, "bus", std::string("snapshot endpoint: ") + e.what());
    } catch (const std::exception& e) {
      log::write(log::Level::error, "bus", std::string("snapshot endpoint: ") + e.what());
    }
  }
}

bool ping_bus(zmq::context_t& context, int timeout_ms, std::string& error) {
  try {
    zmq::socket_t socket(context, zmq::socket_type::req);
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::rcvtimeo, timeout_ms);
    socket.set(zmq::sockopt::sndtimeo, timeout_ms);
    socket.connect(kControlEndpoint);
    if (!socket.send(zmq::str_buffer("ping"), zmq::send_flags::none)) {
      error = "bus: cannot send to the bus thread";
      return false;
    }
    zmq::message_t reply;
    if (!socket.recv(reply) || reply.to_string() != "pong") {
      error = "bus: the bus thread did not answer within " + std::to_string(timeout_ms) + " ms";
      return false;
    }
    return true;
  } catch (const zmq::error_t& e) {
    error = std::string("bus: ") + e.what();
    return false;
  }
}

}  // namespace assay::serve
