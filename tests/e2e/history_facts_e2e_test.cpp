// End to end: the history facts the maturity, docs and testgaps scanners
// read through the host API 1.1 history functions, on a repository built
// here with set commit dates (author = committer date, counted back from now
// in whole days plus one hour, so no day boundary is near the scan's start).
//
//   day -300  c1  CHANGELOG.md, docs/guide.md (names `src/core.c`, `src/util.c`),
//                 src/core.c, src/util.c, src/big.c, src/parse.{c,h}, tests/parts_test.c
//   day -200  c2  CHANGELOG.md
//   day -150  c3  src/core.c
//   day  -60  c4  src/core.c, docs/fresh.md (names `src/core.c`)
//   day  -30  c5  src/core.c
//
// Hand-worked: commits in the last 90 days: c4, c5 = 2. The CHANGELOG's last
// change (day -200) lags the latest source change (src/core.c, day -30) by
// 170 days. docs/guide.md (day -300) lags src/core.c by 270 days (> 180);
// docs/fresh.md (day -60) is 30 days behind (< 180). The untested sources:
// core.c (4 commits, complexity C), util.c (1, C), big.c (1, 2C): hotspot
// scores 4/4 × C/2C = 0.5, 1/4 × 2C/2C = 0.25, 1/4 × C/2C = 0.125; parse.c
// is tested by tests/parts_test.c, which includes parse.h.
#include <gtest/gtest.h>

#include <ctime>
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

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";
const std::string kNoHistory =
    "history: the host has no history for this scan (history disabled in the configuration, a repository "
    "without commits, or a history that could not be walked; the host's log says which)";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::json::parse(ss.str());
}

// A function whose complexity does not depend on `version` (one line varies).
std::string function(const std::string& name, int version) {
  return "int " + name +
         "(int a, int b) {\n"
         "  if (a > 0) {\n"
         "    for (int i = 0; i < b; ++i) {\n"
         "      if (i % 2 && a) {\n"
         "        a -= " +
         std::to_string(version) +
         ";\n"
         "      }\n"
         "    }\n"
         "  }\n"
         "  return a;\n"
         "}\n";
}

class HistoryFactsE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-history-facts-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    repo_ = dir_ / "repo";
    fs::create_directories(repo_);
    now_ = static_cast<int64_t>(std::time(nullptr));
    git("init -q -b main", 300);
    write(repo_ / "CHANGELOG.md", "# Changes\n\n## 1.0\n- first\n");
    write(repo_ / "docs/guide.md", "# Guide\n\nThe core is `src/core.c`; helpers are in `src/util.c`.\n");
    write(repo_ / "src/core.c", function("core", 0));
    write(repo_ / "src/util.c", function("util", 0));
    write(repo_ / "src/big.c", function("big_one", 0) + function("big_two", 0));
    write(repo_ / "src/parse.h", "int parse(int a, int b);\n");
    write(repo_ / "src/parse.c", "#include \"parse.h\"\n" + function("parse", 0));
    write(repo_ / "tests/parts_test.c",
          "#include \"parse.h\"\nint main(void) { return parse(1, 2) != 1; }\n");
    commit("c1", 300);
    write(repo_ / "CHANGELOG.md", "# Changes\n\n## 1.1\n- second\n\n## 1.0\n- first\n");
    commit("c2", 200);
    write(repo_ / "src/core.c", function("core", 1));
    commit("c3", 150);
    write(repo_ / "src/core.c", function("core", 2));
    write(repo_ / "docs/fresh.md", "# Fresh\n\nSee `src/core.c`.\n");
    commit("c4", 60);
    write(repo_ / "src/core.c", function("core", 3));
    commit("c5", 30);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // "<seconds> +0000": `days` whole days and one hour before now.
  std::string date(int days) const { return std::to_string(now_ - days * 86400LL - 3600) + " +0000"; }

  void git(const std::string& args, int days) { assay::test::git_in(repo_.string(), args, {"Alice", date(days)}); }
  void commit(const std::string& message, int days) {
    git("add -A", days);
    git("commit -q -m " + message, days);
  }

  nlohmann::json scan(const std::string& extra_config = "") {
    // `extra_config` may open a plugins section of its own; testgaps goes into it.
    const std::string testgaps = "  testgaps:\n    min_code_lines: 1\n";
    write(dir_ / "assay.yaml", extra_config.find("plugins:\n") != std::string::npos
                                   ? extra_config + testgaps
                                   : extra_config + "plugins:\n" + testgaps);
    ProcessResult r =
        run_process({kAssay, "scan", repo_.string(), "--config", (dir_ / "assay.yaml").string(), "--format",
                     "json", "--out", (dir_ / "out").string(), "--log-level", "warn"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_json(dir_ / "out" / "backlog.json");
  }

  static nlohmann::json check(const nlohmann::json& backlog, const std::string& id) {
    for (const auto& c : backlog["maturity"]["checks"])
      if (c["id"] == id) return c;
    return nullptr;
  }

  static std::vector<nlohmann::json> items(const nlohmann::json& backlog, const std::string& source) {
    std::vector<nlohmann::json> out;
    for (const auto& item : backlog["items"])
      if (item["source"] == source) out.push_back(item);
    std::sort(out.begin(), out.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
      return a["details"]["rank"].get<int>() < b["details"]["rank"].get<int>();
    });
    return out;
  }

  static std::vector<nlohmann::json> with_rule(const nlohmann::json& backlog, const std::string& rule) {
    std::vector<nlohmann::json> out;
    for (const auto& item : backlog["items"])
      if (item["rule"] == rule) out.push_back(item);
    return out;
  }

  fs::path dir_;
  fs::path repo_;
  int64_t now_ = 0;
};

