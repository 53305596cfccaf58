// The delivery service's parts: verdicts and backoff, Retry-After, endpoint
// references and the secrets they read, redaction, and the checks and
// durability of queueing into a real store's outbox.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "delivery/endpoint.h"
#include "delivery/outbox_queue.h"
#include "delivery/retry_policy.h"
#include "log/log.h"
#include "state/sqlite_store.h"

namespace assay::delivery {
namespace {

namespace fs = std::filesystem;

HttpResponse status(long code, std::optional<int64_t> retry_after = std::nullopt) {
  HttpResponse r;
  r.status = code;
  r.retry_after_ms = retry_after;
  return r;
}

TEST(DeliveryVerdict, EachStatusClass) {
  EXPECT_EQ(classify(status(200)).verdict, Verdict::delivered);
  EXPECT_EQ(classify(status(204)).result, "delivered");
  const auto limited = classify(status(429, 3000));
  EXPECT_EQ(limited.verdict, Verdict::retry);
  EXPECT_EQ(limited.result, "rate_limited");
  EXPECT_EQ(limited.retry_after_ms, 3000);
  EXPECT_EQ(classify(status(429)).retry_after_ms, 1000);  // Slack's pace when it names none
  EXPECT_EQ(classify(status(503)).verdict, Verdict::retry);
  EXPECT_EQ(classify(status(503)).result, "server_error");
  EXPECT_EQ(classify(status(400)).verdict, Verdict::refused);
  EXPECT_EQ(classify(status(404)).result, "rejected");
  EXPECT_EQ(classify(status(301)).verdict, Verdict::refused);  // redirects are not followed
  HttpResponse timeout;
  timeout.timed_out = true;
  timeout.transport_error = "Timeout was reached";
  EXPECT_EQ(classify(timeout).result, "timeout");
  EXPECT_EQ(classify(timeout).description, "timeout: Timeout was reached");
  HttpResponse refused;
  refused.transport_error = "Couldn't connect to server";
  EXPECT_EQ(classify(refused).verdict, Verdict::retry);
  EXPECT_EQ(classify(refused).result, "network_error");
}

TEST(DeliveryBackoff, FullJitterStaysWithinTheDoublingCap) {
  std::mt19937_64 random(42);
  // Caps: attempt 1 → 100, 2 → 200, 3 → 400, 4 → 800, 5 and later → 1000 (the maximum).
  const int64_t caps[] = {100, 200, 400, 800, 1000, 1000};
  for (int attempt = 1; attempt <= 6; ++attempt) {
    int64_t low = INT64_MAX, high = 0;
    for (int i = 0; i < 2000; ++i) {
      const int64_t d = full_jitter_backoff_ms(attempt, 100, 1000, random);
      low = std::min(low, d);
      high = std::max(high, d);
    }
    const int64_t cap = caps[attempt - 1];
    EXPECT_GE(low, 0);
    EXPECT_LE(high, cap) << attempt;
    // 2000 uniform draws cover the range: the extremes are within 5 % of its ends.
    EXPECT_LE(low, cap / 20) << attempt;
    EXPECT_GE(high, cap - cap / 20) << attempt;
  }
  EXPECT_EQ(full_jitter_backoff_ms(3, 0, 1000, random), 0);
}

TEST(DeliveryRetryAfter, SecondsOrAnHttpDate) {
  EXPECT_EQ(parse_retry_after_ms("2", 0), 2000);
  EXPECT_EQ(parse_retry_after_ms("0", 0), 0);
  EXPECT_EQ(parse_retry_after_ms("", 0), std::nullopt);
  EXPECT_EQ(parse_retry_after_ms("soon", 0), std::nullopt);
  // Wed, 21 Oct 2015 07:28:00 GMT is 1445412480 seconds after 1970.
  EXPECT_EQ(parse_retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 1445412475), 5000);
  EXPECT_EQ(parse_retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 1445412490), 0);  // already past
}

