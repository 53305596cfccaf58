// `assay serve` drives the delivery outbox (docs/delivery.md, "Service
// mode"): the slack reporter's digests of scans of two generated repositories
// go to a scripted webhook server on 127.0.0.1 started by the test. Each
// digest is delivered exactly once, a 500 is retried by the service without a
// new scan, the pace of one request per second holds across the two
// repositories' stores, /metrics shows the outbox depth and the deliveries by
// result, SIGTERM during an attempt stops within the bound and leaves the
// message pending for the next run, and the webhook URL is in no log line,
// report or store file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "../host/serve/exposition_parser.h"
#include "http_get.h"
#include "process.h"
#include "webhook_server.h"

namespace fs = std::filesystem;
using assay::test::WebhookRequest;
using assay::test::WebhookServer;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";
constexpr const char* kVariable = "ASSAY_TEST_SERVE_WEBHOOK";
constexpr const char* kSecret = "T0SERVE/B0SERVE/xoxbServeSecret77";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// One row of a store's outbox.
struct OutboxRow {
  std::string id;  // as in X-Assay-Message-Id: scan id "." row id
  std::string status;
  int64_t attempts = 0;
  std::string last_result;
};

std::vector<OutboxRow> outbox_rows(const fs::path& store) {
  std::vector<OutboxRow> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return rows;
  }
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT scan_id || '.' || id, status, attempts, last_result FROM outbox ORDER BY id", -1,
                     &s, nullptr);
  auto text = [&](int column) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, column))); };
  while (s && sqlite3_step(s) == SQLITE_ROW) rows.push_back({text(0), text(1), sqlite3_column_int64(s, 2), text(3)});
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

class ServeSlack : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-serve-slack-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    r1_ = dir_ / "r1";
    r2_ = dir_ / "r2";
    make_repo(r1_, "a.c", "// TODO: alpha task\n");
    make_repo(r2_, "b.c", "/* FIXME: beta task */\n");
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::unsetenv(kVariable);
    if (HasFailure()) std::cerr << "--- serve log ---\n" << logs_ << read(log_) << "---\n";
    fs::remove_all(dir_);
  }

  void make_repo(const fs::path& path, const std::string& file, const std::string& text) {
    fs::create_directories(path);
    std::ofstream(path / file) << text;
    git(path, "init -q -b main && git add -A && git commit -q -m first");
  }

  void git(const fs::path& path, const std::string& args) { assay::test::git_in(path.string(), args); }

  void commit(const fs::path& repo, const std::string& file, const std::string& text) {
    std::ofstream(repo / file) << text;
    git(repo, "add -A && git commit -q -m more");
  }

  // Both repositories watched; digests of every scan through the slack
  // reporter, with short backoffs so that a retry comes quickly.
  void configure(const std::string& repositories) {
    std::ofstream(dir_ / "serve.yaml")
        << "repositories:\n"
        << repositories
        << "service:\n  http: 127.0.0.1:0\n  watch_interval: 100ms\n  stop_timeout: 5s\n"
           "bus:\n  publish: ipc://"
        << (dir_ / "events").string() << "\n  snapshot: ipc://" << (dir_ / "snapshot").string()
        << "\n"
           "report:\n  formats: [slack, json]\n"
           "plugins:\n  maturity:\n    enabled: false\n"
           "  slack:\n    webhook_url_env: "
        << kVariable
        << "\n    delivery: {max_attempts: 3, backoff_initial_ms: 100, backoff_max_ms: 400, timeout_ms: 8000}\n";
  }

  // Starts assay serve with its output in a new log file; waits until it serves.
  void start(size_t repositories) {
    log_ = dir_ / ("serve-" + std::to_string(++runs_) + ".log");
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      FILE* out = std::freopen(log_.c_str(), "w", stderr);
      if (!out || ::dup2(::fileno(stderr), 1) < 0) ::_exit(126);
      std::string config = (dir_ / "serve.yaml").string();
      std::vector<char*> args = {const_cast<char*>(kAssay.c_str()), const_cast<char*>("serve"),
                                 const_cast<char*>("--config"), config.data(), nullptr};
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ASSERT_TRUE(wait_for("serving " + std::to_string(repositories) + " repositories", 1, 15000));
  }

  bool wait_for(const std::string& what, size_t times, int limit_ms) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(limit_ms);
    while (Clock::now() < deadline) {
      if (count(read(log_), what) >= times) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // SIGTERM; the exit code and how long the exit took.
  std::pair<int, Clock::duration> stop() {
    const auto sent = Clock::now();
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 300; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        logs_ += read(log_);
        return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), Clock::now() - sent};
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return {-1, Clock::now() - sent};
  }

  int http_port() {
    std::smatch match;
    const std::string log = read(log_);
    if (!std::regex_search(log, match, std::regex("http listening on 127\\.0\\.0\\.1:([0-9]+)"))) return 0;
    return std::stoi(match[1]);
  }

  // The service's /metrics, parsed strictly; fails the test when invalid.
  assay::test::Exposition metrics() {
    const std::string body = assay::test::http_body(assay::test::http_get(http_port(), "/metrics"));
    assay::test::Exposition e = assay::test::parse_exposition(body);
    EXPECT_TRUE(e.errors.empty()) << e.errors.front() << "\n" << body;
    return e;
  }

  static double value_of(const assay::test::Exposition& e, const std::string& name,
                         const std::map<std::string, std::string>& labels) {
    for (const auto& s : e.samples)
      if (s.name == name && s.labels == labels) return s.value;
    return -1;
  }

  // Every byte the service wrote: its logs, and the repositories' reports,
  // textfiles and state stores.
  std::string everything_written() const {
    std::string all = logs_;
    for (const auto& repo : {r1_, r2_}) {
      if (!fs::exists(repo / ".assay")) continue;  // never scanned
      for (const auto& entry : fs::recursive_directory_iterator(repo / ".assay"))
        if (entry.is_regular_file()) all += read(entry.path());
    }
    return all;
  }

  std::string ended(const fs::path& repo) const { return "scan of " + repo.string() + " ended"; }

  fs::path dir_, r1_, r2_, log_;
  pid_t pid_ = -1;
  int runs_ = 0;
  std::string logs_;  // of the runs that ended
};

