// The cache file: an unchanged repository walks nothing, a new commit is
// the only one walked, and a cache that does not fit is walked over.
#include <gtest/gtest.h>

#include <fstream>

#include "history/cache_read_ahead.h"
#include "history/history_cache.h"
#include "history_repo.h"

namespace assay::history::testing {
namespace {

namespace fs = std::filesystem;

void overwrite(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

std::string contents(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class CachedHistory : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    init_repository(dir);
    write_file(dir, "a.txt", "a1\n");
    write_file(dir, "b.txt", "b1\n");
    commit_as(dir, "c1", "2020-01-01T00:00:00Z", kAlice);
    write_file(dir, "a.txt", "a1\na2\n");
    commit_as(dir, "c2", "2020-02-01T00:00:00Z", kBob);
    write_file(dir, "b.txt", "b1\nb2\n");
    commit_as(dir, "c3", "2020-03-01T00:00:00Z", kCarol);
  }

  // Opens, reads every file's facts, saves the cache.
  Opened scan(const HistoryOptions& options = HistoryOptions()) {
    Opened o = open_history(repo_.path(), options, now_);
    o.history->save();
    return o;
  }

  fs::path cache_file() const { return repo_.path() / ".assay" / "history.cache"; }

  static std::vector<uint32_t> commit_counts(const Opened& o) {
    std::vector<uint32_t> counts;
    for (size_t i = 0; i < o.view->files().size(); ++i)
      counts.push_back(o.history->facts(i) ? o.history->facts(i)->commits : 0);
    return counts;
  }

  TempDir repo_;
  int64_t now_ = seconds("2020-06-01T00:00:00Z");
};

TEST_F(CachedHistory, AnUnchangedRepositoryWalksNothing) {
  Opened cold = scan();
  EXPECT_EQ(cold.history->build_report().mode, BuildReport::Mode::cold);
  EXPECT_EQ(cold.history->build_report().walked_commits, 3u);
  ASSERT_TRUE(fs::exists(cache_file()));
  EXPECT_TRUE(fs::exists(repo_.path() / ".assay" / ".gitignore"));

  Opened again = scan();
  EXPECT_EQ(again.history->build_report().mode, BuildReport::Mode::unchanged);
  EXPECT_EQ(again.history->build_report().walked_commits, 0u);
  EXPECT_EQ(again.history->build_report().cached_commits, 3u);
  EXPECT_EQ(commit_counts(again), commit_counts(cold));
}

TEST_F(CachedHistory, ANewCommitIsTheOnlyOneWalked) {
  scan();
  write_file(repo_.path(), "a.txt", "a1\na2\na3\n");
  const std::string c4 = commit_as(repo_.path(), "c4", "2020-04-01T00:00:00Z", kCarol);
  Opened incremental = scan();
  EXPECT_EQ(incremental.history->build_report().mode, BuildReport::Mode::incremental);
  EXPECT_EQ(incremental.history->build_report().walked_commits, 1u);
  EXPECT_EQ(incremental.history->build_report().cached_commits, 3u);
  const FileFacts* a = incremental.history->facts(file_at(*incremental.view, "a.txt"));
  EXPECT_EQ(a->commits, 3u);
  EXPECT_EQ(a->authors, 3u);
  EXPECT_EQ(incremental.history->commit_text(a->commit_list[0]), c4);

  HistoryOptions no_cache;
  no_cache.cache_file = "";
  Opened cold = open_history(repo_.path(), no_cache, now_);
  EXPECT_EQ(commit_counts(incremental), commit_counts(cold));
}

TEST_F(CachedHistory, ARenameAfterTheCacheCarriesTheCachedHistory) {
  scan();
  git(repo_.path(), "mv a.txt renamed.txt");
  commit_as(repo_.path(), "c4", "2020-04-01T00:00:00Z", kBob);
  Opened incremental = scan();
  EXPECT_EQ(incremental.history->build_report().mode, BuildReport::Mode::incremental);
  EXPECT_EQ(incremental.history->facts(file_at(*incremental.view, "renamed.txt"))->commits, 3u);
  EXPECT_TRUE(incremental.history->index().changes("a.txt").empty());
}

TEST_F(CachedHistory, OriginsAreCachedByBlob) {
  Opened first = open_history(repo_.path(), HistoryOptions(), now_);
  const size_t a = file_at(*first.view, "a.txt");
  ASSERT_EQ(first.history->line_origin(a, 2).kind, LineOrigin::Kind::committed);
  first.history->save();
  CacheRead read = read_cache(cache_file(), first.view->git_dir());
  ASSERT_TRUE(read.contents) << read.problem;
  ASSERT_EQ(read.contents->origins.size(), 1u);
  EXPECT_EQ(read.contents->index.names()[read.contents->origins[0].file], "a.txt");
  EXPECT_EQ(read.contents->origins[0].blob.hex(), first.view->files()[a].blob_id);
  EXPECT_EQ(read.contents->origins[0].lines.line_count(), 2u);

  Opened second = open_history(repo_.path(), HistoryOptions(), now_);
  const LineOrigin origin = second.history->line_origin(a, 2);
  EXPECT_EQ(origin.kind, LineOrigin::Kind::committed);
  EXPECT_EQ(second.history->author_text(*origin.commit), "Bob <bob@example.com>");
}

// The cached origins of a file's version are the base of its next version:
// the rescan diffs the new version against the cached one and does not go
// down the older versions again. Shown by a cache whose origins of a.txt's
// first line were changed (to commit c3, which never touched a.txt): the
// rescan keeps what the cache said.
TEST_F(CachedHistory, TheCachedOriginsOfAVersionAreTheBaseOfTheNext) {
  Opened first = open_history(repo_.path(), HistoryOptions(), now_);
  const size_t a = file_at(*first.view, "a.txt");
  ASSERT_EQ(first.history->line_origin(a, 1).kind, LineOrigin::Kind::committed);
  first.history->save();
  const std::string c3 = git(repo_.path(), "rev-parse HEAD");
  CacheRead read = read_cache(cache_file(), first.view->git_dir());
  ASSERT_TRUE(read.contents) << read.problem;
  ASSERT_EQ(read.contents->origins.size(), 1u);
  CachedOrigins& cached = read.contents->origins[0];
  EXPECT_EQ(first.history->commit_text(cached.producer), git(repo_.path(), "rev-parse HEAD~1"));  // c2
  ASSERT_EQ(cached.lines.line_count(), 2u);
  const uint32_t c3_index = 0;  // commits are indexed in walk order, newest first
  ASSERT_EQ(first.history->commit_text(c3_index), c3);
  OriginRuns changed(1, c3_index);
  changed.append(cached.lines.code_at(1));
  cached.lines = changed;
  write_cache(cache_file(), first.view->git_dir(), read.contents->index, read.contents->origins);

  write_file(repo_.path(), "a.txt", "a1\na2\na3\n");
  const std::string c4 = commit_as(repo_.path(), "c4", "2020-04-01T00:00:00Z", kCarol);
  Opened next = open_history(repo_.path(), HistoryOptions(), now_);
  EXPECT_EQ(next.history->build_report().mode, BuildReport::Mode::incremental);
  const size_t a_next = file_at(*next.view, "a.txt");
  EXPECT_EQ(next.history->commit_text(*next.history->line_origin(a_next, 1).commit), c3);
  EXPECT_EQ(next.history->commit_text(*next.history->line_origin(a_next, 2).commit),
            git(repo_.path(), "rev-parse HEAD~2"));  // c2
  EXPECT_EQ(next.history->commit_text(*next.history->line_origin(a_next, 3).commit), c4);
}

// Origins cached for a version are attributed to the change that produced
// it then; when a later commit produces the same version again (a revert),
// the lines it brought back entered with it, as without a cache.
TEST_F(CachedHistory, ARevertIsNotAnsweredFromOriginsCachedBeforeIt) {
  Opened first = open_history(repo_.path(), HistoryOptions(), now_);
  const size_t a = file_at(*first.view, "a.txt");
  ASSERT_EQ(first.history->line_origin(a, 2).kind, LineOrigin::Kind::committed);
  first.history->save();

  write_file(repo_.path(), "a.txt", "a1\n");
  commit_as(repo_.path(), "c4", "2020-04-01T00:00:00Z", kCarol);
  write_file(repo_.path(), "a.txt", "a1\na2\n");  // the version c2 made, again
  const std::string c5 = commit_as(repo_.path(), "c5", "2020-05-01T00:00:00Z", kAlice);
  Opened cached = open_history(repo_.path(), HistoryOptions(), now_);
  EXPECT_EQ(cached.history->build_report().mode, BuildReport::Mode::incremental);
  const size_t a_now = file_at(*cached.view, "a.txt");
  const LineOrigin line2 = cached.history->line_origin(a_now, 2);
  ASSERT_EQ(line2.kind, LineOrigin::Kind::committed);
  EXPECT_EQ(cached.history->commit_text(*line2.commit), c5);

  Opened fresh = open_history(repo_.path(), uncached(), now_);
  for (uint32_t line = 1; line <= 2; ++line) {
    EXPECT_EQ(cached.history->commit_text(*cached.history->line_origin(a_now, line).commit),
              fresh.history->commit_text(*fresh.history->line_origin(a_now, line).commit));
  }
}

TEST_F(CachedHistory, ACacheOfAnOlderFormatVersionIsWalkedAgain) {
  scan();
  std::string old = contents(cache_file());
  old[8] = 1;  // the u32 format version after the 8-byte magic
  overwrite(cache_file(), old);
  Opened o = scan();
  EXPECT_EQ(o.history->build_report().mode, BuildReport::Mode::cold);
  EXPECT_EQ(o.history->build_report().cache_problem,
            cache_file().string() + ": format version 1, this assay reads 3");
  EXPECT_EQ(o.history->build_report().walked_commits, 3u);
  EXPECT_EQ(scan().history->build_report().mode, BuildReport::Mode::unchanged);
}

TEST_F(CachedHistory, ARewrittenHistoryIsWalkedAgain) {
  scan();
  act_as(kAlice, "2020-03-02T00:00:00Z");
  git(repo_.path(), "commit -q --amend -m c3-amended");
  Opened rewritten = scan();
  EXPECT_EQ(rewritten.history->build_report().mode, BuildReport::Mode::cold);
  EXPECT_NE(rewritten.history->build_report().cache_problem.find("is not an ancestor of"), std::string::npos)
      << rewritten.history->build_report().cache_problem;
  EXPECT_EQ(rewritten.history->build_report().walked_commits, 3u);
}

TEST_F(CachedHistory, AWiderWindowIsWalkedAgain) {
  HistoryOptions window;
  window.window_seconds = now_ - seconds("2020-01-15T00:00:00Z");
  EXPECT_EQ(scan(window).history->build_report().walked_commits, 2u);
  Opened wider = scan();
  EXPECT_EQ(wider.history->build_report().mode, BuildReport::Mode::cold);
  EXPECT_EQ(wider.history->build_report().cache_problem, "its window starts later than the configured one");
  EXPECT_EQ(wider.history->build_report().walked_commits, 3u);
}

TEST_F(CachedHistory, ACorruptCacheIsTreatedAsAbsent) {
  scan();
  const std::string good = contents(cache_file());

  overwrite(cache_file(), "not a cache at all");
  Opened garbage = scan();
  EXPECT_EQ(garbage.history->build_report().mode, BuildReport::Mode::cold);
  EXPECT_EQ(garbage.history->build_report().cache_problem,
            cache_file().string() + ": not an assay history cache");

  std::string flipped = good;
  flipped[flipped.size() - 3] ^= 0x55;
  overwrite(cache_file(), flipped);
  EXPECT_EQ(scan().history->build_report().cache_problem,
            cache_file().string() + ": corrupt (digest does not match)");

  overwrite(cache_file(), good.substr(0, good.size() - 10));
  EXPECT_EQ(scan().history->build_report().cache_problem,
            cache_file().string() + ": truncated (payload length does not match)");

  // After each refusal the scan wrote a good cache again.
  EXPECT_EQ(scan().history->build_report().mode, BuildReport::Mode::unchanged);
}

TEST_F(CachedHistory, ACacheOfAnotherRepositoryIsNotUsed) {
  scan();
  TempDir other;
  init_repository(other.path());
  write_file(other.path(), "z.txt", "z\n");
  commit_as(other.path(), "z", "2020-01-01T00:00:00Z", kAlice);
  fs::create_directories(other.path() / ".assay");
  fs::copy_file(cache_file(), other.path() / ".assay" / "history.cache");
  Opened o = open_history(other.path(), HistoryOptions(), now_);
  EXPECT_EQ(o.history->build_report().mode, BuildReport::Mode::cold);
  EXPECT_NE(o.history->build_report().cache_problem.find("was written for another repository"),
            std::string::npos);
}

TEST_F(CachedHistory, ACacheReadAheadIsWhatReadingItThenGives) {
  const Opened o = scan();
  const std::string git_dir = o.view->git_dir();
  const CacheRead direct = read_cache(cache_file(), git_dir);
  ASSERT_TRUE(direct.contents);

  CacheReadAhead ahead(cache_file());
  std::optional<CacheRead> read = ahead.take(cache_file(), git_dir);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->problem, "");
  ASSERT_TRUE(read->contents);
  EXPECT_EQ(read->contents->index.commits().size(), 3u);
  EXPECT_EQ(read->contents->index.provenance().tip, direct.contents->index.provenance().tip);
  EXPECT_EQ(read->contents->origins.size(), direct.contents->origins.size());
  EXPECT_FALSE(ahead.take(cache_file(), git_dir)) << "taken once";

