// Line origins kept as runs of lines with one origin: the runs themselves,
// and the runs a scan computes, answers from and writes to the cache file.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <utility>
#include <stdexcept>

#include "history/history_cache.h"
#include "history/line_origins.h"
#include "history/origin_runs.h"
#include "history_repo.h"

namespace assay::history::testing {
namespace {

namespace fs = std::filesystem;

TEST(OriginRuns, EqualNeighboursAreOneRun) {
  const OriginRuns runs = OriginRuns::from_codes({7, 7, 7, 3, 3, 7, kBeforeHistory});
  EXPECT_EQ(runs.runs(), (std::vector<OriginRun>{{3, 7}, {5, 3}, {6, 7}, {7, kBeforeHistory}}));
  EXPECT_EQ(runs.line_count(), 7u);
  EXPECT_EQ(runs.codes(), (std::vector<uint32_t>{7, 7, 7, 3, 3, 7, kBeforeHistory}));
  const std::vector<uint32_t> expected{7, 7, 7, 3, 3, 7, kBeforeHistory};
  for (uint32_t line = 0; line < 7; ++line) EXPECT_EQ(runs.code_at(line), expected[line]) << line;
}

TEST(OriginRuns, AnEmptyFileHasNoRuns) {
  const OriginRuns empty = OriginRuns::from_codes({});
  EXPECT_EQ(empty.line_count(), 0u);
  EXPECT_TRUE(empty.runs().empty());
  EXPECT_TRUE(empty.codes().empty());
  EXPECT_EQ(OriginRuns(0, 5), empty);
}

TEST(OriginRuns, LinesOfOneCommitAreOneRun) {
  const OriginRuns runs(100000, kAlreadyThere | 4);
  EXPECT_EQ(runs.runs(), (std::vector<OriginRun>{{100000, kAlreadyThere | 4}}));
  EXPECT_EQ(runs.code_at(0), kAlreadyThere | 4);
  EXPECT_EQ(runs.code_at(99999), kAlreadyThere | 4);
}

TEST(OriginRuns, AppendingJoinsTheLastRunOnlyWhenTheCodeIsTheSame) {
  OriginRuns runs;
  runs.append(1, 2);
  runs.append(1, 3);
  runs.append(2, 0);  // nothing
  runs.append(2);
  runs.append(1);
  EXPECT_EQ(runs.runs(), (std::vector<OriginRun>{{5, 1}, {6, 2}, {7, 1}}));
}

TEST(OriginRuns, MoreThanFourBillionLinesAreRefused) {
  OriginRuns runs(0xFFFFFFF0u, 1);
  EXPECT_THROW(runs.append(2, 0x10), std::length_error);
  runs.append(2, 0x0F);
  EXPECT_EQ(runs.line_count(), 0xFFFFFFFFu);
}

TEST(OriginRuns, ReadingInIncreasingOrderGivesWhatRandomAccessGives) {
  const OriginRuns runs = OriginRuns::from_codes({1, 1, 2, 3, 3, 3, 4});
  size_t run = 0;
  for (uint32_t line : {0u, 1u, 3u, 5u, 6u}) EXPECT_EQ(runs.code_from(line, run), runs.code_at(line)) << line;
  // Asked out of order, it starts over instead of answering wrong.
  EXPECT_EQ(runs.code_from(2, run), 2u);
  EXPECT_EQ(runs.code_from(0, run), 1u);
}

// Runs with commit ids for codes: (end line, commit).
using Runs = std::vector<std::pair<uint32_t, std::string>>;

// A file's versions committed one by one; the scan's origins and the runs
// it writes to the cache file.
class RunsOfAFile : public ::testing::Test {
 protected:
  void SetUp() override { init_repository(repo_.path()); }

  std::string commit(const std::string& text, const std::string& date) {
    write_file(repo_.path(), "a.txt", text);
    return commit_as(repo_.path(), "c", date, kAlice);
  }

  // The origins of every line of a.txt, as commit ids ("?" for any other
  // kind), after a scan that saved the cache.
  std::vector<std::string> origins(const HistoryOptions& options = HistoryOptions()) {
    Opened o = open_history(repo_.path(), options, now_);
    const size_t file = file_at(*o.view, "a.txt");
    std::vector<std::string> commits;
    for (uint32_t line = 1;; ++line) {
      const LineOrigin origin = o.history->line_origin(file, line);
      if (origin.kind == LineOrigin::Kind::no_such_line) break;
      commits.push_back(origin.kind == LineOrigin::Kind::committed ? o.history->commit_text(*origin.commit)
                                                                    : "?");
    }
    o.history->save();
    return commits;
  }

  // The runs the cache file holds for the current version of a.txt, with
  // commit ids for codes; nullopt when it holds none for it.
  std::optional<Runs> cached_runs() {
    Opened o = open_history(repo_.path(), uncached(), now_);
    CacheRead read = read_cache(repo_.path() / ".assay" / "history.cache", o.view->git_dir());
    EXPECT_TRUE(read.contents) << read.problem;
    if (!read.contents) return std::nullopt;
    const std::string blob = o.view->files()[file_at(*o.view, "a.txt")].blob_id;
    for (const CachedOrigins& cached : read.contents->origins) {
      if (cached.blob.hex() != blob) continue;
      Runs runs;
      for (const OriginRun& run : cached.lines.runs())
        runs.emplace_back(run.end, read.contents->index.commits().at(run.code).id.hex());
      return runs;
    }
    return std::nullopt;
  }

