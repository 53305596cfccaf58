// `assay serve` as a process on two generated repositories: a schedule fires,
// a new commit triggers a scan of that commit, SIGHUP applies a valid
// configuration and refuses an invalid one, SIGTERM during a scan stops
// within the bound with the state store intact, the example subscriber sees
// every event of a scan without a gap, and a late subscriber gets the
// snapshot. The service's /healthz and /metrics are asked over real sockets.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "../host/serve/exposition_parser.h"
#include "http_get.h"
#include "process.h"

namespace fs = std::filesystem;
using assay::test::run_process;
using assay::test::http_get;
using assay::test::sh;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";
const std::string kSlowScanner =
    std::string(ASSAY_BINARY_DIR) + "/tests/fixtures/plugins/fixture-slow_scanner.so";
const std::string kSubscriber = std::string(ASSAY_SOURCE_DIR) + "/scripts/assay-subscribe";

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class ServeE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-serve-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    config_ = dir_ / "serve.yaml";
    log_ = dir_ / "serve.log";
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
    if (HasFailure()) std::cerr << "--- serve log ---\n" << read(log_) << "---\n";
    fs::remove_all(dir_);
  }

  void make_repo(const fs::path& path, const std::string& file, const std::string& text) {
    fs::create_directories(path);
    std::ofstream(path / file) << text;
    git(path, "init -q -b main && git add -A && git commit -q -m first");
  }

  void git(const fs::path& path, const std::string& args) { assay::test::git_in(path.string(), args); }

  std::string head(const fs::path& path) {
    auto result = run_process({"/usr/bin/git", "-C", path.string(), "rev-parse", "HEAD"});
    return result.out.substr(0, 40);
  }

  // The configuration: `repositories` as given, the rest shared by the tests.
  void configure(const std::string& repositories, const std::string& service_extra = "") {
    std::ofstream(config_) << "repositories:\n"
                           << repositories << "service:\n  http: 127.0.0.1:0\n  watch_interval: 100ms\n"
                           << service_extra << "bus:\n  publish: ipc://" << (dir_ / "events").string()
                           << "\n  snapshot: ipc://" << (dir_ / "snapshot").string() << "\n"
                           // Item counts below are the markers'; the maturity scanner's gaps would add dozens.
                           << "plugins:\n  maturity:\n    enabled: false\n";
  }

  void start(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv = {kAssay, "serve", "--config", config_.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      FILE* out = std::freopen(log_.c_str(), "w", stderr);
      if (!out || ::dup2(::fileno(stderr), 1) < 0) ::_exit(126);
      std::vector<char*> args;
      for (auto& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ASSERT_TRUE(wait_for("serving 2 repositories", 1, std::chrono::seconds(15)));
  }

  // Waits until `what` appears `times` times in the log.
  bool wait_for(const std::string& what, size_t times, std::chrono::milliseconds limit) {
    auto deadline = Clock::now() + limit;
    while (Clock::now() < deadline) {
      if (count(read(log_), what) >= times) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  int http_port() {
    std::smatch match;
    std::string log = read(log_);
    if (!std::regex_search(log, match, std::regex("http listening on 127\\.0\\.0\\.1:([0-9]+)"))) return 0;
    return std::stoi(match[1]);
  }

  // Sends `signal`; returns the exit code and how long the exit took.
  std::pair<int, Clock::duration> stop(int signal) {
    auto sent = Clock::now();
    ::kill(pid_, signal);
    int status = 0;
    for (int i = 0; i < 200; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), Clock::now() - sent};
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return {-1, Clock::now() - sent};
  }

  std::string ended(const fs::path& repo, const std::string& status) {
    return "scan of " + repo.string() + " ended: " + status;
  }

  fs::path dir_, r1_, r2_, config_, log_;
  pid_t pid_ = -1;
};

TEST_F(ServeE2E, ScheduleFiresAndNewCommitIsScanned) {
  configure(
      "  - path: r1\n    schedule:\n      - every: 1s\n        scanners: [markers]\n"
      "  - path: r2\n    watch: true\n    debounce: 100ms\n");
  start();
  ASSERT_TRUE(wait_for(ended(r1_, "ok"), 1, std::chrono::seconds(10)));
  EXPECT_NE(read(log_).find("scan of " + r1_.string() + " started (every 1s)"), std::string::npos);

  std::ofstream(r2_ / "c.c") << "// TODO: gamma task\n";
  git(r2_, "add -A && git commit -q -m second");
  const std::string commit = head(r2_);
  ASSERT_TRUE(wait_for("scan of " + r2_.string() + " started (commit " + commit.substr(0, 12) + ")", 1,
                       std::chrono::seconds(10)));
  ASSERT_TRUE(wait_for(ended(r2_, "ok"), 1, std::chrono::seconds(10)));
  std::string backlog = read(r2_ / ".assay" / "backlog.json");
  EXPECT_NE(backlog.find("gamma task"), std::string::npos);
  EXPECT_NE(backlog.find(commit), std::string::npos);

  // The next commit's scan is incremental: the markers scanner reads the one
  // changed file and its cached finding of the other is replayed.
  std::ofstream(r2_ / "c.c") << "// TODO: gamma task, reworded\n";
  git(r2_, "commit -q -am third");
  ASSERT_TRUE(wait_for(ended(r2_, "ok"), 2, std::chrono::seconds(10)));
  const nlohmann::json third = nlohmann::json::parse(read(r2_ / ".assay" / "backlog.json"));
  bool markers_seen = false;
  for (const auto& run : third.at("scan").at("plugins")) {
    if (run.at("name") != "markers") continue;
    markers_seen = true;
    EXPECT_EQ(run.at("cache").at("mode"), "incremental") << run.dump();
    EXPECT_EQ(run.at("cache").at("files_scanned"), 1) << run.dump();
    EXPECT_EQ(run.at("cache").at("files_replayed"), 1) << run.dump();
  }
  EXPECT_TRUE(markers_seen);
  EXPECT_NE(third.dump().find("gamma task, reworded"), std::string::npos);
  EXPECT_NE(third.dump().find("beta task"), std::string::npos);

  const int port = http_port();
  ASSERT_GT(port, 0);
  auto health =
      run_process({kAssay, "health", "--url", "http://127.0.0.1:" + std::to_string(port) + "/healthz"});
  EXPECT_EQ(health.exit_code, 0) << health.out << health.err;
  EXPECT_NE(health.out.find("\"status\":\"ok\""), std::string::npos) << health.out;

  std::string metrics = http_get(port, "/metrics");
  ASSERT_EQ(metrics.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << metrics;
  std::string body = metrics.substr(metrics.find("\r\n\r\n") + 4);
  auto exposition = assay::test::parse_exposition(body);
  EXPECT_TRUE(exposition.errors.empty()) << exposition.errors.front();
  bool r2_counted = false;
  for (const auto& s : exposition.samples)
    r2_counted |= s.name == "assay_scans_total" && s.labels.at("repository") == r2_.string() && s.value >= 1;
  EXPECT_TRUE(r2_counted) << body;
  // The metrics reporter's textfiles of both repositories, merged: r2's last
  // scan (the commit) has the beta and gamma markers.
  double r2_items = 0;
  bool r1_next_best = false;
  for (const auto& s : exposition.samples) {
    if (s.name == "assay_backlog_items" && s.labels.at("repository") == r2_.string()) r2_items += s.value;
    r1_next_best |= s.name == "assay_next_best_composite_score" && s.labels.at("repository") == r1_.string();
  }
  EXPECT_EQ(r2_items, 2) << body;
  EXPECT_TRUE(r1_next_best) << body;
  EXPECT_EQ(http_get(port, "/nope").substr(0, 22), "HTTP/1.1 404 Not Found");

  auto [code, took] = stop(SIGTERM);
  EXPECT_EQ(code, 0);
  EXPECT_LT(took, std::chrono::seconds(5));
}

TEST_F(ServeE2E, SighupAppliesAValidConfigurationAndRefusesAnInvalidOne) {
  configure("  - path: r1\n    schedule:\n      - every: 1h\n  - path: r2\n");
  start();
  configure("  - path: r1\n    schedule:\n      - every: 1s\n        scanners: [markers]\n  - path: r2\n");
  ::kill(pid_, SIGHUP);
  ASSERT_TRUE(wait_for("configuration reloaded: 2 repositories", 1, std::chrono::seconds(10)));
  ASSERT_TRUE(wait_for(ended(r1_, "ok"), 1, std::chrono::seconds(10)));

  configure("  - path: r1\n    schedule:\n      - cron: \"61 * * * *\"\n  - path: r2\n");
  ::kill(pid_, SIGHUP);
  ASSERT_TRUE(wait_for("configuration reload refused", 1, std::chrono::seconds(10)));
  EXPECT_NE(read(log_).find(config_.string() +
                            ":4:15: repositories[0].schedule[0].cron: minute field '61': 61 is outside 0-59"),
            std::string::npos);
  // The old configuration keeps scanning every second.
  size_t before = count(read(log_), ended(r1_, "ok"));
  ASSERT_TRUE(wait_for(ended(r1_, "ok"), before + 1, std::chrono::seconds(10)));

  std::string metrics = http_get(http_port(), "/metrics");
  EXPECT_NE(metrics.find("assay_config_reloads_total{result=\"applied\"} 1"), std::string::npos);
  EXPECT_NE(metrics.find("assay_config_reloads_total{result=\"refused\"} 1"), std::string::npos);
  EXPECT_EQ(stop(SIGTERM).first, 0);
}

TEST_F(ServeE2E, SigtermDuringAScanStopsWithinTheBoundWithTheStateIntact) {
  configure(
      "  - path: r1\n    schedule:\n      - every: 1s\n        scanners: [markers, slow_scanner]\n"
      "  - path: r2\n",
      "  stop_timeout: 3s\n");
  start({"--plugin", kSlowScanner});
  ASSERT_TRUE(wait_for("slow_scanner: waiting for cancellation", 1, std::chrono::seconds(10)));
  // The scanners start in no set order (the file-local ones on the scan's
  // own thread, after their caches are planned): the stop comes once the
  // markers scanner has ended, so that its finding must survive it.
  ASSERT_TRUE(wait_for("[markers] 1 markers in 1 files", 1, std::chrono::seconds(10)));
  auto [code, took] = stop(SIGTERM);
  EXPECT_EQ(code, 0);
  EXPECT_LT(took, std::chrono::seconds(3));
  std::string log = read(log_);
  EXPECT_NE(log.find(ended(r1_, "cancelled")), std::string::npos);
  EXPECT_NE(log.find("] [serve] stopped"), std::string::npos);
  auto check = run_process({kAssay, "state", "check", r1_.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  // The markers scanner finished before the stop: its item is in the store.
  auto exported = run_process({kAssay, "state", "export", r1_.string()});
  EXPECT_NE(exported.out.find("alpha task"), std::string::npos) << exported.out;
}

TEST_F(ServeE2E, SubscriberSeesEveryEventOfAScanAndALateOneGetsTheSnapshot) {
  configure("  - path: r1\n    schedule:\n      - every: 1s\n        scanners: [markers]\n  - path: r2\n");
  start();
  const std::string events = "ipc://" + (dir_ / "events").string();
  auto sub = run_process(
      {"/usr/bin/python3", kSubscriber, "--events", events, "--scans", "2", "--timeout", "15", "--json"});
  ASSERT_EQ(sub.exit_code, 0) << sub.out << sub.err;
  // Every event of at least one whole scan, in seq order without a gap.
  std::map<std::string, std::vector<std::string>> topics_by_scan;
  std::vector<uint64_t> seqs;
  nlohmann::json summary;
  std::istringstream lines(sub.out);
  for (std::string line; std::getline(lines, line);) {
    auto record = nlohmann::json::parse(line);
    if (record.contains("topic")) {
      topics_by_scan[record["scan_id"]].push_back(record["topic"]);
      seqs.push_back(record["seq"]);
    }
    if (record.contains("events")) summary = record;
  }
  EXPECT_EQ(summary["gaps"], 0);
  for (size_t i = 1; i < seqs.size(); ++i) EXPECT_EQ(seqs[i], seqs[i - 1] + 1);
  bool whole_scan = false;
  for (const auto& [scan, topics] : topics_by_scan) {
    if (topics.front() != "assay.scan.started") continue;
    whole_scan = true;
    // started, the finding, its scored item, completed, two reports (md, json).
    EXPECT_EQ(count(nlohmann::json(topics).dump(), "assay.finding"), 1u) << scan;
    EXPECT_EQ(count(nlohmann::json(topics).dump(), "assay.item.scored"), 1u) << scan;
    EXPECT_EQ(count(nlohmann::json(topics).dump(), "assay.scan.completed"), 1u) << scan;
  }
  EXPECT_TRUE(whole_scan) << sub.out;

  auto late = run_process({"/usr/bin/python3", kSubscriber, "--events", events, "--snapshot",
                           "ipc://" + (dir_ / "snapshot").string(), "--repository", r1_.string(), "--scans",
                           "1", "--timeout", "10", "--json"});
  ASSERT_EQ(late.exit_code, 0) << late.out << late.err;
  auto snapshot = nlohmann::json::parse(late.out.substr(0, late.out.find('\n')))["snapshot"];
  EXPECT_EQ(snapshot["repository"], r1_.string());
  ASSERT_EQ(snapshot["items"].size(), 1u) << snapshot.dump();
  EXPECT_EQ(snapshot["items"][0]["key"], "TD-001");
  EXPECT_EQ(snapshot["items"][0]["title"], "TODO: alpha task");
  EXPECT_GT(snapshot["seq"].get<uint64_t>(), 0u);
  EXPECT_EQ(stop(SIGTERM).first, 0);
}

TEST_F(ServeE2E, OpenTcpEndpointWithCurveKeysServesOnlyClientsThatKnowTheKey) {
  auto keys = run_process(
      {"/usr/bin/python3", "-c", "import zmq; p, s = zmq.curve_keypair(); print(p.decode(), s.decode())"});
  ASSERT_EQ(keys.exit_code, 0) << keys.err;
  const std::string public_key = keys.out.substr(0, 40);
  const std::string secret_key = keys.out.substr(41, 40);
  // A free port: bind one, learn its number, close it.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  socklen_t size = sizeof address;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
  const std::string port = std::to_string(ntohs(address.sin_port));
  ::close(fd);
  std::ofstream(config_)
      << "repositories:\n  - path: r1\n    schedule:\n      - every: 1s\n        scanners: [markers]\n"
      << "  - path: r2\nbus:\n  publish: tcp://0.0.0.0:" << port << "\n  curve:\n    public_key: \""
      << public_key << "\"\n    secret_key: \"" << secret_key << "\"\n";
  start();
  const std::string events = "tcp://127.0.0.1:" + port;
  auto with_key = run_process({"/usr/bin/python3", kSubscriber, "--events", events, "--server-key",
                               public_key, "--scans", "1", "--timeout", "10"});
  EXPECT_EQ(with_key.exit_code, 0) << with_key.out << with_key.err;
  auto without =
      run_process({"/usr/bin/python3", kSubscriber, "--events", events, "--scans", "1", "--timeout", "2"});
  EXPECT_EQ(without.exit_code, 2) << without.out;
  EXPECT_NE(without.out.find("0 events"), std::string::npos) << without.out;
  EXPECT_EQ(stop(SIGTERM).first, 0);
  EXPECT_EQ(read(log_).find(secret_key), std::string::npos);
}

TEST_F(ServeE2E, HealthReportsWhatItCannotReach) {
  // A port nothing listens on: bind one, learn its number, close it.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
  const int port = ntohs(address.sin_port);
  ::close(fd);
  std::ofstream(config_) << "repositories:\n  - path: r1\nservice:\n  http: 127.0.0.1:" << port << "\n";
  auto down = run_process({kAssay, "health", "--config", config_.string()});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_NE(down.err.find("http://127.0.0.1:" + std::to_string(port) + "/healthz"), std::string::npos)
      << down.err;

  std::ofstream(config_) << "repositories:\n  - path: r1\n";
  auto unset = run_process({kAssay, "health", "--config", config_.string()});
  EXPECT_EQ(unset.exit_code, 2);
  EXPECT_NE(unset.err.find("sets no service.http"), std::string::npos) << unset.err;
  EXPECT_EQ(run_process({kAssay, "health"}).exit_code, 2);
}

TEST_F(ServeE2E, InvalidConfigurationIsRefusedAtStart) {
  std::ofstream(config_)
      << "repositories:\n  - path: r1\n    schedule:\n      - every: 1h\n        cron: \"* * * * *\"\n"
      << "bus:\n  publish: tcp://0.0.0.0:5560\n";
  auto result = run_process({kAssay, "serve", "--config", config_.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(config_.string() +
                            ":4:9: repositories[0].schedule[0]: give exactly one of 'every' or 'cron'"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("bus.publish: 'tcp://0.0.0.0:5560' is reachable from other machines"),
            std::string::npos)
      << result.err;
  auto check = run_process({kAssay, "config", "check", config_.string()});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.err.find("give exactly one of 'every' or 'cron'"), std::string::npos) << check.err;
}

}  // namespace
