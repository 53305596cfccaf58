#include "serve/http_server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <thread>

namespace assay::serve {
namespace {

using boost::asio::ip::tcp;

// A listener on its own loop thread, answering /ok with "fine".
class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<HttpServer>(
        io_, "127.0.0.1", 0,
        [](const HttpRequest& request) {
          if (request.path() == "/ok") return HttpResponse{200, "text/plain", "fine\n"};
          return HttpResponse{404, "text/plain", "no\n"};
        },
        std::chrono::milliseconds(300));
    port_ = server_->port();
    thread_ = std::thread([this] { io_.run(); });
  }
  void TearDown() override {
    boost::asio::post(io_, [this] { server_->close(); });
    io_.stop();
    thread_.join();
  }

  // Sends `bytes` (nothing more) and returns everything the server wrote
  // before closing.
  std::string exchange(const std::string& bytes) {
    boost::asio::io_context client;
    tcp::socket socket(client);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port_});
    if (!bytes.empty()) boost::asio::write(socket, boost::asio::buffer(bytes));
    std::string reply;
    boost::system::error_code ec;
    boost::asio::read(socket, boost::asio::dynamic_buffer(reply), ec);
    return reply;
  }

  boost::asio::io_context io_;
  std::unique_ptr<HttpServer> server_;
  unsigned short port_ = 0;
  std::thread thread_;
};

TEST_F(HttpServerTest, AnswersAndCloses) {
  EXPECT_EQ(
      exchange("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"),
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nfine\n");
  EXPECT_EQ(exchange("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n").substr(0, 22), "HTTP/1.1 404 Not Found");
}

TEST_F(HttpServerTest, HeadHasNoBody) {
  EXPECT_EQ(exchange("HEAD /ok HTTP/1.1\r\nHost: x\r\n\r\n"),
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\n");
}

TEST_F(HttpServerTest, MalformedRequestsGetTheirStatus) {
  EXPECT_EQ(exchange("GET /ok HTTP/1.1\r\n\r\n").substr(0, 24), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(exchange("POST /ok HTTP/1.1\r\nHost: x\r\n\r\n").substr(0, 31),
            "HTTP/1.1 405 Method Not Allowed");
  EXPECT_EQ(exchange("GET /" + std::string(2000, 'a')).substr(0, 25), "HTTP/1.1 414 URI Too Long");
}

TEST_F(HttpServerTest, SilentClientTimesOut) {
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(exchange("GET /ok HTTP/1.1\r\n").substr(0, 28), "HTTP/1.1 408 Request Timeout");
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_GE(waited, std::chrono::milliseconds(250));
  EXPECT_LT(waited, std::chrono::seconds(3));
}

}  // namespace
}  // namespace assay::serve
