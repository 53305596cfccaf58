// The state store through the assay executable: two scans and what the
// reports, `assay stats` and `assay state` say about them; a store held by
// another process; a store of a newer assay; configuration mistakes.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.h"

namespace fs = std::filesystem;
using assay::test::ProcessResult;
using assay::test::run_process;
using assay::test::sh;

namespace {

// The markers' items only: the counts below are worked out for them, and
// the maturity scanner's failed checks would add dozens.
const std::string kMarkersOnly = "plugins:\n  maturity:\n    enabled: false\n";

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class StateE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-state-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    repo_ = dir_ / "repo";
    fs::create_directories(repo_);
    git("init -q -b main");
    write(repo_ / "a.c", "// TODO: alpha task\n");
    write(repo_ / "b.c", "int b;\n/* FIXME: beta task */\n");
    git("add -A");
    git("commit -q -m first");
    write(dir_ / "markers-only.yaml", kMarkersOnly);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void git(const std::string& args) { assay::test::git_in(repo_.string(), args); }

  // Runs assay; a scan without --config gets the markers-only configuration.
  ProcessResult assay(std::vector<std::string> args) {
    if (args.front() == "scan" && std::find(args.begin(), args.end(), "--config") == args.end()) {
      args.push_back("--config");
      args.push_back((dir_ / "markers-only.yaml").string());
    }
    args.insert(args.begin(), kAssay);
    return run_process(args);
  }

  fs::path store() const { return repo_ / ".assay/state.db"; }

  fs::path dir_;
  fs::path repo_;
};

std::map<std::string, nlohmann::json> items_by_title(const nlohmann::json& backlog) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& item : backlog.at("items")) out[item.at("title").get<std::string>()] = item;
  return out;
}