  // Another file than the one read ahead: the caller reads it itself.
  CacheReadAhead elsewhere(repo_.path() / "elsewhere.cache");
  EXPECT_FALSE(elsewhere.take(cache_file(), git_dir));

  // Written for another repository: refused as read_cache refuses it.
  CacheReadAhead other(cache_file());
  const std::optional<CacheRead> refused = other.take(cache_file(), "/somewhere/else/.git");
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->contents);
  EXPECT_EQ(refused->problem, read_cache(cache_file(), "/somewhere/else/.git").problem);
  EXPECT_NE(refused->problem.find("was written for another repository"), std::string::npos);

  // A corrupt file: the same problem too.
  std::string flipped = contents(cache_file());
  flipped[flipped.size() - 3] ^= 0x55;
  overwrite(cache_file(), flipped);
  CacheReadAhead corrupt(cache_file());
  const std::optional<CacheRead> bad = corrupt.take(cache_file(), git_dir);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->problem, cache_file().string() + ": corrupt (digest does not match)");
}

TEST_F(CachedHistory, AHistoryOpenedWithTheCacheReadAheadWalksOnlyWhatIsNew) {
  scan();
  write_file(repo_.path(), "a.txt", "a1\na2\na3\n");
  commit_as(repo_.path(), "c4", "2020-04-01T00:00:00Z", kCarol);
  std::unique_ptr<repo::RepoView> view = repo::RepoView::open(repo_.path(), {});
  CacheReadAhead ahead(cache_file());
  const std::atomic<bool> cancel{false};
  auto history = HistoryService::open(*view, HistoryOptions(), now_, &cancel, &ahead);
  EXPECT_EQ(history->build_report().mode, BuildReport::Mode::incremental);
  EXPECT_EQ(history->build_report().walked_commits, 1u);
  EXPECT_EQ(history->build_report().cached_commits, 3u);
  EXPECT_FALSE(ahead.take(cache_file(), view->git_dir())) << "the build took it";
}

TEST_F(CachedHistory, ACacheThatCannotBeWrittenIsNotFatal) {
  write_file(repo_.path(), "blocker", "a file where a directory should be\n");
  HistoryOptions options;
  options.cache_file = "blocker/history.cache";
  Opened o = open_history(repo_.path(), options, now_);
  EXPECT_NO_THROW(o.history->save());
  EXPECT_TRUE(o.history->available());
  for (const auto& entry : fs::directory_iterator(repo_.path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos);
}

}  // namespace
}  // namespace assay::history::testing
