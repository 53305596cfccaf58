// End-to-end tests of `assay scan` and the other commands, run as a process
// against git repositories created in temporary directories.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "process.h"

namespace fs = std::filesystem;
using assay::test::ProcessResult;
using assay::test::run_process;
using assay::test::sh;

namespace {

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";
const std::string kFixtures = std::string(ASSAY_BINARY_DIR) + "/tests/fixtures/plugins";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json read_json(const fs::path& path) { return nlohmann::json::parse(read(path)); }

class ScanE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    repo_ = dir_ / "repo";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A repository with two commits: the first has one FIXME, the second adds
  // more markers, a string that only looks like a marker, and an ignored file.
  void make_repo() {
    fs::create_directories(repo_);
    git("init -q -b main");
    write(repo_ / "src/parser.c",
          "int parse(void) {\n  return 0; /* FIXME: overflow when input > 4 GiB */\n}\n");
    git("add -A");
    git("commit -q -m first");
    write(repo_ / "src/parser.c",
          "int parse(void) {\n"
          "  return 0; /* FIXME: overflow when input > 4 GiB */\n"
          "}\n"
          "// TODO(alice): support UTF-16 input\n"
          "const char* s = \"TODO: this is a string, not a marker\";\n");
    write(repo_ / "app.py", "def run():\n    # HACK: retry until the service answers\n    pass\n");
    write(repo_ / ".gitignore", "ignored/\n");
    write(repo_ / "ignored/skip.c", "// TODO: ignored by .gitignore\n");
    git("add -A");
    git("commit -q -m second");
  }

  void git(const std::string& args) { assay::test::git_in(repo_.string(), args); }

  ProcessResult assay(std::vector<std::string> args) {
    args.insert(args.begin(), kAssay);
    return run_process(args);
  }

  fs::path dir_;
  fs::path repo_;
};

// The items one scanner found (the maturity scanner adds its gaps to every scan).
nlohmann::json items_from(const nlohmann::json& backlog, const std::string& source) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : backlog.at("items"))
    if (item.at("source") == source) items.push_back(item);
  return items;
}

std::set<std::string> titles(const nlohmann::json& items) {
  std::set<std::string> out;
  for (const auto& item : items) out.insert(item.at("title").get<std::string>());
  return out;
}

const nlohmann::json* plugin_run(const nlohmann::json& backlog, const std::string& name) {
  for (const auto& run : backlog.at("scan").at("plugins")) {
    if (run.at("name") == name) return &run;
  }
  return nullptr;
}

}  // namespace