TEST(DeliveryEndpoint, ReferencesAndTheirErrorsNeverShowTheUrl) {
  const std::string secret = "https://hooks.example.com/services/T1/B2/abcdefSECRET";
  ::setenv("ASSAY_DELIVERY_TEST_HOOK", secret.c_str(), 1);
  EXPECT_EQ(resolve_endpoint("env:ASSAY_DELIVERY_TEST_HOOK"), secret);
  // Once read, the URL is a secret for every log line.
  EXPECT_EQ(log::redact("posting to " + secret + " failed"), "posting to <redacted> failed");

  ::setenv("ASSAY_DELIVERY_TEST_HOOK", "ftp://example.com/abcdefSECRET2", 1);
  try {
    resolve_endpoint("env:ASSAY_DELIVERY_TEST_HOOK");
    FAIL();
  } catch (const EndpointError& e) {
    EXPECT_EQ(std::string(e.what()).find("SECRET2"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("env:ASSAY_DELIVERY_TEST_HOOK"), std::string::npos);
  }
  ::unsetenv("ASSAY_DELIVERY_TEST_HOOK");
  EXPECT_THROW(
      {
        try {
          resolve_endpoint("env:ASSAY_DELIVERY_TEST_HOOK");
        } catch (const EndpointError& e) {
          EXPECT_STREQ(
              e.what(),
              "endpoint env:ASSAY_DELIVERY_TEST_HOOK: the environment variable ASSAY_DELIVERY_TEST_HOOK "
              "is not set");
          throw;
        }
      },
      EndpointError);

  const fs::path file = fs::temp_directory_path() / ("assay-hook-" + std::to_string(::getpid()));
  std::ofstream(file) << "  https://hooks.example.com/from-a-file \n# ignored\n";
  EXPECT_EQ(resolve_endpoint("file:" + file.string()), "https://hooks.example.com/from-a-file");
  fs::remove(file);
  EXPECT_THROW(resolve_endpoint("file:" + file.string()), EndpointError);
  EXPECT_THROW(check_endpoint_reference("https://hooks.example.com/x"), EndpointError);
  EXPECT_THROW(check_endpoint_reference("env:1BAD"), EndpointError);
}

TEST(DeliveryRedaction, ShortStringsAreNotSecrets) {
  log::add_secret("abc");
  EXPECT_EQ(log::redact("abc def"), "abc def");
}

class OutboxQueue : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("assay-outbox-" + std::to_string(::getpid()) + ".db");
    fs::remove(path_);
    store_ = state::open_sqlite_store(path_.string(), {});
    ::setenv("ASSAY_QUEUE_TEST_HOOK", "http://127.0.0.1:9/hook/queue-secret-value", 1);
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_.string() + suffix);
    ::unsetenv("ASSAY_QUEUE_TEST_HOOK");
  }
  assay_delivery message() const {
    assay_delivery m{};
    m.struct_size = sizeof m;
    m.endpoint = "env:ASSAY_QUEUE_TEST_HOOK";
    m.content_type = "application/json";
    m.body = body_.data();
    m.body_size = body_.size();
    m.summary = "digest";
    return m;
  }
  std::vector<state::OutboxMessage> pending() {
    std::vector<state::OutboxMessage> out;
    store_->read([&](state::StateReader& r) { out = r.outbox(state::kOutboxPending); });
    return out;
  }

  fs::path path_;
  std::unique_ptr<state::StateStore> store_;
  std::string body_ = R"({"text":"hello"})";
};

TEST_F(OutboxQueue, CommitsThePendingMessageWithDefaults) {
  const int64_t id = queue_message(*store_, "slack", "scan-1", message());
  const auto rows = pending();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].id, id);
  EXPECT_EQ(rows[0].plugin, "slack");
  EXPECT_EQ(rows[0].scan_id, "scan-1");
  EXPECT_EQ(rows[0].endpoint, "env:ASSAY_QUEUE_TEST_HOOK");  // the reference, not the URL
  EXPECT_EQ(rows[0].body, body_);
  EXPECT_EQ(rows[0].attempts, 0);
  EXPECT_EQ(rows[0].max_attempts, 5);
  EXPECT_EQ(rows[0].backoff_initial_ms, 1000);
  EXPECT_EQ(rows[0].backoff_max_ms, 60000);
  EXPECT_EQ(rows[0].timeout_ms, 10000);
  EXPECT_EQ(rows[0].next_attempt_at_ms, rows[0].created_at_ms);
  // Reopened, the store still has it: it was committed.
  store_ = state::open_sqlite_store(path_.string(), {});
  EXPECT_EQ(pending().size(), 1u);
  state::DeliveryCounts counts;
  store_->read([&](state::StateReader& r) { counts = r.delivery_counts(); });
  EXPECT_EQ(counts.pending, 1);
  EXPECT_EQ(counts.dead, 0);
}

TEST_F(OutboxQueue, RefusesMalformedMessagesNamingTheField) {
  auto expect_invalid = [&](assay_delivery m, const std::string& part) {
    try {
      queue_message(*store_, "slack", "scan-1", m);
      ADD_FAILURE() << "accepted a message missing " << part;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  auto m = message();
  m.struct_size = offsetof(assay_delivery, max_attempts);
  expect_invalid(m, "struct_size");
  m = message();
  m.content_type = "";
  expect_invalid(m, "content_type");
  m = message();
  m.summary = "two\nlines";
  expect_invalid(m, "summary");
  m = message();
  m.backoff_initial_ms = 5000;
  m.backoff_max_ms = 100;
  expect_invalid(m, "backoff_max_ms");
  m = message();
  m.body = nullptr;
  expect_invalid(m, "body is NULL");
  m = message();
  m.endpoint = "https://hooks.example.com/x";
  EXPECT_THROW(queue_message(*store_, "slack", "scan-1", m), EndpointError);
  EXPECT_TRUE(pending().empty());
}

}  // namespace
}  // namespace assay::delivery