TEST_F(HistoryFactsE2E, MaturityHistoryChecksAreDecidedFromTheHistory) {
  nlohmann::json backlog = scan();
  const nlohmann::json maintained = check(backlog, "maintained");
  EXPECT_EQ(maintained["status"], "partial") << maintained.dump();
  EXPECT_EQ(maintained["score"], 1.54);  // 10 × 2 / 13
  EXPECT_EQ(maintained["evidence"],
            nlohmann::json::parse(R"x(["2 commits in the last 90 days (13 wanted)"])x"));
  const nlohmann::json changelog = check(backlog, "changelog-maintained");
  EXPECT_EQ(changelog["status"], "fail") << changelog.dump();
  EXPECT_EQ(
      changelog["evidence"],
      nlohmann::json::parse(
          R"x(["CHANGELOG.md last changed 170 days before the latest change of src/core.c (at most 90 days wanted)"])x"));
  const nlohmann::json tests = check(backlog, "tests-maintained");
  EXPECT_EQ(tests["status"], "fail") << tests.dump();
  EXPECT_EQ(tests["evidence"][0], "tests/parts_test.c last changed 300 days ago (within 180 days wanted)");

  // The CHANGELOG catches up: the check passes, and c6 is a third commit in 90 days.
  write(repo_ / "CHANGELOG.md", "# Changes\n\n## 1.2\n- third\n");
  commit("c6", 20);
  backlog = scan();
  EXPECT_EQ(check(backlog, "changelog-maintained")["status"], "pass");
  EXPECT_EQ(
      check(backlog, "changelog-maintained")["evidence"],
      nlohmann::json::parse(
          R"x(["CHANGELOG.md last changed after the latest change of src/core.c (at most 90 days wanted)"])x"));
  EXPECT_EQ(check(backlog, "maintained")["score"], 2.31);  // 10 × 3 / 13
}

TEST_F(HistoryFactsE2E, FileAgeAndFileCommitRulesFromAnExtraRuleFile) {
  // CHANGELOG.md was added 300 days ago; src/core.c changed 3 times in the
  // last 200 days (c3, c4, c5), src/util.c never.
  write(
      dir_ / "extra.yaml",
      "version: 1\nchecks:\n"
      "  - id: old-changelog\n    title: Changelog a year old\n    fix: wait\n    dimension: documentation\n"
      "    risk: low\n    category: documentation\n    evidence:\n"
      "      - files: [CHANGELOG.md]\n        history: {older_than_days: 365}\n"
      "  - id: settled-changelog\n    title: Changelog older than 250 days\n    fix: wait\n"
      "    dimension: documentation\n    risk: low\n    category: documentation\n    evidence:\n"
      "      - files: [CHANGELOG.md]\n        history: {older_than_days: 250}\n"
      "  - id: busy-code\n    title: Code changed 4 times in 200 days\n    fix: work\n"
      "    dimension: code-quality\n    risk: low\n    category: infrastructure\n    evidence:\n"
      "      - files: ['src/*.c']\n        history: {commits_within_days: 200, min_commits: 4}\n");
  const nlohmann::json backlog =
      scan("plugins:\n  maturity:\n    extra_rules: ['" + (dir_ / "extra.yaml").string() + "']\n");
  EXPECT_EQ(check(backlog, "old-changelog")["status"], "fail");
  EXPECT_EQ(check(backlog, "old-changelog")["evidence"][0],
            "CHANGELOG.md added 300 days ago (at least 365 days wanted)");
  EXPECT_EQ(check(backlog, "settled-changelog")["status"], "pass");
  // 3 of 4 commits: 7.5.
  EXPECT_EQ(check(backlog, "busy-code")["status"], "partial");
  EXPECT_EQ(check(backlog, "busy-code")["score"], 7.5);
  EXPECT_EQ(check(backlog, "busy-code")["evidence"][0],
            "src/core.c: 3 commits in the last 200 days (4 wanted)");
}