TEST_F(ScanE2E, WorkingTreeScanWritesBothReports) {
  make_repo();
  ProcessResult r = assay({"scan", repo_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  fs::path out = repo_ / ".assay";
  ASSERT_TRUE(fs::exists(out / "BACKLOG.md"));
  ASSERT_TRUE(fs::exists(out / "backlog.json"));

  nlohmann::json b = read_json(out / "backlog.json");
  EXPECT_EQ(b.at("schema"), 1);
  EXPECT_EQ(b.at("repository").at("name"), "repo");
  EXPECT_EQ(b.at("repository").at("commit").get<std::string>().size(), 40u);
  const nlohmann::json markers_items = items_from(b, "markers");
  ASSERT_EQ(markers_items.size(), 3u) << b.dump(2);
  auto t = titles(markers_items);
  EXPECT_EQ(t.count("FIXME: overflow when input > 4 GiB"), 1u) << b.dump(2);
  EXPECT_EQ(t.count("TODO: support UTF-16 input"), 1u) << b.dump(2);
  EXPECT_EQ(t.count("HACK: retry until the service answers"), 1u) << b.dump(2);

  double previous = 1e9;
  std::set<std::string> keys;
  for (const auto& item : markers_items) {
    double composite = item.at("scores").at("composite");
    EXPECT_LE(composite, previous);
    previous = composite;
    keys.insert(item.at("key").get<std::string>());
    EXPECT_FALSE(item.at("fingerprint").get<std::string>().empty());
    for (const char* field : {"wsjf", "ice", "technical_debt", "security", "composite"}) {
      EXPECT_TRUE(item.at("scores").contains(field)) << field;
    }
  }
  EXPECT_EQ(keys.size(), 3u);
  for (const auto& item : b.at("items")) {
    if (item.at("rule") == "FIXME") {
      EXPECT_EQ(item.at("location").at("path"), "src/parser.c");
      EXPECT_EQ(item.at("location").at("line_start"), 2);
      // "overflow" is a reliability keyword: the item is code quality, key CQ-.
      EXPECT_EQ(item.at("category"), "code-quality");
      EXPECT_EQ(item.at("key").get<std::string>().rfind("CQ-", 0), 0u);
    }
  }
  ASSERT_TRUE(b.at("next_best").is_string());
  EXPECT_EQ(b.at("next_best"), b.at("items")[0].at("key"));

  const auto* markers = plugin_run(b, "markers");
  ASSERT_NE(markers, nullptr);
  EXPECT_EQ(markers->at("status"), "ok");
  EXPECT_EQ(markers->at("findings"), 3);

  std::string md = read(out / "BACKLOG.md");
  EXPECT_NE(md.find("FIXME: overflow when input > 4 GiB"), std::string::npos);
  EXPECT_NE(md.find(b.at("next_best").get<std::string>()), std::string::npos);
  EXPECT_NE(md.find("src/parser.c:2"), std::string::npos);
  // The terminal summary names the next best item.
  EXPECT_NE(r.out.find(b.at("next_best").get<std::string>()), std::string::npos) << r.out;
}

TEST_F(ScanE2E, SecondScanDoesNotScanItsOwnReports) {
  make_repo();
  ASSERT_EQ(assay({"scan", repo_.string()}).exit_code, 0);
  nlohmann::json first = read_json(repo_ / ".assay/backlog.json");
  // Reports that contain markers, as a scan of a subdirectory would leave.
  write(repo_ / "src/.assay/BACKLOG.md", "<!-- TODO: this is a report, not source -->\n");
  ASSERT_EQ(assay({"scan", repo_.string(), "--out", (dir_ / "elsewhere").string()}).exit_code, 0);
  nlohmann::json elsewhere = read_json(dir_ / "elsewhere/backlog.json");
  EXPECT_EQ(elsewhere.at("scan").at("files"), first.at("scan").at("files"));
  EXPECT_EQ(elsewhere.at("items").size(), first.at("items").size());
  // The default report directory keeps itself out of git.
  EXPECT_TRUE(fs::exists(repo_ / ".assay/.gitignore"));
  assay::test::ProcessResult status =
      run_process({"/usr/bin/git", "-C", repo_.string(), "status", "--porcelain"});
  EXPECT_EQ(status.out.find(".assay/BACKLOG.md"), std::string::npos) << status.out;
  ProcessResult r = assay({"scan", repo_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json second = read_json(repo_ / ".assay/backlog.json");
  EXPECT_EQ(first.at("items").size(), second.at("items").size());
  // Identity is stable across scans of the same tree.
  for (size_t i = 0; i < first.at("items").size(); ++i) {
    EXPECT_EQ(first.at("items")[i].at("fingerprint"), second.at("items")[i].at("fingerprint"));
  }
}

TEST_F(ScanE2E, RevScansTheCommitFromTheObjectDatabase) {
  make_repo();
  ProcessResult r = assay({"scan", repo_.string(), "--rev", "HEAD~1", "--out", (dir_ / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json b = read_json(dir_ / "out/backlog.json");
  ASSERT_EQ(items_from(b, "markers").size(), 1u) << b.dump(2);
  EXPECT_EQ(items_from(b, "markers")[0].at("rule"), "FIXME");
  EXPECT_EQ(b.at("repository").at("target"), "commit");
}

TEST_F(ScanE2E, BareRepositoryWithRev) {
  make_repo();
  sh("git clone -q --bare '" + repo_.string() + "' '" + (dir_ / "bare.git").string() + "'");
  ProcessResult r =
      assay({"scan", (dir_ / "bare.git").string(), "--rev", "main", "--out", (dir_ / "out").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(items_from(read_json(dir_ / "out/backlog.json"), "markers").size(), 3u);
}

TEST_F(ScanE2E, PlainDirectoryIsScannedWithoutHistory) {
  write(dir_ / "plain/main.go", "package main\n// FIXME: handle SIGTERM\nfunc main() {}\n");
  ProcessResult r = assay({"scan", (dir_ / "plain").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json b = read_json(dir_ / "plain/.assay/backlog.json");
  EXPECT_EQ(b.at("repository").at("history"), false);
  EXPECT_TRUE(b.at("repository").at("commit").is_null());
  ASSERT_EQ(items_from(b, "markers").size(), 1u);
  std::string md = read(dir_ / "plain/.assay/BACKLOG.md");
  EXPECT_NE(md.find("history unavailable"), std::string::npos) << md;
}

TEST_F(ScanE2E, FailingPluginDoesNotStopTheScan) {
  make_repo();
  ProcessResult r = assay({"scan", repo_.string(), "--plugin", kFixtures + "/fixture-scan_fails.so",
                           "--plugin", kFixtures + "/not_a_shared_object.so"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  nlohmann::json b = read_json(repo_ / ".assay/backlog.json");
  EXPECT_EQ(items_from(b, "markers").size(), 3u);
  bool saw_scan_failure = false;
  bool saw_load_failure = false;
  for (const auto& run : b.at("scan").at("plugins")) {
    if (run.at("status") == "failed") {
      saw_scan_failure = true;
      EXPECT_NE(run.at("error").get<std::string>().find("scan exploded"), std::string::npos) << run.dump();
    }
    if (run.at("status") == "load-failed") {
      saw_load_failure = true;
      EXPECT_NE(run.at("error").get<std::string>().find("not_a_shared_object.so"), std::string::npos);
    }
  }
  EXPECT_TRUE(saw_scan_failure) << b.at("scan").dump(2);
  EXPECT_TRUE(saw_load_failure) << b.at("scan").dump(2);
  EXPECT_NE(r.err.find("scan exploded"), std::string::npos) << r.err;
  std::string md = read(repo_ / ".assay/BACKLOG.md");
  EXPECT_NE(md.find("scan exploded"), std::string::npos);
}

TEST_F(ScanE2E, FormatSelectsReporters) {
  make_repo();
  ProcessResult r = assay({"scan", repo_.string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(repo_ / ".assay/backlog.json"));
  EXPECT_FALSE(fs::exists(repo_ / ".assay/BACKLOG.md"));
  r = assay({"scan", repo_.string(), "--format", "md,pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pdf"), std::string::npos) << r.err;
}

TEST_F(ScanE2E, ExitCodes) {
  EXPECT_EQ(assay({"scan", (dir_ / "does-not-exist").string()}).exit_code, 3);
  make_repo();
  ProcessResult bad_rev = assay({"scan", repo_.string(), "--rev", "no-such-branch"});
  EXPECT_EQ(bad_rev.exit_code, 3);
  EXPECT_NE(bad_rev.err.find("no-such-branch"), std::string::npos) << bad_rev.err;
  EXPECT_EQ(assay({"scan", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(assay({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(assay({"--version"}).exit_code, 0);
  ProcessResult help = assay({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("assay scan"), std::string::npos);
}

// When no reporter could write its report the scan fails (exit 3) after
// printing its summary, and says where the reports were meant to go.
TEST_F(ScanE2E, NoReportWrittenIsAFailedScan) {
  make_repo();
  const fs::path out = dir_ / "out";
  // A directory where backlog.json belongs: the json reporter cannot rename
  // its finished file onto it.
  fs::create_directories(out / "backlog.json");
  ProcessResult r = assay({"scan", repo_.string(), "--format", "json", "--out", out.string()});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  // The summary is printed first, with the reporter's failure in it.
  EXPECT_NE(r.out.find("3 files, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("reporter json: failed"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("assay scan: no report could be written to " + out.string()), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_directory(out / "backlog.json"));
}

TEST_F(ScanE2E, ConfigErrorsNameFileLineAndColumn) {
  fs::path cfg = dir_ / "bad.yaml";
  write(cfg, "log:\n  level: info\nscann:\n  threads: 2\n");
  ProcessResult r = assay({"config", "check", cfg.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(cfg.string() + ":3:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("scan"), std::string::npos) << r.err;

  fs::path good = dir_ / "good.yaml";
  write(good, "plugins:\n  markers:\n    enabled: true\n");
  ProcessResult ok = assay({"config", "check", good.string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;

  fs::path unknown_plugin = dir_ / "unknown.yaml";
  write(unknown_plugin, "plugins:\n  markrs:\n    enabled: true\n");
  ProcessResult u = assay({"config", "check", unknown_plugin.string()});
  EXPECT_EQ(u.exit_code, 2);
  EXPECT_NE(u.err.find("markers"), std::string::npos) << u.err;

  // Host and plugin sections are checked in one run: both mistakes reported.
  fs::path both = dir_ / "both.yaml";
  write(both, "scan:\n  threads: many\nplugins:\n  markdown:\n    top: 0\n");
  ProcessResult b = assay({"config", "check", both.string()});
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find(both.string() + ":2:"), std::string::npos) << b.err;
  EXPECT_NE(b.err.find(both.string() + ":5:"), std::string::npos) << b.err;

  // Valid for the schema, invalid for the model: weights must sum to 1.
  fs::path weights = dir_ / "weights.yaml";
  write(weights, "scoring:\n  weights:\n    developing:\n      wsjf: 0.9\n");
  ProcessResult w = assay({"config", "check", weights.string()});
  EXPECT_EQ(w.exit_code, 2);
  EXPECT_NE(w.err.find("scoring.weights.developing"), std::string::npos) << w.err;

  make_repo();
  ProcessResult scan = assay({"scan", repo_.string(), "--config", cfg.string()});
  EXPECT_EQ(scan.exit_code, 2);
}

TEST_F(ScanE2E, PluginsListShowsBuiltIns) {
  ProcessResult r = assay({"plugins", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"markers", "markdown", "json"}) {
    EXPECT_NE(r.out.find(name), std::string::npos) << name << "\n" << r.out;
  }
  EXPECT_NE(r.out.find("1.0"), std::string::npos);
}

TEST_F(ScanE2E, ExplainPrintsTheBreakdown) {
  make_repo();
  ASSERT_EQ(assay({"scan", repo_.string()}).exit_code, 0);
  nlohmann::json b = read_json(repo_ / ".assay/backlog.json");
  std::string key = b.at("items")[0].at("key");
  ProcessResult r = assay({"explain", key, "--out", (repo_ / ".assay").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(key), std::string::npos);
  EXPECT_NE(r.out.find("WSJF"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("composite"), std::string::npos) << r.out;
  EXPECT_EQ(assay({"explain", "TD-999", "--out", (repo_ / ".assay").string()}).exit_code, 2);
}

TEST_F(ScanE2E, MaturityIsAssessedAndItsLevelWeighsTheBacklog) {
  make_repo();
  ProcessResult r = assay({"scan", repo_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json b = read_json(repo_ / ".assay/backlog.json");
  const nlohmann::json& m = b.at("maturity");
  EXPECT_EQ(m.at("assessed"), true);
  EXPECT_EQ(m.at("source"), "maturity");
  EXPECT_EQ(m.at("dimensions").size(), 9u);
  EXPECT_GE(m.at("checks").size(), 40u);
  // Two C/Python files, no CI, no docs: a nascent repository. Its weights
  // (.4/.3/.2/.1) are in every composite breakdown.
  EXPECT_EQ(m.at("level"), "nascent");
  for (const auto& item : b.at("items"))
    EXPECT_NE(item.at("breakdown").at("composite").at("formula").get<std::string>().find("(0.4 × "),
              std::string::npos);
  const nlohmann::json gaps = items_from(b, "maturity");
  EXPECT_FALSE(gaps.empty());
  for (const auto& gap : gaps) EXPECT_EQ(gap.at("location").at("path"), "");
  std::string md = read(repo_ / ".assay/BACKLOG.md");
  EXPECT_NE(md.find("## Maturity"), std::string::npos) << md;
  EXPECT_NE(md.find("### Gap to DEVELOPING (25%)"), std::string::npos) << md;
  EXPECT_NE(md.find("```mermaid\nxychart-beta"), std::string::npos) << md;
  EXPECT_NE(md.find("```mermaid\npie title Items by discovery source"), std::string::npos) << md;
  EXPECT_NE(r.err.find("maturity assessed by 'maturity': nascent"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("maturity: nascent ("), std::string::npos) << r.out;
  // The terminal summary says where a repository-wide gap is, not a bare dash.
  EXPECT_NE(r.out.find(" (repository) "), std::string::npos) << r.out;
}

TEST_F(ScanE2E, ABrokenMaturityRuleFileFailsThatPluginOnly) {
  make_repo();
  const fs::path rules = dir_ / "rules.yaml";
  write(rules,
        "version: 1\nchecks:\n  - id: ci\n    title: CI\n    fix: Add CI\n    dimension: ci-cd\n"
        "    risk: high\n    category: infrastructure\n    evidence:\n      - files: ['[ci.yml']\n");
  const fs::path cfg = dir_ / "assay.yaml";
  write(cfg, "plugins:\n  maturity:\n    rules: " + rules.string() + "\n");
  ProcessResult r = assay({"scan", repo_.string(), "--config", cfg.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json b = read_json(repo_ / ".assay/backlog.json");
  const auto* run = plugin_run(b, "maturity");
  ASSERT_NE(run, nullptr);
  EXPECT_EQ(run->at("status"), "failed");
  EXPECT_EQ(run->at("error"), "scanner_open failed: " + rules.string() +
                                  ":10:17: check 'ci' (checks[0]): evidence[0].files[0]: glob '[ci.yml': "
                                  "'[' without a closing ']'");
  EXPECT_EQ(b.at("maturity").at("assessed"), false);
  EXPECT_EQ(items_from(b, "markers").size(), 3u);
}