TEST_F(ServeSlack, DeliversEachDigestOnceRetriesBetweenScansAndPacesAcrossRepositories) {
  // The first request is answered 500, every later one 200.
  WebhookServer server(dir_ / "server", "500");
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/services/" + kSecret;
  ::setenv(kVariable, url.c_str(), 1);
  configure("  - path: r1\n    watch: true\n    debounce: 100ms\n  - path: r2\n    watch: true\n    debounce: 100ms\n");
  start(2);

  // A commit in each repository at once: two digests, in two stores, due together.
  commit(r1_, "c.c", "// TODO: gamma task\n");
  commit(r2_, "d.c", "// TODO: delta task\n");
  ASSERT_TRUE(wait_for(ended(r1_), 1, 15000));
  ASSERT_TRUE(wait_for(ended(r2_), 1, 15000));
  // 500 for one digest, 200 for the other, then the retry (200): no new scan needed.
  ASSERT_TRUE(server.wait_for_requests(3, 15000));

  // The outbox settles: nothing pending, two delivered, one server error.
  assay::test::Exposition e;
  for (int i = 0; i < 100; ++i) {
    e = metrics();
    if (value_of(e, "assay_webhook_deliveries_total", {{"result", "delivered"}}) == 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(value_of(e, "assay_outbox_depth", {}), 0);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total", {{"result", "delivered"}}), 2);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total", {{"result", "server_error"}}), 1);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total", {{"result", "dead"}}), 0);
  EXPECT_EQ(e.types.at("assay_outbox_depth"), "gauge");
  EXPECT_EQ(e.types.at("assay_webhook_deliveries_total"), "counter");

  const auto [code, took] = stop();
  EXPECT_EQ(code, 0);
  EXPECT_LT(took, std::chrono::seconds(5));
  // One scan per repository: the retry went out between scans.
  EXPECT_EQ(count(logs_, ended(r1_)), 1u);
  EXPECT_EQ(count(logs_, ended(r2_)), 1u);

  const std::vector<WebhookRequest> requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);
  std::map<std::string, std::vector<int>> by_message;
  for (const auto& r : requests) {
    by_message[r.id].push_back(r.status);
    EXPECT_TRUE(r.slack_shaped);
  }
  ASSERT_EQ(by_message.size(), 2u);
  EXPECT_EQ(by_message[requests[0].id], (std::vector<int>{500, 200}));
  for (const auto& [id, statuses] : by_message) {
    if (id != requests[0].id) {
      EXPECT_EQ(statuses, (std::vector<int>{200}));
    }
  }
  // One webhook, two stores: at least a second between any two requests.
  for (size_t i = 1; i < requests.size(); ++i)
    EXPECT_GE(requests[i].t - requests[i - 1].t, 1.0) << "requests " << i - 1 << " and " << i;

  for (const auto& repo : {r1_, r2_}) {
    const auto rows = outbox_rows(repo / ".assay" / "state.db");
    ASSERT_EQ(rows.size(), 1u) << repo;
    EXPECT_EQ(rows[0].status, "delivered");
    // The metrics reporter's textfile shows the header's service object:
    // the service's bus beside the store's outbox as the report began (its
    // own digest not queued yet).
    const auto textfile = assay::test::parse_exposition(read(repo / ".assay" / "metrics.prom"));
    EXPECT_TRUE(textfile.errors.empty());
    EXPECT_EQ(value_of(textfile, "assay_outbox_depth", {{"repository", repo.string()}}), 0);
    EXPECT_EQ(value_of(textfile, "assay_webhook_deliveries_total", {{"repository", repo.string()}, {"result", "dead"}}),
              0);
    EXPECT_GE(value_of(textfile, "assay_bus_events_published_total", {{"repository", repo.string()}}), 1);
  }
  const std::string written = everything_written();
  EXPECT_EQ(written.find(kSecret), std::string::npos);
  EXPECT_EQ(written.find("/services/"), std::string::npos);
  EXPECT_NE(written.find("env:ASSAY_TEST_SERVE_WEBHOOK"), std::string::npos);  // the reference is fine
}