TEST_F(HistoryFactsE2E, TheDocumentBehindTheCodeItNamesIsStale) {
  const nlohmann::json backlog = scan();
  const auto stale = with_rule(backlog, "stale-doc");
  ASSERT_EQ(stale.size(), 1u) << backlog.dump(1);
  EXPECT_EQ(stale[0]["location"]["path"], "docs/guide.md");
  EXPECT_EQ(stale[0]["title"], "docs/guide.md is 270 days behind the code it names (src/core.c)");
  EXPECT_EQ(stale[0]["details"]["lag_days"], 270);
  ASSERT_EQ(stale[0]["details"]["code"].size(), 1u);  // src/util.c did not change after the guide
  EXPECT_EQ(stale[0]["details"]["code"][0]["file"], "src/core.c");
}

TEST_F(HistoryFactsE2E, UntestedFilesAreRankedByHotspotScore) {
  nlohmann::json backlog = scan();
  auto gaps = items(backlog, "testgaps");
  ASSERT_EQ(gaps.size(), 3u) << backlog.dump(1);  // parse.c is tested through parse.h
  const std::vector<std::string> order = {"src/core.c", "src/big.c", "src/util.c"};
  const std::vector<double> scores = {0.5, 0.25, 0.125};
  const std::vector<int> commits = {4, 1, 1};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(gaps[i]["location"]["path"], order[i]);
    EXPECT_EQ(gaps[i]["details"]["ranked_by"], "hotspot");
    EXPECT_EQ(gaps[i]["details"]["hotspot"], scores[i]);
    EXPECT_EQ(gaps[i]["details"]["commits"], commits[i]);
  }
  EXPECT_EQ(gaps[1]["details"]["complexity"], 2 * gaps[0]["details"]["complexity"].get<int>());

  // Without the header rule, parse.c has no test of its own name.
  write(dir_ / "assay.yaml", "plugins:\n  testgaps:\n    min_code_lines: 1\n    header_includes: false\n");
  ProcessResult r =
      run_process({kAssay, "scan", repo_.string(), "--config", (dir_ / "assay.yaml").string(), "--format",
                   "json", "--out", (dir_ / "out").string(), "--log-level", "warn"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  backlog = read_json(dir_ / "out" / "backlog.json");
  EXPECT_EQ(items(backlog, "testgaps").size(), 4u);
}

TEST_F(HistoryFactsE2E, WithHistoryDisabledTheFactsSayWhy) {
  const nlohmann::json backlog = scan("history:\n  enabled: false\n");
  EXPECT_EQ(check(backlog, "maintained")["status"], "inconclusive");
  EXPECT_EQ(check(backlog, "maintained")["evidence"], nlohmann::json::array({kNoHistory}));
  EXPECT_EQ(check(backlog, "changelog-maintained")["evidence"], nlohmann::json::array({kNoHistory}));
  EXPECT_TRUE(with_rule(backlog, "stale-doc").empty());
  // Ranked by complexity alone: big.c (2C) first, then core.c and util.c by path.
  const auto gaps = items(backlog, "testgaps");
  ASSERT_EQ(gaps.size(), 3u);
  EXPECT_EQ(gaps[0]["location"]["path"], "src/big.c");
  EXPECT_EQ(gaps[1]["location"]["path"], "src/core.c");
  EXPECT_EQ(gaps[2]["location"]["path"], "src/util.c");
  EXPECT_EQ(gaps[0]["details"]["ranked_by"], "complexity");
  EXPECT_TRUE(gaps[0]["details"]["hotspot"].is_null());
}

}  // namespace
