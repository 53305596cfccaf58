// Incremental scans through the assay executable. Two worlds see the same
// repository after every step: world A scans with its findings cache (the
// default), world B with --full into a store of its own. Their backlogs must
// be the same item for item, byte for byte once the recording times are
// left out, while A's run records show that the file-local scanners
// (markers, placeholders) were given only the files that changed.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

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
  return nlohmann::json::parse(in);
}

// The items without what depends on the moment of recording.
nlohmann::json comparable_items(const nlohmann::json& backlog) {
  nlohmann::json items = backlog.at("items");
  for (auto& item : items) item.erase("first_seen");
  return items;
}

// What A's run record says about one scanner's use of the cache.
struct CacheRecord {
  std::string mode;
  std::string reason;
  uint64_t scanned = 0;
  uint64_t replayed = 0;
};

class IncrementalE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-incremental-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    repo_ = dir_ / "repo";
    fs::create_directories(repo_);
    git("init -q -b main");
    write(repo_ / "a.c", "// TODO: alpha task\nint a;\n");
    write(repo_ / "b.c", "int b;\n/* FIXME: beta task */\n");
    write(repo_ / "c.py", "def later():\n    pass\n\n# TODO: gamma in python\n");
    write(repo_ / "d.c", "int d;\n");
    write(repo_ / "e.c", "// HACK: epsilon task\n");
    git("add -A");
    git("commit -q -m first");
    configure("");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void git(const std::string& args) { assay::test::git_in(repo_.string(), args); }

  // Both worlds' configurations: their own store, plus `extra`.
  void configure(const std::string& extra) {
    for (const char* world : {"A", "B"})
      write(dir_ / (std::string(world) + ".yaml"),
            "state:\n  path: " + (dir_ / (std::string(world) + ".db")).string() + "\n" + extra);
  }

  nlohmann::json scan(const std::string& world, bool full) {
    std::vector<std::string> args = {kAssay,
                                     "scan",
                                     repo_.string(),
                                     "--config",
                                     (dir_ / (world + ".yaml")).string(),
                                     "--out",
                                     (dir_ / (world + "-out")).string(),
                                     "--format",
                                     "json"};
    if (full) args.push_back("--full");
    ProcessResult r = run_process(args);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    last_log_ = r.out + r.err;
    return read_json(dir_ / (world + "-out") / "backlog.json");
  }

  // Scans both worlds and checks that their items are the same; returns A's
  // backlog.
  nlohmann::json scan_both(bool a_full = false) {
    nlohmann::json a = scan("A", a_full);
    const std::string a_log = last_log_;
    nlohmann::json b = scan("B", true);
    EXPECT_EQ(comparable_items(a).dump(), comparable_items(b).dump());
    last_log_ = a_log;
    return a;
  }

  static CacheRecord cache_of(const nlohmann::json& backlog, const std::string& scanner) {
    for (const auto& run : backlog.at("scan").at("plugins")) {
      if (run.at("name") != scanner) continue;
      const auto& c = run.at("cache");
      return {c.at("mode"), c.at("reason").is_null() ? "" : c.at("reason").get<std::string>(),
              c.at("files_scanned"), c.at("files_replayed")};
    }
    ADD_FAILURE() << "no run of " << scanner;
    return {};
  }

  void sql(const std::string& world, const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / (world + ".db")).c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  fs::path dir_;
  fs::path repo_;
  std::string last_log_;
};

size_t count_titled(const nlohmann::json& backlog, const std::string& title) {
  size_t n = 0;
  for (const auto& item : backlog.at("items")) n += item.at("title") == title;
  return n;
}

