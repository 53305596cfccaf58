// End to end: a repository with a known history scanned by the real
// executable. Markers carry the origin of their line (and its age feeds the
// score), items carry their file's history, the hotspots scanner points at
// the busy complex file, and the second scan walks nothing.
#include <gtest/gtest.h>

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

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SSZ" (UTC, via timegm).
int64_t epoch(const std::string& iso) {
  std::tm tm{};
  strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return static_cast<int64_t>(timegm(&tm));
}

// The body of a function nested `depth` levels; `tag` varies a line so that
// each commit changes the file.
std::string deep_function(int version) {
  return "int busy(int a, int b) {\n"
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

class HistoryE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-history-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    repo_ = dir_ / "repo";
    fs::create_directories(repo_);
    git("init -q -b main", "Alice", "2023-01-01T00:00:00Z");
    write(repo_ / "src/calm.c", "int calm(void) {\n  return 1;\n}\n// TODO: name this better\n");
    write(repo_ / "src/busy.c", "// FIXME: overflow on large input\n" + deep_function(0));
    commit("c0", "Alice", "2023-01-01T00:00:00Z");
    // busy.c changes five more times, by two people; calm.c never again.
    for (int v = 1; v <= 5; ++v) {
      write(repo_ / "src/busy.c", "// FIXME: overflow on large input\n" + deep_function(v));
      commit("c" + std::to_string(v), v % 2 ? "Bob" : "Carol",
             "2023-0" + std::to_string(1 + v) + "-01T00:00:00Z");
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  void git(const std::string& args, const std::string& who, const std::string& date) {
    assay::test::git_in(repo_.string(), args, {who, date});
  }
  void commit(const std::string& message, const std::string& who, const std::string& date) {
    git("add -A", who, date);
    git("commit -q -m " + message, who, date);
  }

  // busy.c changes 6 times: hotspots needs fewer than its default 10.
  // hotspots_keys: more lines of the plugins.hotspots section.
  nlohmann::json scan(const std::string& hotspots_keys = "") {
    write(dir_ / "assay.yaml", "plugins:\n  hotspots:\n    min_commits: 5\n" + hotspots_keys);
    ProcessResult r =
        run_process({kAssay, "scan", repo_.string(), "--config", (dir_ / "assay.yaml").string(), "--format",
                     "json", "--out", (dir_ / "out").string(), "--log-level", "warn"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return read_json(dir_ / "out" / "backlog.json");
  }

  static const nlohmann::json* item_of(const nlohmann::json& backlog, const std::string& source,
                                       const std::string& rule) {
    for (const auto& item : backlog["items"]) {
      if (item["source"] == source && item["rule"] == rule) return &item;
    }
    return nullptr;
  }

  fs::path dir_;
  fs::path repo_;
};

TEST_F(HistoryE2E, MarkersCarryTheirOriginAndAgeAndTheBusyFileIsAHotspot) {
  const nlohmann::json backlog = scan();
  EXPECT_EQ(backlog["history"]["walk"], "cold");
  EXPECT_EQ(backlog["history"]["commits_indexed"], 6);

  const nlohmann::json* todo = item_of(backlog, "markers", "TODO");
  ASSERT_NE(todo, nullptr) << backlog.dump(1);
  EXPECT_EQ((*todo)["origin"]["author"], "Alice <Alice@example.com>");
  EXPECT_EQ((*todo)["origin"]["time"], "2023-01-01T00:00:00Z");
  EXPECT_EQ((*todo)["origin"]["state"], "committed");
  // The age is counted from the origin to the start of the scan.
  const int64_t started = epoch(backlog["scan"]["started_at"].get<std::string>());
  const double age = static_cast<double>((started - epoch("2023-01-01T00:00:00Z")) / 86400);
  EXPECT_EQ((*todo)["breakdown"]["technical_debt"]["components"]["age_days"], age);
  EXPECT_EQ((*todo)["file_history"]["commits"], 1);

  const nlohmann::json* fixme = item_of(backlog, "markers", "FIXME");
  ASSERT_NE(fixme, nullptr);
  EXPECT_EQ((*fixme)["origin"]["time"], "2023-01-01T00:00:00Z");  // the line never changed
  // busy.c: 6 commits against a median of (1 + 6) / 2 = 3.5: 1 + 0.5 × log2(7 / 4.5) = 1.32
  EXPECT_EQ((*fixme)["file_history"]["commits"], 6);
  EXPECT_EQ((*fixme)["file_history"]["authors"], 3);
  EXPECT_EQ((*fixme)["file_history"]["hotspot_multiplier"], 1.32);
  EXPECT_EQ((*fixme)["breakdown"]["technical_debt"]["components"]["hotspot_multiplier"], 1.32);

  const nlohmann::json* hotspot = item_of(backlog, "hotspots", "hotspot");
  ASSERT_NE(hotspot, nullptr) << backlog.dump(1);
  EXPECT_EQ((*hotspot)["location"]["path"], "src/busy.c");
  EXPECT_EQ((*hotspot)["location"]["line_start"], 2);
  EXPECT_EQ((*hotspot)["location"]["line_end"], 11);
  EXPECT_EQ((*hotspot)["details"]["commits"], 6);
  EXPECT_EQ((*hotspot)["details"]["function"]["name"], "busy");
  EXPECT_EQ((*hotspot)["category"], "technical-debt");
}

// A document that changes more often than any source and nests deeper is
// still no hotspot: Markdown is one of the skipped prose and data formats.
TEST_F(HistoryE2E, ABusyDeeplyNestedDocumentIsNoHotspotUnlessItsLanguageIsNotSkipped) {
  std::string notes;
  for (int v = 1; v <= 8; ++v) {
    for (int depth = 0; depth < 12; ++depth) notes += std::string(2 * static_cast<size_t>(depth), ' ') + "- step\n";
    write(repo_ / "docs/notes.md", "# Notes\n\n" + notes);
    commit("n" + std::to_string(v), "Bob", "2023-09-0" + std::to_string(v) + "T00:00:00Z");
  }
  const nlohmann::json backlog = scan();
  const nlohmann::json* hotspot = item_of(backlog, "hotspots", "hotspot");
  ASSERT_NE(hotspot, nullptr) << backlog.dump(1);
  EXPECT_EQ((*hotspot)["location"]["path"], "src/busy.c");

  const nlohmann::json unskipped = scan("    skip_languages: []\n");
  hotspot = item_of(unskipped, "hotspots", "hotspot");
  ASSERT_NE(hotspot, nullptr) << unskipped.dump(1);
  EXPECT_EQ((*hotspot)["location"]["path"], "docs/notes.md");
}

TEST_F(HistoryE2E, TheNextScanWalksOnlyWhatIsNew) {
  scan();
  EXPECT_EQ(scan()["history"]["walk"], "unchanged");
  write(repo_ / "src/calm.c", "int calm(void) {\n  return 2;\n}\n// TODO: name this better\n");
  commit("c6", "Carol", "2023-08-01T00:00:00Z");
  const nlohmann::json backlog = scan();
  EXPECT_EQ(backlog["history"]["walk"], "incremental");
  EXPECT_EQ(backlog["history"]["commits_walked"], 1);
  EXPECT_EQ(backlog["history"]["commits_cached"], 6);
  EXPECT_EQ(item_of(backlog, "markers", "TODO")->at("file_history")["commits"], 2);
  // The build's CPU time is its one thread's: never more than its wall time.
  ASSERT_TRUE(backlog["history"]["cpu_ms"].is_number_integer());
  EXPECT_GE(backlog["history"]["cpu_ms"].get<int64_t>(), 0);
  EXPECT_LE(backlog["history"]["cpu_ms"].get<int64_t>(),
            backlog["history"]["duration_ms"].get<int64_t>() + 1);
  // c6 changed line 2 of calm.c only: its marker keeps the commit that
  // wrote it (the file's new version was diffed against the cached origins
  // of the version before).
  const nlohmann::json* kept = nullptr;
  for (const auto& item : backlog["items"]) {
    if (item["source"] == "markers" && item["location"]["path"] == "src/calm.c") kept = &item;
  }
  ASSERT_NE(kept, nullptr) << backlog.dump(1);
  EXPECT_EQ((*kept)["location"]["line_start"], 4);
  EXPECT_EQ((*kept)["origin"]["author"], "Alice <Alice@example.com>");
  EXPECT_EQ((*kept)["origin"]["time"], "2023-01-01T00:00:00Z");
}

TEST_F(HistoryE2E, AShallowCloneSaysItsHistoryIsCut) {
  const fs::path clone = dir_ / "shallow";
  sh("git clone -q --depth 2 file://" + repo_.string() + " '" + clone.string() + "'");
  ProcessResult r = run_process({kAssay, "scan", clone.string(), "--format", "json,md", "--out",
                                 (dir_ / "shallow-out").string(), "--log-level", "error"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json backlog = read_json(dir_ / "shallow-out" / "backlog.json");
  EXPECT_EQ(backlog["history"]["shallow"], true);
  EXPECT_EQ(backlog["history"]["history_cut"], true);
  EXPECT_EQ(backlog["history"]["commits_indexed"], 2);
  // The TODO's line predates the boundary: its origin is at or before it.
  for (const auto& item : backlog["items"]) {
    if (item["rule"] == "TODO") {
      EXPECT_EQ(item["origin"]["state"], "at_or_before");
    }
  }
  std::ifstream md(dir_ / "shallow-out" / "BACKLOG.md");
  std::stringstream text;
  text << md.rdbuf();
  EXPECT_NE(text.str().find("shallow clone: the history is cut"), std::string::npos) << text.str();
}

TEST_F(HistoryE2E, APlainDirectoryIsScannedWithoutHistory) {
  const fs::path plain = dir_ / "plain";
  write(plain / "a.c", "// TODO: no history here\n");
  ProcessResult r = run_process({kAssay, "scan", plain.string(), "--format", "json", "--out",
                                 (dir_ / "plain-out").string(), "--log-level", "error"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json backlog = read_json(dir_ / "plain-out" / "backlog.json");
  EXPECT_EQ(backlog["history"]["available"], false);
  EXPECT_EQ(backlog["history"]["reason"], "not a git repository");
  // The marker; the maturity scanner's gaps of the directory come on top.
  const nlohmann::json* marker = item_of(backlog, "markers", "TODO");
  ASSERT_NE(marker, nullptr);
  EXPECT_TRUE((*marker)["origin"].is_null());
  EXPECT_TRUE((*marker)["file_history"].is_null());
}

}  // namespace
