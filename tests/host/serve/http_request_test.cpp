#include "serve/http_request.h"

#include <gtest/gtest.h>

namespace assay::serve {
namespace {

using State = HttpRequestReader::State;

struct Outcome {
  State state;
  int status;
};

Outcome read(const std::string& bytes, HttpLimits limits = {}) {
  HttpRequestReader reader(limits);
  State state = reader.feed(bytes);
  return {state, reader.error_status()};
}

TEST(HttpRequestReader, ReadsAWellFormedRequestByteByByte) {
  const std::string text = "GET /metrics?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent:  curl/7 \r\n\r\n";
  HttpRequestReader reader;
  for (size_t i = 0; i + 1 < text.size(); ++i)
    ASSERT_EQ(reader.feed(text.substr(i, 1)), State::incomplete) << i;
  ASSERT_EQ(reader.feed(text.substr(text.size() - 1)), State::complete);
  EXPECT_EQ(reader.request().method, "GET");
  EXPECT_EQ(reader.request().target, "/metrics?x=1");
  EXPECT_EQ(reader.request().path(), "/metrics");
  EXPECT_EQ(reader.request().field("user-agent"), "curl/7");
  EXPECT_EQ(reader.request().field("host"), "127.0.0.1");
}

TEST(HttpRequestReader, Http10NeedsNoHost) {
  EXPECT_EQ(read("GET / HTTP/1.0\r\n\r\n").state, State::complete);
}

TEST(HttpRequestReader, RefusesMalformedRequests) {
  struct Case {
    const char* text;
    int status;
  };
  const Case cases[] = {
      {"GET /healthz HTTP/1.1\nHost: x\n\n\r\n\r\n", 400},  // bare LF
      {"GET /healthz HTTP/1.1\r\n\r\n", 400},               // no Host
      {"GET /healthz HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400},
      {"GET  /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 400},  // two spaces
      {"GET healthz HTTP/1.1\r\nHost: x\r\n\r\n", 400},    // not an absolute path
      {"G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400},          // method not a token
      {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505},
      {"GET / HTTP/1\r\nHost: x\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost x\r\n\r\n", 400},    // no colon
      {"GET / HTTP/1.1\r\nHo st: x\r\n\r\n", 400},  // space in the name
      {"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501},
      {"GET / HTTP/1.1\r\nHost: x\r\n\r\nextra", 400},
      {"GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n", 400},
  };
  for (const auto& c : cases) {
    Outcome outcome = read(c.text);
    EXPECT_EQ(outcome.state, State::failed) << c.text;
    EXPECT_EQ(outcome.status, c.status) << c.text;
  }
}

TEST(HttpRequestReader, LimitsBoundWhatIsBuffered) {
  HttpLimits limits{32, 64, 2};
  // The request line's limit is hit before its end arrives.
  EXPECT_EQ(read("GET /" + std::string(40, 'a'), limits).status, 414);
  // The head keeps growing without its empty line.
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: x\r\nA: " + std::string(60, 'b'), limits).status, 431);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n", limits).status, 431);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\n\r\n", limits).state, State::complete);
}

}  // namespace
}  // namespace assay::serve
