// Crash safety of the state store: `assay scan` is killed with SIGKILL after
// increasing delays, so the kills land before, during and after the merge's
// transaction; after each kill the store must open, pass `assay state check`,
// and hold exactly the last scan that committed: no scan half-recorded, the
// open items exactly those of that scan.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "process.h"

namespace fs = std::filesystem;
using assay::test::ProcessResult;
using assay::test::run_process;
using assay::test::sh;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";

// Markers that every scan finds; enough of them that the merge takes a while.
constexpr int kFixedItems = 300;
// Markers that change with every attempt, so that each committed scan leaves
// a different set of open items.
constexpr int kVariantItems = 40;
// Attempts per pass (a coarse and a fine one).
constexpr int kAttempts = 16;

std::string variant_text(int attempt) {
  std::string text;
  for (int j = 0; j < kVariantItems; ++j)
    text += "// TODO: variant " + std::to_string(attempt) + " item " + std::to_string(j) + "\n";
  return text;
}

std::set<std::string> expected_open(int attempt) {
  std::set<std::string> titles;
  for (int j = 0; j < kFixedItems; ++j) titles.insert("TODO: fixed item " + std::to_string(j));
  for (int j = 0; j < kVariantItems; ++j)
    titles.insert("TODO: variant " + std::to_string(attempt) + " item " + std::to_string(j));
  return titles;
}

// What `assay state export` says the store holds.
struct StoreContents {
  size_t scans = 0;
  std::set<std::string> open_titles;
  int64_t last_scan_open_items = -1;
};

StoreContents read_store(const fs::path& repo) {
  ProcessResult r = run_process({kAssay, "state", "export", repo.string()});
  if (r.exit_code != 0) throw std::runtime_error("state export failed: " + r.err);
  StoreContents contents;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    nlohmann::json row = nlohmann::json::parse(line);
    if (row.at("type") == "scan") {
      ++contents.scans;
      contents.last_scan_open_items = row.at("open_items");
    }
    if (row.at("type") == "item" && row.at("status") == "open")
      contents.open_titles.insert(row.at("title").get<std::string>());
  }
  return contents;
}

// Starts `assay scan repo --config config`, output discarded.
pid_t start_scan(const fs::path& repo, const fs::path& config) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
    execl(kAssay.c_str(), kAssay.c_str(), "scan", repo.c_str(), "--config", config.c_str(), "--log-level",
          "off", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

class StateCrash : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-state-crash-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    repo_ = dir_ / "repo";
    fs::create_directories(repo_);
    std::ofstream fixed(repo_ / "fixed.c");
    for (int j = 0; j < kFixedItems; ++j) fixed << "// TODO: fixed item " << j << "\n";
    fixed.close();
    std::ofstream(repo_ / "variant.c") << variant_text(0);
    assay::test::git_in(repo_.string(), "init -q -b main && git add -A && git commit -q -m first");
    // The markers' items only, so the open titles are the ones below.
    config_ = dir_ / "markers-only.yaml";
    std::ofstream(config_) << "plugins:\n  maturity:\n    enabled: false\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  fs::path repo_;
  fs::path config_;
};

// What one attempt found after its kill.
enum class Outcome { KilledBeforeCommit, KilledAfterCommit, FinishedFirst };

TEST_F(StateCrash, KilledScansLeaveTheLastCompleteScan) {
  // One scan to completion sets the baseline and times a whole scan.
  const auto start = Clock::now();
  ProcessResult baseline =
      run_process({kAssay, "scan", repo_.string(), "--config", config_.string(), "--log-level", "off"});
  const auto full_scan = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
  ASSERT_EQ(baseline.exit_code, 0) << baseline.err;
  StoreContents contents = read_store(repo_);
  ASSERT_EQ(contents.scans, 1u);
  ASSERT_EQ(contents.open_titles, expected_open(0));

  int attempt = 0;
  int last_committed = 0;
  size_t committed_scans = 1;
  std::map<Outcome, int> outcomes;
  // Starts a scan of the next variant, kills it after `delay`, and checks the
  // store: it holds the scan that committed last, whole.
  auto kill_after = [&](std::chrono::microseconds delay) -> Outcome {
    ++attempt;
    std::ofstream(repo_ / "variant.c") << variant_text(attempt);
    pid_t pid = start_scan(repo_, config_);
    EXPECT_GT(pid, 0);
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const bool finished = WIFEXITED(status);
    if (finished) {
      EXPECT_EQ(WEXITSTATUS(status), 0) << "attempt " << attempt;
    }

    ProcessResult check = run_process({kAssay, "state", "check", repo_.string()});
    EXPECT_EQ(check.exit_code, 0) << "attempt " << attempt << ": " << check.out << check.err;
    contents = read_store(repo_);
    Outcome outcome = Outcome::KilledBeforeCommit;
    if (contents.scans == committed_scans + 1) {
      last_committed = attempt;
      committed_scans = contents.scans;
      outcome = finished ? Outcome::FinishedFirst : Outcome::KilledAfterCommit;
    } else {
      EXPECT_EQ(contents.scans, committed_scans) << "attempt " << attempt << ": a scan was half recorded";
      EXPECT_FALSE(finished) << "attempt " << attempt << ": a finished scan was not recorded";
    }
    EXPECT_EQ(contents.open_titles, expected_open(last_committed)) << "attempt " << attempt;
    EXPECT_EQ(contents.last_scan_open_items, static_cast<int64_t>(kFixedItems + kVariantItems));
    ++outcomes[outcome];
    return outcome;
  };

  // Coarse: delays from 0 to 1.5 times a whole scan.
  std::chrono::microseconds last_before{0};
  std::chrono::microseconds first_after = full_scan * 3 / 2;
  for (int i = 0; i < kAttempts && !HasFailure(); ++i) {
    const auto delay = full_scan * 3 * i / (2 * kAttempts);
    const Outcome outcome = kill_after(delay);
    if (outcome == Outcome::KilledBeforeCommit) last_before = delay;
    if (outcome != Outcome::KilledBeforeCommit && delay < first_after) first_after = delay;
  }
  // Fine: increasing delays across the boundary the coarse pass found, so
  // that kills land just before, inside and just after the commit.
  const auto from = std::min(last_before, first_after) * 9 / 10;
  const auto to = std::max(last_before, first_after) * 11 / 10;
  for (int i = 0; i < kAttempts && !HasFailure(); ++i) kill_after(from + (to - from) * i / kAttempts);

  std::cout << "[ crash    ] whole scan " << full_scan.count() / 1000 << " ms; " << attempt
            << " kills: " << outcomes[Outcome::KilledBeforeCommit] << " before the commit, "
            << outcomes[Outcome::KilledAfterCommit] << " after it, " << outcomes[Outcome::FinishedFirst]
            << " scans finished first; boundary between " << from.count() / 1000 << " and "
            << to.count() / 1000 << " ms\n";
  EXPECT_GT(outcomes[Outcome::KilledBeforeCommit], 0);
  EXPECT_GT(outcomes[Outcome::KilledAfterCommit] + outcomes[Outcome::FinishedFirst], 0);
}

}  // namespace