TEST_F(IncrementalE2E, ChangedAddedDeletedRenamedFilesGiveTheBacklogOfAFullScan) {
  nlohmann::json a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").mode, "full");
  EXPECT_EQ(cache_of(a, "markers").reason, "no findings cache yet");
  EXPECT_EQ(cache_of(a, "markers").scanned, 5u);
  EXPECT_EQ(count_titled(a, "TODO: alpha task"), 1u);
  EXPECT_EQ(count_titled(a, "Placeholder: later is only `pass`"), 1u) << a.at("items").dump();

  // Nothing changed: nothing is read, everything replayed.
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").mode, "incremental");
  EXPECT_EQ(cache_of(a, "markers").scanned, 0u);
  EXPECT_EQ(cache_of(a, "markers").replayed, 5u);
  EXPECT_EQ(cache_of(a, "placeholders").scanned, 0u);
  EXPECT_EQ(count_titled(a, "TODO: alpha task"), 1u);
  EXPECT_EQ(count_titled(a, "Placeholder: later is only `pass`"), 1u);

  // One file changed.
  write(repo_ / "b.c", "int b;\n/* FIXME: beta task, reworded */\n");
  git("commit -q -am changed");
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").scanned, 1u);
  EXPECT_EQ(cache_of(a, "markers").replayed, 4u);
  EXPECT_EQ(cache_of(a, "placeholders").scanned, 1u);
  EXPECT_EQ(count_titled(a, "FIXME: beta task, reworded"), 1u);
  EXPECT_EQ(count_titled(a, "FIXME: beta task"), 0u);

  // One file added.
  write(repo_ / "f.c", "// TODO: phi task\n");
  git("add f.c");
  git("commit -q -m added");
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").scanned, 1u);
  EXPECT_EQ(cache_of(a, "markers").replayed, 5u);
  EXPECT_EQ(count_titled(a, "TODO: phi task"), 1u);

  // One file deleted: it contributes nothing.
  git("rm -q e.c");
  git("commit -q -m deleted");
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").scanned, 0u);
  EXPECT_EQ(cache_of(a, "markers").replayed, 5u);
  EXPECT_EQ(count_titled(a, "HACK: epsilon task"), 0u);

  // One file renamed: the new path is scanned, the item keeps its key.
  git("mv a.c moved.c");
  git("commit -q -m renamed");
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").scanned, 1u);
  EXPECT_EQ(cache_of(a, "markers").replayed, 4u);
  for (const auto& item : a.at("items")) {
    if (item.at("title") == "TODO: alpha task") {
      EXPECT_EQ(item.at("location").at("path"), "moved.c");
    }
  }

  // A change in the working tree, not committed: that file is read again.
  write(repo_ / "d.c", "int d; // TODO: delta, not yet committed\n");
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").scanned, 1u);
  EXPECT_EQ(count_titled(a, "TODO: delta, not yet committed"), 1u);
}

TEST_F(IncrementalE2E, AConfigurationOrVersionChangeRescansThatScannerOnly) {
  scan_both();
  configure("plugins:\n  markers:\n    max_file_size: 500000\n");
  nlohmann::json a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").mode, "full");
  EXPECT_EQ(cache_of(a, "markers").reason, "its configuration changed");
  EXPECT_EQ(cache_of(a, "markers").scanned, 5u);
  EXPECT_EQ(cache_of(a, "placeholders").mode, "incremental");
  EXPECT_EQ(cache_of(a, "placeholders").scanned, 0u);

  // The cache as an older markers would have left it.
  sql("A", "UPDATE finding_caches SET version = '1.0.0' WHERE scanner = 'markers'");
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").mode, "full");
  EXPECT_EQ(cache_of(a, "markers").reason, "scanner version changed from 1.0.0 to 1.1.0");
  EXPECT_NE(last_log_.find("markers: full scan (scanner version changed from 1.0.0 to 1.1.0)"),
            std::string::npos)
      << last_log_;

  // Written again by that full run: the next one is incremental.
  a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").mode, "incremental");
}

TEST_F(IncrementalE2E, ACorruptCacheOrFullFlagMeansAFullScan) {
  scan_both();
  sql("A", "UPDATE cached_findings SET findings = '{' WHERE scanner = 'markers' AND path = 'd.c'");
  nlohmann::json a = scan_both();
  EXPECT_EQ(cache_of(a, "markers").mode, "full");
  EXPECT_EQ(cache_of(a, "markers").reason, "the cached findings of d.c are unreadable: not a JSON array");
  EXPECT_NE(last_log_.find("markers: findings cache not used: the cached findings of d.c are unreadable"),
            std::string::npos)
      << last_log_;

  a = scan_both(true);
  EXPECT_EQ(cache_of(a, "markers").mode, "full");
  EXPECT_EQ(cache_of(a, "markers").reason, "--full");
  EXPECT_EQ(cache_of(a, "markers").scanned, 5u);
}

TEST_F(IncrementalE2E, WithoutTheStateStoreNothingIsCached) {
  write(dir_ / "nostate.yaml", "state:\n  enabled: false\n");
  ProcessResult r = run_process({kAssay, "scan", repo_.string(), "--config", (dir_ / "nostate.yaml").string(),
                                 "--out", (dir_ / "nostate-out").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const auto& run : read_json(dir_ / "nostate-out" / "backlog.json").at("scan").at("plugins"))
    EXPECT_FALSE(run.contains("cache")) << run.dump();
}

}  // namespace
