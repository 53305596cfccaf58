// The history functions of the host API (API 1.1, 1.3) as a plugin sees them:
// facts, commits and line origins of a repository with a known history,
// struct-size handling, and what a target without history answers.
#include "scan/history_functions.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <vector>

#include "../history/history_repo.h"
#include "scan/scan_target.h"

namespace assay::scan {
namespace {

using history::testing::commit_as;
using history::testing::file_at;
using history::testing::kAlice;
using history::testing::kBob;
using history::testing::Opened;
using history::testing::seconds;

class HistoryFunctions : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    history::testing::init_repository(dir);
    history::testing::write_file(dir, "a.txt", "one\ntwo\n");
    c1_ = commit_as(dir, "c1", "2021-01-01T00:00:00Z", kAlice);
    history::testing::write_file(dir, "a.txt", "one\ntwo\nTODO: three\n");
    c2_ = commit_as(dir, "c2", "2021-02-01T00:00:00Z", kBob);
    opened_ =
        history::testing::open_history(dir, history::testing::uncached(), seconds("2021-06-01T00:00:00Z"));
    target_.repo = opened_.view.get();
    target_.history = opened_.history.get();
    assay_host_api api{};
    add_history_functions(api);
    api_ = api;
    a_ = file_at(*opened_.view, "a.txt");
  }

  history::testing::TempDir repo_;
  std::string c1_, c2_;
  Opened opened_;
  assay_scan target_;
  assay_host_api api_{};
  size_t a_ = 0;
};

TEST_F(HistoryFunctions, FileHistoryCountsCommitsAndAuthors) {
  assay_file_history out{};
  out.struct_size = sizeof(out);
  ASSERT_EQ(api_.file_history(&target_, a_, &out), ASSAY_OK);
  EXPECT_EQ(out.struct_size, sizeof(assay_file_history));
  EXPECT_EQ(out.commits, 2u);
  EXPECT_EQ(out.authors, 2u);
  EXPECT_EQ(out.first_change, seconds("2021-01-01T00:00:00Z"));
  EXPECT_EQ(out.last_change, seconds("2021-02-01T00:00:00Z"));
  EXPECT_DOUBLE_EQ(out.hotspot_multiplier, 1.0);  // the only file: it is the median
  EXPECT_EQ(out.flags, 0u);
}

TEST_F(HistoryFunctions, FileCommitListsNewestFirst) {
  assay_commit_info out{};
  out.struct_size = sizeof(out);
  ASSERT_EQ(api_.file_commit(&target_, a_, 0, &out), ASSAY_OK);
  EXPECT_EQ(std::string(out.id), c2_);
  EXPECT_STREQ(out.author, "Bob <bob@example.com>");
  EXPECT_EQ(out.time, seconds("2021-02-01T00:00:00Z"));
  ASSERT_EQ(api_.file_commit(&target_, a_, 1, &out), ASSAY_OK);
  EXPECT_EQ(std::string(out.id), c1_);
  EXPECT_EQ(api_.file_commit(&target_, a_, 2, &out), ASSAY_INVALID);
}

TEST_F(HistoryFunctions, LineOriginNamesTheCommitThatWroteTheLine) {
  assay_line_origin out{};
  out.struct_size = sizeof(out);
  ASSERT_EQ(api_.line_origin(&target_, a_, 3, &out), ASSAY_OK);
  EXPECT_EQ(out.kind, static_cast<uint32_t>(ASSAY_ORIGIN_COMMITTED));
  EXPECT_EQ(std::string(out.commit), c2_);
  EXPECT_STREQ(out.author, "Bob <bob@example.com>");
  EXPECT_EQ(out.time, seconds("2021-02-01T00:00:00Z"));
  ASSERT_EQ(api_.line_origin(&target_, a_, 1, &out), ASSAY_OK);
  EXPECT_EQ(std::string(out.commit), c1_);
  EXPECT_EQ(api_.line_origin(&target_, a_, 4, &out), ASSAY_INVALID);
  EXPECT_EQ(api_.line_origin(&target_, a_, 0, &out), ASSAY_INVALID);
  EXPECT_EQ(api_.line_origin(&target_, 99, 1, &out), ASSAY_INVALID);
}