TEST_F(ServeSlack, StopDuringAnAttemptKeepsTheMessageForTheNextRun) {
  // The first request is answered only after 6 s; the service stops meanwhile.
  WebhookServer server(dir_ / "server", "200/6000");
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/services/" + kSecret;
  ::setenv(kVariable, url.c_str(), 1);
  configure("  - path: r1\n    watch: true\n    debounce: 100ms\n");
  start(1);
  commit(r1_, "c.c", "// TODO: gamma task\n");
  ASSERT_TRUE(server.wait_for_requests(1, 15000));

  const auto [code, took] = stop();
  EXPECT_EQ(code, 0);
  EXPECT_LT(took, std::chrono::seconds(3));  // the attempt in flight was given up
  auto rows = outbox_rows(r1_ / ".assay" / "state.db");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, "pending");
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_EQ(rows[0].last_result, "interrupted by a stop");

  // The next run sends it without a scan.
  start(1);
  ASSERT_TRUE(server.wait_for_requests(2, 15000));
  for (int i = 0; i < 100 && outbox_rows(r1_ / ".assay" / "state.db")[0].status != "delivered"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  stop();
  EXPECT_EQ(count(logs_, "scan of " + r1_.string() + " started"), 1u);
  rows = outbox_rows(r1_ / ".assay" / "state.db");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, "delivered");
  EXPECT_EQ(rows[0].attempts, 2);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].id, requests[1].id);  // the same message, which the receiver can tell
  EXPECT_EQ(requests[1].status, 200);
  EXPECT_EQ(everything_written().find(kSecret), std::string::npos);
}

}  // namespace
