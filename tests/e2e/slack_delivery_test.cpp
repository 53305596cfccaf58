// The slack reporter's delivery through the real assay executable against a
// real HTTP server on 127.0.0.1 (webhook_server.py) that answers 200, 429
// with Retry-After, 500 and 400 in scripted turns: every message delivered
// exactly once or kept as dead, at most one request per second, nothing lost
// when assay is killed (SIGKILL) between attempts and run again, and the
// webhook URL in no log, report or store file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "process.h"
#include "webhook_server.h"

namespace fs = std::filesystem;
using assay::test::ProcessResult;
using assay::test::run_process;
using assay::test::sh;
using assay::test::WebhookServer;
using Request = assay::test::WebhookRequest;

namespace {

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";
constexpr const char* kVariable = "ASSAY_TEST_SLACK_WEBHOOK";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

class SlackDelivery : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-slack-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    repo_ = dir_ / "repo";
    fs::create_directories(repo_);
    git("init -q -b main");
    write(repo_ / "a.c", "// TODO: alpha task\n");
    git("add -A");
    git("commit -q -m first");
    write(
        dir_ / "assay.yaml",
        "report:\n  formats: [slack, json]\n"
        "delivery:\n  wait_seconds: 20\n"
        "plugins:\n  slack:\n    webhook_url_env: ASSAY_TEST_SLACK_WEBHOOK\n"
        "    delivery: {max_attempts: 3, backoff_initial_ms: 100, backoff_max_ms: 400, timeout_ms: 3000}\n");
  }
  void TearDown() override {
    ::unsetenv(kVariable);
    fs::remove_all(dir_);
  }

  void git(const std::string& args) { assay::test::git_in(repo_.string(), args); }

  // A scan with the test's configuration; its output is kept for the secret check.
  ProcessResult scan() {
    ProcessResult r =
        run_process({kAssay, "scan", repo_.string(), "--config", (dir_ / "assay.yaml").string()});
    logs_ += r.out + r.err;
    return r;
  }

  // Every byte assay wrote: its output, reports and the state store.
  std::string everything_written() const {
    std::string all = logs_;
    for (const auto& entry : fs::recursive_directory_iterator(repo_ / ".assay"))
      if (entry.is_regular_file()) all += read(entry.path());
    return all;
  }

  std::map<std::string, std::string> outbox_statuses() const {
    std::map<std::string, std::string> out;
    sqlite3* db = nullptr;
    sqlite3_open_v2((repo_ / ".assay/state.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT scan_id || '.' || id, status FROM outbox", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
      out[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] =
          reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
  }

  std::map<std::string, int64_t> result_counts() const {
    std::map<std::string, int64_t> out;
    sqlite3* db = nullptr;
    sqlite3_open_v2((repo_ / ".assay/state.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT result, count FROM delivery_results", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
      out[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] = sqlite3_column_int64(s, 1);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
  }

  fs::path dir_;
  fs::path repo_;
  std::string logs_;
};

constexpr const char* kSecret = "T000SECRET/B000SECRET/xoxbSecretToken42";

TEST_F(SlackDelivery, ScriptedTurnsRestartAndPacing) {
  // Run 1: 429 (Retry-After 2), 500, 200. Run 2: 400. Run 3: 500 three
  // times. Run 4: 500, then assay is killed. Run 5: 200 for run 4's message
  // and 200 for its own.
  WebhookServer server(dir_, "429:2,500,200,400,500,500,500,500,200,200");
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/services/" + kSecret;
  ::setenv(kVariable, url.c_str(), 1);

  ProcessResult run1 = scan();
  ASSERT_EQ(run1.exit_code, 0) << run1.err;
  ProcessResult run2 = scan();
  ASSERT_EQ(run2.exit_code, 0) << run2.err;
  EXPECT_NE(run2.err.find("HTTP 400 (not retried); kept in the outbox as dead"), std::string::npos)
      << run2.err;
  ProcessResult run3 = scan();
  ASSERT_EQ(run3.exit_code, 0) << run3.err;
  EXPECT_NE(run3.err.find("after attempt 3 of 3: HTTP 500; kept in the outbox as dead"), std::string::npos)
      << run3.err;

  // Run 4: killed once its first attempt was answered (500), while it waits
  // for the next.
  const fs::path out4 = dir_ / "run4.out", err4 = dir_ / "run4.err";
  const int pid =
      assay::test::spawn_process({kAssay, "scan", repo_.string(), "--config", (dir_ / "assay.yaml").string()},
                                 out4.string(), err4.string());
  for (int i = 0; i < 400 && server.requests().size() < 8; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  ASSERT_EQ(server.requests().size(), 8u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ::kill(pid, SIGKILL);
  EXPECT_EQ(assay::test::wait_process(pid), 128 + SIGKILL);
  logs_ += read(out4) + read(err4);

  ProcessResult run5 = scan();
  ASSERT_EQ(run5.exit_code, 0) << run5.err;

  const std::vector<Request> requests = server.requests();
  ASSERT_EQ(requests.size(), 10u);
  std::vector<int> statuses;
  for (const auto& r : requests) statuses.push_back(r.status);
  EXPECT_EQ(statuses, (std::vector<int>{429, 500, 200, 400, 500, 500, 500, 500, 200, 200}));

  // Each message: its attempts in order, one 200 at most.
  std::vector<std::string> ids;
  std::map<std::string, std::vector<int>> by_message;
  for (const auto& r : requests) {
    if (by_message.find(r.id) == by_message.end()) ids.push_back(r.id);
    by_message[r.id].push_back(r.status);
    EXPECT_TRUE(r.slack_shaped);
    EXPECT_EQ(r.path, std::string("/services/") + kSecret);
  }
  ASSERT_EQ(ids.size(), 5u);
  EXPECT_EQ(by_message[ids[0]], (std::vector<int>{429, 500, 200}));
  EXPECT_EQ(by_message[ids[1]], (std::vector<int>{400}));
  EXPECT_EQ(by_message[ids[2]], (std::vector<int>{500, 500, 500}));
  EXPECT_EQ(by_message[ids[3]], (std::vector<int>{500, 200}));  // survived the kill
  EXPECT_EQ(by_message[ids[4]], (std::vector<int>{200}));

  const auto outbox = outbox_statuses();
  ASSERT_EQ(outbox.size(), 5u);
  EXPECT_EQ(outbox.at(ids[0]), "delivered");
  EXPECT_EQ(outbox.at(ids[1]), "dead");
  EXPECT_EQ(outbox.at(ids[2]), "dead");
  EXPECT_EQ(outbox.at(ids[3]), "delivered");
  EXPECT_EQ(outbox.at(ids[4]), "delivered");
  const auto counts = result_counts();
  EXPECT_EQ(counts.at("delivered"), 3);
  EXPECT_EQ(counts.at("rate_limited"), 1);
  EXPECT_EQ(counts.at("server_error"), 5);
  EXPECT_EQ(counts.at("rejected"), 1);
  EXPECT_EQ(counts.at("dead"), 2);

  // Pacing: at least one second between any two requests (one webhook),
  // across runs and the kill; two after the 429's Retry-After: 2.
  for (size_t i = 1; i < requests.size(); ++i)
    EXPECT_GE(requests[i].t - requests[i - 1].t, 1.0) << "requests " << i - 1 << " and " << i;
  EXPECT_GE(requests[1].t - requests[0].t, 2.0);

  // The URL is a secret: not in any log line, report or store file.
  const std::string written = everything_written();
  EXPECT_EQ(written.find(kSecret), std::string::npos);
  EXPECT_EQ(written.find("/services/"), std::string::npos);
  EXPECT_NE(written.find("env:ASSAY_TEST_SLACK_WEBHOOK"), std::string::npos);  // the reference is fine
}

TEST_F(SlackDelivery, NetworkFailureAndMissingVariableKeepTheSecret) {
  // Nothing listens on this port once the server is gone.
  int closed_port = 0;
  {
    WebhookServer probe(dir_, "");
    closed_port = probe.port();
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(closed_port) + "/services/" + kSecret;
  ::setenv(kVariable, url.c_str(), 1);
  ProcessResult failing = scan();
  ASSERT_EQ(failing.exit_code, 0) << failing.err;
  EXPECT_NE(failing.err.find("no response: Couldn't connect to server"), std::string::npos) << failing.err;
  EXPECT_NE(failing.err.find("after attempt 3 of 3"), std::string::npos) << failing.err;
  EXPECT_EQ(result_counts().at("network_error"), 3);

  // Without the variable the reporter fails at once, naming the variable.
  ::unsetenv(kVariable);
  ProcessResult unset = scan();
  EXPECT_NE(unset.err.find("the environment variable ASSAY_TEST_SLACK_WEBHOOK is not set"), std::string::npos)
      << unset.err;

  // A value that is not a URL is refused without being shown.
  ::setenv(kVariable, (std::string("ftp://") + kSecret).c_str(), 1);
  ProcessResult not_http = scan();
  EXPECT_NE(not_http.err.find("is not an http:// or https:// URL"), std::string::npos) << not_http.err;

  EXPECT_EQ(everything_written().find(kSecret), std::string::npos);
}

}  // namespace