// A plugin built against a smaller struct gets only the fields it knows.
TEST_F(HistoryFunctions, ASmallerStructIsFilledAsFarAsItReaches) {
  struct {
    assay_file_history head;
    unsigned char guard[8];
  } out{};
  std::memset(out.guard, 0x5a, sizeof out.guard);
  out.head.struct_size = offsetof(assay_file_history, last_change);
  ASSERT_EQ(api_.file_history(&target_, a_, &out.head), ASSAY_OK);
  EXPECT_EQ(out.head.struct_size, offsetof(assay_file_history, last_change));
  EXPECT_EQ(out.head.commits, 2u);
  EXPECT_EQ(out.head.last_change, 0);  // beyond what the plugin said it has
  out.head.struct_size = 0;
  EXPECT_EQ(api_.file_history(&target_, a_, &out.head), ASSAY_INVALID);
}

// API 1.3: commits counted once however many of the scanner's files they
// changed, from an author time on (inclusive).
TEST(HistoryFunctionsCommitsSince, CountsDistinctCommitsOfTheScannersFiles) {
  history::testing::TempDir repo;
  const auto& dir = repo.path();
  history::testing::init_repository(dir);
  history::testing::write_file(dir, "a.txt", "a1\n");
  history::testing::write_file(dir, "b.txt", "b1\n");
  commit_as(dir, "c1", "2021-01-01T00:00:00Z", kAlice);
  history::testing::write_file(dir, "a.txt", "a2\n");
  history::testing::write_file(dir, "b.txt", "b2\n");
  commit_as(dir, "c2", "2021-02-01T00:00:00Z", kBob);
  history::testing::write_file(dir, "a.txt", "a3\n");
  commit_as(dir, "c3", "2021-03-01T00:00:00Z", kAlice);
  Opened opened = history::testing::open_history(dir, history::testing::uncached(), seconds("2021-06-01T00:00:00Z"));
  assay_scan target;
  target.repo = opened.view.get();
  target.history = opened.history.get();
  assay_host_api api{};
  add_history_functions(api);
  uint64_t count = 99;
  ASSERT_EQ(api.commits_since(&target, 0, &count), ASSAY_OK);
  EXPECT_EQ(count, 3u);
  ASSERT_EQ(api.commits_since(&target, seconds("2021-02-01T00:00:00Z"), &count), ASSAY_OK);
  EXPECT_EQ(count, 2u);
  ASSERT_EQ(api.commits_since(&target, seconds("2021-02-01T00:00:01Z"), &count), ASSAY_OK);
  EXPECT_EQ(count, 1u);
  ASSERT_EQ(api.commits_since(&target, seconds("2022-01-01T00:00:00Z"), &count), ASSAY_OK);
  EXPECT_EQ(count, 0u);
  // A scanner given b.txt only counts b.txt's commits.
  const std::vector<size_t> only_b{file_at(*opened.view, "b.txt")};
  target.files = &only_b;
  ASSERT_EQ(api.commits_since(&target, 0, &count), ASSAY_OK);
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(api.commits_since(&target, 0, nullptr), ASSAY_INVALID);
  target.history = nullptr;
  EXPECT_EQ(api.commits_since(&target, 0, &count), ASSAY_UNSUPPORTED);
}

TEST(HistoryFunctionsWithoutHistory, APlainDirectoryAnswersUnsupported) {
  history::testing::TempDir dir;
  history::testing::write_file(dir.path(), "a.txt", "x\n");
  Opened opened = history::testing::open_history(dir.path(), history::testing::uncached(), 0);
  assay_scan target;
  target.repo = opened.view.get();
  target.history = opened.history.get();
  assay_host_api api{};
  add_history_functions(api);
  assay_file_history facts{};
  facts.struct_size = sizeof(facts);
  EXPECT_EQ(api.file_history(&target, 0, &facts), ASSAY_UNSUPPORTED);
  assay_line_origin origin{};
  origin.struct_size = sizeof(origin);
  EXPECT_EQ(api.line_origin(&target, 0, 1, &origin), ASSAY_UNSUPPORTED);
  target.history = nullptr;
  EXPECT_EQ(api.line_origin(&target, 0, 1, &origin), ASSAY_UNSUPPORTED);
}

}  // namespace
}  // namespace assay::scan
