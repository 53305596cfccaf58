#include "serve/http_server.h"

#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <set>
#include <stdexcept>

namespace assay::serve {
namespace {

using boost::asio::ip::tcp;

const char* reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 414:
      return "URI Too Long";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, std::shared_ptr<const HttpServer::Handler> handler,
             std::chrono::milliseconds timeout, HttpLimits limits)
      : socket_(std::move(socket)),
        timer_(socket_.get_executor()),
        handler_(std::move(handler)),
        timeout_(timeout),
        reader_(limits) {}

  void start() {
    timer_.expires_after(timeout_);
    timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (!ec) self->respond({408, "text/plain; charset=utf-8", "request not received in time\n"}, false);
    });
    read();
  }

  void close() {
    boost::system::error_code ignored;
    timer_.cancel();
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

 private:
  void read() {
    socket_.async_read_some(
        boost::asio::buffer(chunk_),
        [self = shared_from_this()](const boost::system::error_code& ec, size_t n) { self->on_read(ec, n); });
  }

  void on_read(const boost::system::error_code& ec, size_t n) {
    if (ec || responded_) return close_if_idle(ec);
    switch (reader_.feed(std::string_view(chunk_.data(), n))) {
      case HttpRequestReader::State::incomplete:
        return read();
      case HttpRequestReader::State::failed:
        return respond({reader_.error_status(), "text/plain; charset=utf-8", reader_.error() + "\n"}, false);
      case HttpRequestReader::State::complete:
        break;
    }
    const HttpRequest& request = reader_.request();
    if (request.method != "GET" && request.method != "HEAD")
      return respond({405, "text/plain; charset=utf-8", "only GET is served\n"}, false);
    HttpResponse response;
    try {
      response = (*handler_)(request);
    } catch (const std::exception& e) {
      response = {500, "text/plain; charset=utf-8", std::string("internal error: ") + e.what() + "\n"};
    }
    respond(response, request.method == "HEAD");
  }

  void close_if_idle(const boost::system::error_code&) {
    if (!responded_) close();
  }

  void respond(const HttpResponse& response, bool head_only) {
    if (responded_) return;
    responded_ = true;
    timer_.cancel();
    out_ = format_response(response, head_only);
    boost::asio::async_write(
        socket_, boost::asio::buffer(out_),
        [self = shared_from_this()](const boost::system::error_code&, size_t) { self->close(); });
  }

  tcp::socket socket_;
  boost::asio::steady_timer timer_;
  std::shared_ptr<const HttpServer::Handler> handler_;
  std::chrono::milliseconds timeout_;
  HttpRequestReader reader_;
  std::array<char, 2048> chunk_{};
  std::string out_;
  bool responded_ = false;
};

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<HttpServer::Impl> {
  Impl(boost::asio::io_context& io, Handler h, std::chrono::milliseconds t, HttpLimits l)
      : acceptor(io), handler(std::make_shared<const Handler>(std::move(h))), timeout(t), limits(l) {}

  void accept() {
    acceptor.async_accept(
        [self = shared_from_this()](const boost::system::error_code& ec, tcp::socket socket) {
          if (ec) return;  // closed
          auto connection =
              std::make_shared<Connection>(std::move(socket), self->handler, self->timeout, self->limits);
          self->connections.insert(connection);
          connection->start();
          self->forget_closed();
          self->accept();
        });
  }

  void forget_closed() {
    for (auto it = connections.begin(); it != connections.end();)
      it = it->expired() ? connections.erase(it) : ++it;
  }

  tcp::acceptor acceptor;
  std::shared_ptr<const Handler> handler;
  std::chrono::milliseconds timeout;
  HttpLimits limits;
  std::set<std::weak_ptr<Connection>, std::owner_less<std::weak_ptr<Connection>>> connections;
};

HttpServer::HttpServer(boost::asio::io_context& io, const std::string& host, unsigned short port,
                       Handler handler, std::chrono::milliseconds read_timeout, HttpLimits limits)
    : impl_(std::make_shared<Impl>(io, std::move(handler), read_timeout, limits)) {
  boost::system::error_code ec;
  tcp::endpoint endpoint(boost::asio::ip::make_address(host, ec), port);
  if (!ec) impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(tcp::acceptor::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  impl_->accept();
}

HttpServer::~HttpServer() { close(); }

unsigned short HttpServer::port() const {
  boost::system::error_code ec;
  auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void HttpServer::close() {
  boost::system::error_code ignored;
  impl_->acceptor.close(ignored);
  for (const auto& weak : impl_->connections)
    if (auto connection = weak.lock()) connection->close();
  impl_->connections.clear();
}

std::string format_response(const HttpResponse& response, bool head_only) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) + "\r\n";
  out += "Content-Type: " + response.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  if (response.status == 405) out += "Allow: GET, HEAD\r\n";
  out += "Connection: close\r\n\r\n";
  if (!head_only) out += response.body;
  return out;
}

}  // namespace assay::serve