  TempDir repo_;
  int64_t now_ = seconds("2021-01-01T00:00:00Z");
};

TEST_F(RunsOfAFile, AFileWhoseLinesAllComeFromOneCommitIsOneRun) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "line " + std::to_string(i) + "\n";
  const std::string c1 = commit(text, "2020-01-01T00:00:00Z");
  EXPECT_EQ(origins(), std::vector<std::string>(1000, c1));
  EXPECT_EQ(cached_runs(), std::optional(Runs{{1000, c1}}));
  EXPECT_EQ(origins(), std::vector<std::string>(1000, c1));  // answered from the cache
}

TEST_F(RunsOfAFile, ALineChangedInTheMiddleSplitsTheRunInThree) {
  const std::string c1 = commit("1\n2\n3\n4\n5\n", "2020-01-01T00:00:00Z");
  const std::string c2 = commit("1\n2\nthree\n4\n5\n", "2020-02-01T00:00:00Z");
  EXPECT_EQ(origins(), (std::vector<std::string>{c1, c1, c2, c1, c1}));
  EXPECT_EQ(cached_runs(), std::optional(Runs{{2, c1}, {3, c2}, {5, c1}}));
}

TEST_F(RunsOfAFile, RunsSplitByInsertionsAndJoinedByDeletions) {
  const std::string c1 = commit("1\n2\n3\n4\n", "2020-01-01T00:00:00Z");
  const std::string c2 = commit("1\n2\nnew\nnew\n3\n4\n", "2020-02-01T00:00:00Z");
  const std::string c3 = commit("1\n2\nnew\nnew\n3\n4\nend\n", "2020-03-01T00:00:00Z");
  EXPECT_EQ(origins(), (std::vector<std::string>{c1, c1, c2, c2, c1, c1, c3}));
  EXPECT_EQ(cached_runs(),
            std::optional(Runs{{2, c1}, {4, c2}, {6, c1}, {7, c3}}));
  // Deleting the inserted lines makes the c1 lines one run again; the next
  // version is computed from the cached runs of the one before.
  const std::string c4 = commit("1\n2\n3\n4\nend\n", "2020-04-01T00:00:00Z");
  EXPECT_EQ(origins(), (std::vector<std::string>{c1, c1, c1, c1, c3}));
  EXPECT_EQ(cached_runs(), std::optional(Runs{{4, c1}, {5, c3}}));
}

TEST_F(RunsOfAFile, AnEmptyFileHasNoLinesBeforeOrAfterTheCache) {
  commit("", "2020-01-01T00:00:00Z");
  for (int scan = 0; scan < 2; ++scan) {  // computed, then from the cache
    Opened o = open_history(repo_.path(), HistoryOptions(), now_);
    const LineOrigin origin = o.history->line_origin(file_at(*o.view, "a.txt"), 1);
    EXPECT_EQ(origin.kind, LineOrigin::Kind::no_such_line);
    EXPECT_EQ(origin.problem, "line 1 is outside a.txt (0 lines)");
    o.history->save();
  }
  EXPECT_EQ(cached_runs(), std::optional(Runs{}));
}

TEST_F(RunsOfAFile, WorkingTreeLinesAmongCommittedRuns) {
  const std::string c1 = commit("1\n2\n3\n4\n", "2020-01-01T00:00:00Z");
  write_file(repo_.path(), "a.txt", "1\n2\nedited\n3\n4\n");
  EXPECT_EQ(origins(uncached()), (std::vector<std::string>{c1, c1, "?", c1, c1}));
}

// The cache as format version 2 wrote it (one code per line) is not read:
// the history is walked again and the cache rewritten in runs.
TEST_F(RunsOfAFile, ACacheOfTheFormatBeforeRunsIsWalkedAgain) {
  const std::string c1 = commit("1\n2\n", "2020-01-01T00:00:00Z");
  const std::string c2 = commit("1\n2\n3\n", "2020-02-01T00:00:00Z");
  const std::vector<std::string> fresh = origins();
  const fs::path cache = repo_.path() / ".assay" / "history.cache";
  std::string bytes;
  {
    std::ifstream in(cache, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_GT(bytes.size(), 12u);
  bytes[8] = 2;  // the u32 format version after the 8-byte magic
  std::ofstream(cache, std::ios::binary | std::ios::trunc) << bytes;

  Opened o = open_history(repo_.path(), HistoryOptions(), now_);
  EXPECT_EQ(o.history->build_report().mode, BuildReport::Mode::cold);
  EXPECT_EQ(o.history->build_report().cache_problem, cache.string() + ": format version 2, this assay reads 3");
  o.history->save();
  EXPECT_EQ(origins(), (std::vector<std::string>{c1, c1, c2}));
  EXPECT_EQ(origins(), fresh);
  EXPECT_EQ(cached_runs(), std::optional(Runs{{2, c1}, {3, c2}}));
}

// Once the scanners are done the scan releases the origins; one asked for
// later is computed again, the same, and the cache written before stays.
TEST_F(RunsOfAFile, ReleasedOriginsAreComputedAgainWhenAskedFor) {
  const std::string c1 = commit("1\n2\n", "2020-01-01T00:00:00Z");
  const std::string c2 = commit("1\n2\n3\n", "2020-02-01T00:00:00Z");
  Opened o = open_history(repo_.path(), HistoryOptions(), now_);
  const size_t file = file_at(*o.view, "a.txt");
  EXPECT_EQ(o.history->commit_text(*o.history->line_origin(file, 3).commit), c2);
  o.history->save();
  o.history->release_origins();
  EXPECT_EQ(o.history->commit_text(*o.history->line_origin(file, 1).commit), c1);
  EXPECT_EQ(o.history->commit_text(*o.history->line_origin(file, 3).commit), c2);
  o.history->save();  // writes nothing: the cache keeps the origins
  EXPECT_EQ(cached_runs(), std::optional(Runs{{2, c1}, {3, c2}}));
}

}  // namespace
}  // namespace assay::history::testing