TEST_F(StateE2E, TwoScansReportLifecycleAndStatistics) {
  ProcessResult first = assay({"scan", repo_.string()});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("state: 2 new, 0 reopened, 0 resolved; 2 open in " + store().string()),
            std::string::npos)
      << first.out;
  auto one = items_by_title(read_json(repo_ / ".assay/backlog.json"));
  const std::string beta = one.at("FIXME: beta task").at("key");

  write(repo_ / "b.c", "int b;\n");
  write(repo_ / "c.c", "// HACK: gamma task\n");
  git("add -A");
  git("commit -q -m second");
  ProcessResult second = assay({"scan", repo_.string()});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;

  nlohmann::json backlog = read_json(repo_ / ".assay/backlog.json");
  auto two = items_by_title(backlog);
  EXPECT_EQ(two.at("TODO: alpha task").at("status"), "open");
  EXPECT_EQ(two.at("TODO: alpha task").at("key"), one.at("TODO: alpha task").at("key"));
  EXPECT_EQ(two.at("TODO: alpha task").at("first_seen"), one.at("TODO: alpha task").at("first_seen"));
  EXPECT_EQ(two.at("HACK: gamma task").at("status"), "new");
  EXPECT_EQ(two.at("HACK: gamma task").at("key"), "TD-003");
  const nlohmann::json& stats = backlog.at("stats");
  EXPECT_EQ(stats.at("period_days"), 7);
  EXPECT_EQ(stats.at("discovered"), 3);
  EXPECT_EQ(stats.at("completed"), 1);
  EXPECT_EQ(stats.at("net_change"), 2);
  EXPECT_EQ(stats.at("backlog_size"), 2);
  EXPECT_EQ(stats.at("value_delivered_usd"), 570.0);  // the fix-me marker: (4+2 + 2 + 4+2 + 5) points × $30
  EXPECT_EQ(stats.at("sources"), (nlohmann::json{{"markers", 3}}));
  ASSERT_EQ(backlog.at("completed").size(), 1u);
  EXPECT_EQ(backlog.at("completed")[0].at("key"), beta);
  EXPECT_EQ(backlog.at("completed")[0].at("commit").get<std::string>().size(), 40u);

  const std::string markdown = read(repo_ / ".assay/BACKLOG.md");
  EXPECT_NE(markdown.find("## Recently completed"), std::string::npos);
  EXPECT_NE(markdown.find("| " + beta + " | FIXME: beta task |"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("## This period's performance"), std::string::npos);
  EXPECT_NE(
      markdown.find("- **Items discovered**: 3\n- **Items completed**: 1\n- **Net backlog change**: +2\n"),
      std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("- **Value delivered**: $570\n"), std::string::npos) << markdown;

  // assay stats says the same.
  ProcessResult stats_run = assay({"stats", repo_.string(), "--json"});
  ASSERT_EQ(stats_run.exit_code, 0) << stats_run.err;
  nlohmann::json from_cli = nlohmann::json::parse(stats_run.out);
  for (const char* field : {"discovered", "completed", "net_change", "backlog_size", "value_delivered_usd"})
    EXPECT_EQ(from_cli.at("stats").at(field), stats.at(field)) << field;
  EXPECT_EQ(from_cli.at("completed")[0].at("key"), beta);
  ProcessResult text_root = assay({"stats", repo_.string(), "--since", "1"});
  ASSERT_EQ(text_root.exit_code, 0) << text_root.err;
  EXPECT_NE(text_root.out.find("items completed      1\n"), std::string::npos) << text_root.out;
  EXPECT_NE(text_root.out.find("value delivered      $570\n"), std::string::npos) << text_root.out;

  ProcessResult check = assay({"state", "check", repo_.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out, store().string() + ": ok (schema 6, 1 repository)\n");

  ProcessResult exported = assay({"state", "export", repo_.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::istringstream lines(exported.out);
  std::string line;
  std::map<std::string, int> types;
  while (std::getline(lines, line)) ++types[nlohmann::json::parse(line).at("type").get<std::string>()];
  EXPECT_EQ(types["scan"], 2);
  EXPECT_EQ(types["item"], 3);
  EXPECT_EQ(types["event"], 4);  // 3 new, 1 resolved
}

// Holds the write lock of a store as another assay process in its merge would.
class LockHolder {
 public:
  explicit LockHolder(const fs::path& file) {
    sqlite3_open(file.c_str(), &db_);
    locked_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~LockHolder() {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }
  bool locked() const { return locked_; }

 private:
  sqlite3* db_ = nullptr;
  bool locked_ = false;
};

int64_t count_scans(const fs::path& file) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM scans", -1, &stmt, nullptr);
  int64_t n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

TEST_F(StateE2E, ASecondProcessWaitsABoundedTimeThenExitsCleanly) {
  ASSERT_EQ(assay({"scan", repo_.string()}).exit_code, 0);
  const fs::path config = dir_ / "short-wait.yaml";
  write(config, kMarkersOnly + "state:\n  busy_timeout_ms: 500\n");
  fs::remove(repo_ / ".assay/backlog.json");
  {
    LockHolder other(store());
    ASSERT_TRUE(other.locked());
    const auto start = std::chrono::steady_clock::now();
    ProcessResult r = assay({"scan", repo_.string(), "--config", config.string()});
    const auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
    EXPECT_NE(r.err.find("assay scan: state store " + store().string() +
                         " is in use by another assay process; gave up after 0."),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(" s (state.busy_timeout_ms is 500)\n"), std::string::npos) << r.err;
    EXPECT_GE(waited, 500);
    EXPECT_FALSE(fs::exists(repo_ / ".assay/backlog.json"));  // no report from a scan that was not recorded
  }
  EXPECT_EQ(count_scans(store()), 1);
  ProcessResult check = assay({"state", "check", repo_.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  ProcessResult again = assay({"scan", repo_.string(), "--config", config.string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(count_scans(store()), 2);
}

TEST_F(StateE2E, ConcurrentScansBothComplete) {
  // Two processes at once: the second waits for the first's merge, then
  // merges its own; both are recorded and the store stays sound.
  const std::string command = "'" + kAssay + "' scan '" + repo_.string() + "' --log-level off >/dev/null";
  sh("(" + command + ") & (" + command + ") & wait");
  EXPECT_EQ(count_scans(store()), 2);
  ProcessResult check = assay({"state", "check", repo_.string()});
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

TEST_F(StateE2E, AStoreOfANewerAssayIsRefused) {
  ASSERT_EQ(assay({"scan", repo_.string()}).exit_code, 0);
  sqlite3* db = nullptr;
  sqlite3_open(store().c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 9", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const std::string message =
      "state store " + store().string() +
      " has schema version 9, written by a newer assay; this assay reads versions up to 6. "
      "Use a newer assay, or point state.path at another file\n";
  ProcessResult scan = assay({"scan", repo_.string()});
  EXPECT_EQ(scan.exit_code, 3);
  EXPECT_EQ(scan.err, "assay scan: " + message);
  ProcessResult check = assay({"state", "check", repo_.string()});
  EXPECT_EQ(check.exit_code, 3);
  EXPECT_EQ(check.err, "assay state check: " + message);
}

TEST_F(StateE2E, ConfiguredPathAndDisabledStore) {
  const fs::path config = dir_ / "conf/assay.yaml";
  write(config, kMarkersOnly + "state:\n  path: stores/one.db\n  period_days: 3\n");
  ProcessResult r = assay({"scan", repo_.string(), "--config", config.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "conf/stores/one.db"));
  EXPECT_FALSE(fs::exists(store()));
  EXPECT_EQ(read_json(repo_ / ".assay/backlog.json").at("stats").at("period_days"), 3);
  // With a configured store, a directory inside the repository finds it too.
  fs::create_directories(repo_ / "sub");
  ProcessResult stats = assay({"stats", (repo_ / "sub").string(), "--config", config.string()});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("assay stats: " + fs::canonical(repo_).string() + ", 3 day(s)"), std::string::npos)
      << stats.out;
  ProcessResult elsewhere = assay({"stats", dir_.string(), "--config", config.string()});
  EXPECT_EQ(elsewhere.exit_code, 3);
  EXPECT_EQ(elsewhere.err, "assay stats: " + (dir_ / "conf/stores/one.db").string() + " holds no scan of " +
                               dir_.string() + "\n");

  write(config, kMarkersOnly + "state:\n  enabled: false\n");
  ProcessResult off = assay({"scan", repo_.string(), "--config", config.string()});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  nlohmann::json backlog = read_json(repo_ / ".assay/backlog.json");
  EXPECT_TRUE(backlog.at("stats").is_null());
  EXPECT_EQ(backlog.at("completed"), nlohmann::json::array());
  ProcessResult stats_off = assay({"stats", repo_.string(), "--config", config.string()});
  EXPECT_EQ(stats_off.exit_code, 2);
  EXPECT_EQ(stats_off.err, "assay stats: the state store is turned off (state.enabled: false)\n");
}

TEST_F(StateE2E, RetentionRulesAcrossFieldsAreConfigErrors) {
  const fs::path config = dir_ / "bad.yaml";
  write(config, "state:\n  retention:\n    detail_days: 30\n    summary_days: 10\n");
  ProcessResult r = assay({"config", "check", config.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(
      r.err.find(config.string() +
                 ": state.retention.summary_days (10) must be at least state.retention.detail_days (30)"),
      std::string::npos)
      << r.err;
  write(config, "state:\n  period_days: 120\n");
  ProcessResult p = assay({"config", "check", config.string()});
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_NE(p.err.find("state.period_days (120) must not exceed state.retention.detail_days (90)"),
            std::string::npos)
      << p.err;
  write(config, "state:\n  busy_timeout_ms: -1\n");
  ProcessResult b = assay({"config", "check", config.string()});
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find(config.string() + ":2:20"), std::string::npos) << b.err;
}

TEST_F(StateE2E, TheDefaultStoreStaysOutOfGitWhenReportsGoElsewhere) {
  ProcessResult r = assay({"scan", repo_.string(), "--out", (dir_ / "reports").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(store()));
  ProcessResult status = run_process({"/usr/bin/git", "-C", repo_.string(), "status", "--porcelain"});
  EXPECT_EQ(status.out, "");
}

TEST_F(StateE2E, CheckFindsADamagedStore) {
  ASSERT_EQ(assay({"scan", repo_.string()}).exit_code, 0);
  sqlite3* db = nullptr;
  sqlite3_open(store().c_str(), &db);
  sqlite3_exec(db, "UPDATE key_counters SET last_number = 1", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  ProcessResult check = assay({"state", "check", repo_.string()});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.out.find(": item TD-002: key number is above the counter of TD (1)"), std::string::npos)
      << check.out;
  EXPECT_EQ(check.err, "assay state check: 1 problem(s) in " + store().string() + "\n");
}

}  // namespace
