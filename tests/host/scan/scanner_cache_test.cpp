// The findings cache of one file-local scanner against a real SQLite store
// and the working tree of a real git repository (no history, so every
// context key is ""): what a run leaves in the cache, which files the next
// run is given, what it replays, and every doubt that makes it read every
// file again.
#include "scan/scanner_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "../repo/test_repository.h"
#include "repo/repo_view.h"
#include "state/sqlite_store.h"

namespace fs = std::filesystem;

namespace assay::scan {
namespace {

using repo::testing::commit_all;
using repo::testing::write_file;

Finding marker(const std::string& path, const std::string& title) {
  Finding f;
  f.source = "markers";
  f.rule = "TODO";
  f.title = title;
  f.category = "technical-debt";
  f.path = path;
  f.line_start = f.line_end = 1;
  f.evidence = title;
  f.tags = {"todo"};
  return f;
}

// The findings a stored row holds, as the scan would find them again.
std::vector<Finding> row_findings_of(const state::CachedFileRecord& row) {
  std::vector<Finding> out;
  for (const auto& element : nlohmann::json::parse(row.findings)) out.push_back(Finding::from_json(element));
  return out;
}

class ScannerCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    repo::testing::init_repository(dir_.path());
    write_file(dir_.path(), "a.c", "// TODO: alpha\n");
    write_file(dir_.path(), "b.c", "int b;\n");
    commit_all(dir_.path(), "first");
    store_ = state::open_sqlite_store((store_dir_.path() / "state.db").string(), {2000, true});
    store_->write([&](state::StateWriter& w) { repository_ = w.add_repository("/repo", "repo"); });
    open_view();
  }

  void open_view() {
    view_ = repo::RepoView::open(dir_.path(), {});
    keys_ = file_keys(*view_, nullptr);
  }

  std::unique_ptr<ScannerCache> cache(const std::string& version = "1.1.0",
                                      const std::string& config = "{}") {
    return std::make_unique<ScannerCache>("markers", version, config_digest(config), *view_, keys_);
  }

  // Plans `c` from what the store holds; `decoded_ahead`: with every row's
  // findings decoded before the plan (as StoredCachesAhead does).
  void plan(ScannerCache& c, bool decoded_ahead = false) {
    StoredCache stored;
    store_->read([&](state::StateReader& r) {
      stored.record = r.finding_cache(repository_, "markers");
      stored.rows = r.cached_files(repository_, "markers");
    });
    if (decoded_ahead) decode_rows(stored, "markers");
    c.plan(std::move(stored));
  }

  // The scan holds `f` as an item, arrived after those before.
  void found(const Finding& f) {
    BacklogItem item;
    item.finding = f;
    item.arrival = static_cast<uint32_t>(items_.size());
    items_.push_back(std::move(item));
  }

  // Stores what `c` planned and the run found (found() since the last store).
  void store(const ScannerCache& c, const std::string& scan_id, const std::string& status) {
    store_->write([&](state::StateWriter& w) { c.store(w, repository_, scan_id, status, items_); });
    items_.clear();
  }

  std::vector<state::CachedFileRecord> rows() {
    std::vector<state::CachedFileRecord> out;
    store_->read([&](state::StateReader& r) { out = r.cached_files(repository_, "markers"); });
    return out;
  }

  // A complete first run: every file scanned, a.c has one marker.
  void first_run() {
    auto c = cache();
    plan(*c);
    found(marker("a.c", "TODO: alpha"));
    store(*c, "s1", "ok");
  }

  repo::testing::TempDir dir_;
  repo::testing::TempDir store_dir_;
  std::unique_ptr<state::StateStore> store_;
  int64_t repository_ = 0;
  std::unique_ptr<repo::RepoView> view_;
  std::vector<FileKey> keys_;
  std::vector<BacklogItem> items_;
};

TEST_F(ScannerCacheTest, WithoutACacheEveryFileIsScannedAndTheRunFillsIt) {
  auto c = cache();
  plan(*c);
  EXPECT_EQ(c->files(), nullptr);
  EXPECT_FALSE(c->use().incremental);
  EXPECT_EQ(c->use().reason, "no findings cache yet");
  EXPECT_EQ(c->use().files_scanned, 2u);
  found(marker("a.c", "TODO: alpha"));
  store(*c, "s1", "ok");

  const auto stored = rows();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].path, "a.c");
  EXPECT_EQ(stored[0].content_digest, view_->files()[0].blob_id);
  EXPECT_EQ(stored[0].context_digest, "");
  EXPECT_NE(stored[0].findings.find("\"TODO: alpha\""), std::string::npos);
  EXPECT_EQ(stored[1].path, "b.c");
  EXPECT_EQ(stored[1].findings, "[]");  // scanned, nothing found: also known
}

TEST_F(ScannerCacheTest, AnUnchangedRepositoryIsReplayedWhole) {
  first_run();
  auto c = cache();
  plan(*c);
  ASSERT_NE(c->files(), nullptr);
  EXPECT_TRUE(c->files()->empty());
  ASSERT_EQ(c->replay().size(), 1u);
  EXPECT_EQ(c->replay()[0].title, "TODO: alpha");
  EXPECT_EQ(c->replay()[0].source, "markers");
  EXPECT_EQ(c->use().files_replayed, 2u);
  EXPECT_EQ(c->use().findings_replayed, 1u);
}

TEST_F(ScannerCacheTest, RowsDecodedAheadAreReplayedAsTheyWouldBeByThePlan) {
  first_run();
  auto c = cache();
  plan(*c, true);
  ASSERT_NE(c->files(), nullptr);
  EXPECT_TRUE(c->files()->empty());
  ASSERT_EQ(c->replay().size(), 1u);
  EXPECT_EQ(c->replay()[0].title, "TODO: alpha");
  EXPECT_EQ(c->replay()[0].path, "a.c");
  EXPECT_EQ(c->use().files_replayed, 2u);
  EXPECT_EQ(c->use().findings_replayed, 1u);
}

TEST_F(ScannerCacheTest, OnlyChangedAddedFilesAreScannedAndDeletedOnesLeaveTheCache) {
  first_run();
  write_file(dir_.path(), "b.c", "int b; // TODO: beta\n");
  write_file(dir_.path(), "c.c", "int c;\n");
  fs::remove(dir_.path() / "a.c");
  commit_all(dir_.path(), "second");
  open_view();  // b.c, c.c
  auto c = cache();
  plan(*c);
  ASSERT_NE(c->files(), nullptr);
  EXPECT_EQ(*c->files(), (std::vector<size_t>{0, 1}));  // b.c changed, c.c new
  EXPECT_TRUE(c->replay().empty());                     // a.c's marker is gone with it
  found(marker("b.c", "TODO: beta"));
  store(*c, "s2", "ok");

  const auto stored = rows();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].path, "b.c");
  EXPECT_NE(stored[0].findings.find("\"TODO: beta\""), std::string::npos);
  EXPECT_EQ(stored[1].path, "c.c");
}

TEST_F(ScannerCacheTest, AFileChangedInTheWorkingTreeIsScannedEveryTime) {
  first_run();
  write_file(dir_.path(), "b.c", "int b2;\n");  // not committed: no blob id
  open_view();
  auto c = cache();
  plan(*c);
  ASSERT_NE(c->files(), nullptr);
  EXPECT_EQ(*c->files(), (std::vector<size_t>{1}));
  store(*c, "s2", "ok");
  // Its old row is dropped and no new one written: the next run scans it again.
  const auto stored = rows();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].path, "a.c");
}

TEST_F(ScannerCacheTest, AFailedRunLeavesNoCacheSoTheNextRunIsFull) {
  first_run();
  auto failed = cache();
  plan(*failed);
  store(*failed, "s2", "failed");
  EXPECT_TRUE(rows().empty());
  auto next = cache();
  plan(*next);
  EXPECT_EQ(next->files(), nullptr);
  EXPECT_EQ(next->use().reason, "no findings cache yet");
}

TEST_F(ScannerCacheTest, AnotherVersionOrConfigurationMeansAFullScan) {
  first_run();
  auto newer = cache("1.2.0");
  plan(*newer);
  EXPECT_EQ(newer->files(), nullptr);
  EXPECT_EQ(newer->use().reason, "scanner version changed from 1.1.0 to 1.2.0");
  auto reconfigured = cache("1.1.0", R"({"origins":false})");
  plan(*reconfigured);
  EXPECT_EQ(reconfigured->files(), nullptr);
  EXPECT_EQ(reconfigured->use().reason, "its configuration changed");
}

TEST_F(ScannerCacheTest, AFullRunLeavesExactlyItsOwnRows) {
  first_run();
  // Rows the next full run must not keep: a file no longer in the tree, and
  // stale findings of b.c.
  store_->write([&](state::StateWriter& w) {
    w.put_cached_file(repository_, "markers", {"gone.c", "0123", "", "[]"});
    w.put_cached_file(repository_, "markers", {"b.c", view_->files()[1].blob_id, "", "[{}]"});
  });
  ASSERT_EQ(rows().size(), 3u);
  auto newer = cache("1.2.0");
  plan(*newer);
  ASSERT_EQ(newer->files(), nullptr);
  found(marker("a.c", "TODO: alpha, read again"));
  store(*newer, "s2", "ok");

  const auto stored = rows();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].path, "a.c");
  EXPECT_NE(stored[0].findings.find("\"TODO: alpha, read again\""), std::string::npos);
  EXPECT_EQ(stored[1].path, "b.c");
  EXPECT_EQ(stored[1].findings, "[]");
  std::optional<state::FindingCacheRecord> record;
  store_->read([&](state::StateReader& r) { record = r.finding_cache(repository_, "markers"); });
  EXPECT_EQ(record->version, "1.2.0");
  EXPECT_EQ(record->scan_id, "s2");
}

TEST_F(ScannerCacheTest, AnUnreadableRowMeansAFullScan) {
  first_run();
  std::optional<state::FindingCacheRecord> record;
  store_->read([&](state::StateReader& r) { record = r.finding_cache(repository_, "markers"); });
  auto stored = rows();
  stored[0].findings = "[{\"source\": \"markers\"}]";  // a finding without its fields
  for (const bool decoded_ahead : {false, true}) {
    SCOPED_TRACE(decoded_ahead ? "decoded ahead" : "decoded by the plan");
    stored[0].findings = "[{\"source\": \"markers\"}]";  // a finding without its fields
    StoredCache first{record, stored, {}};
    if (decoded_ahead) decode_rows(first, "markers");
    auto c = cache();
    c->plan(std::move(first));
    EXPECT_EQ(c->files(), nullptr);
    EXPECT_EQ(c->replay().size(), 0u);
    EXPECT_EQ(c->use().reason.rfind("the cached findings of a.c are unreadable: [0]: ", 0), 0u)
        << c->use().reason;
    stored[0].findings = "{";
    StoredCache second{record, stored, {}};
    if (decoded_ahead) decode_rows(second, "markers");
    auto d = cache();
    d->plan(std::move(second));
    EXPECT_EQ(d->use().reason, "the cached findings of a.c are unreadable: not a JSON array");
  }
}

TEST_F(ScannerCacheTest, AnUnreadableRowOfAChangedFileIsNotInTheWay) {
  // Decoding ahead reads every row; only the rows the plan uses count.
  first_run();
  StoredCache stored;
  store_->read([&](state::StateReader& r) {
    stored.record = r.finding_cache(repository_, "markers");
    stored.rows = r.cached_files(repository_, "markers");
  });
  ASSERT_EQ(stored.rows.size(), 2u);
  ASSERT_EQ(stored.rows[0].path, "a.c");
  stored.rows[0].findings = "{";
  stored.rows[0].content_digest = "0000000000000000000000000000000000000000";  // a.c changed since
  decode_rows(stored, "markers");
  EXPECT_EQ(stored.decoded[0].problem, "not a JSON array");
  auto c = cache();
  c->plan(std::move(stored));
  ASSERT_NE(c->files(), nullptr);
  EXPECT_EQ(*c->files(), std::vector<size_t>{0});
  EXPECT_EQ(c->use().reason, "");
}

TEST_F(ScannerCacheTest, AFindingOutsideTheGivenFilesLeavesNoCache) {
  first_run();
  auto c = cache();
  plan(*c);  // nothing changed: no file given
  found(marker("b.c", "TODO: not from a file it was given"));
  store(*c, "s2", "ok");
  EXPECT_TRUE(rows().empty());
}

// The scan's items hold the replayed findings too: they are not strays.
TEST_F(ScannerCacheTest, ReplayedItemsAreNotStrays) {
  first_run();
  auto c = cache();
  plan(*c);
  ASSERT_EQ(c->replay().size(), 1u);
  found(c->replay()[0]);
  store(*c, "s2", "ok");
  ASSERT_EQ(rows().size(), 2u);
  EXPECT_NE(rows()[0].findings.find("\"TODO: alpha\""), std::string::npos);
}

// The replay is handed over once, moved; the counts and the stray check
// still know what was replayed.
TEST_F(ScannerCacheTest, TakenReplayIsCountedAndNotAStray) {
  first_run();
  auto c = cache();
  plan(*c);
  std::vector<Finding> taken = c->take_replay();
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].title, "TODO: alpha");
  EXPECT_TRUE(c->replay().empty());
  EXPECT_TRUE(c->take_replay().empty());
  EXPECT_EQ(c->use().findings_replayed, 1u);
  EXPECT_EQ(c->use().files_replayed, 2u);  // a.c with its marker, b.c with none
  found(taken[0]);
  store(*c, "s2", "ok");
  ASSERT_EQ(rows().size(), 2u);
  EXPECT_NE(rows()[0].findings.find("\"TODO: alpha\""), std::string::npos);
  // One more finding at the replayed path than was replayed: a stray.
  auto d = cache();
  plan(*d);
  taken = d->take_replay();
  found(taken[0]);
  found(marker("a.c", "TODO: emitted for a file not given"));
  store(*d, "s3", "ok");
  EXPECT_TRUE(rows().empty());
}

// A replayed file with more findings than were replayed there has one the
// scanner emitted outside the files it was given.
TEST_F(ScannerCacheTest, AFindingBesideTheReplayedOnesLeavesNoCache) {
  first_run();
  auto c = cache();
  plan(*c);
  ASSERT_EQ(c->replay().size(), 1u);
  found(c->replay()[0]);
  found(marker("a.c", "TODO: emitted for a file not given"));
  store(*c, "s2", "ok");
  EXPECT_TRUE(rows().empty());
}

// A finding that could not be scored is in no item: its file's findings
// are not known whole, so the file gets no row and the next run reads it.
TEST_F(ScannerCacheTest, AFileWithAnUnscoredFindingGetsNoRow) {
  auto c = cache();
  plan(*c);
  found(marker("a.c", "TODO: alpha"));
  c->recorder().unscored("a.c");
  store(*c, "s1", "ok");
  const auto stored = rows();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].path, "b.c");
  auto next = cache();
  plan(*next);
  ASSERT_NE(next->files(), nullptr);
  ASSERT_EQ(next->files()->size(), 1u);
  EXPECT_EQ(view_->files()[next->files()->at(0)].path, "a.c");
}

// Ranking reorders the held items; a row lists its file's findings in the
// order they arrived, and only the scanner's own.
TEST_F(ScannerCacheTest, ARowKeepsTheArrivalOrderOfItsFindings) {
  auto c = cache();
  plan(*c);
  found(marker("a.c", "TODO: first"));
  found(marker("a.c", "TODO: second"));
  Finding other = marker("a.c", "TODO: another scanner's");
  other.source = "other";
  found(other);
  std::reverse(items_.begin(), items_.end());
  store(*c, "s1", "ok");
  const auto stored = rows();
  ASSERT_EQ(stored.size(), 2u);
  const std::string& text = stored[0].findings;
  const size_t first = text.find("\"TODO: first\"");
  const size_t second = text.find("\"TODO: second\"");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_EQ(text.find("another scanner"), std::string::npos);
}

TEST_F(ScannerCacheTest, ACacheRewrittenMeanwhileIsWrittenWhole) {
  first_run();
  auto c = cache();
  plan(*c);  // incremental, from the cache of s1
  // Another process's scan rewrote the cache after this one read it, and
  // left only b.c.
  store_->write([&](state::StateWriter& w) {
    w.put_finding_cache({repository_, "markers", "1.1.0", config_digest("{}"), "other"});
    w.delete_cached_file(repository_, "markers", "a.c");
  });
  store(*c, "s2", "ok");
  const auto stored = rows();
  ASSERT_EQ(stored.size(), 2u);  // a.c from this run's plan again
  EXPECT_EQ(stored[0].path, "a.c");
  std::optional<state::FindingCacheRecord> record;
  store_->read([&](state::StateReader& r) { record = r.finding_cache(repository_, "markers"); });
  EXPECT_EQ(record->scan_id, "s2");
}

bool same_rows(const std::vector<state::CachedFileRecord>& a, const std::vector<state::CachedFileRecord>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
           return x.path == y.path && x.content_digest == y.content_digest &&
                  x.context_digest == y.context_digest && x.findings == y.findings;
         });
}

// --full compares the stored rows with the run's in one pass in path order;
// the store's order (SQLite's BINARY) and the host's must agree, also for
// upper case, punctuation that sorts before '/', and bytes above 0x7F.
TEST_F(ScannerCacheTest, AFullRescanOfAnUnchangedTreeLeavesEveryRowAsItWas) {
  write_file(dir_.path(), "Z.c", "// TODO: zed\n");
  write_file(dir_.path(), "a-b.c", "int ab;\n");
  write_file(dir_.path(), "a/b.c", "// TODO: in a\n");
  write_file(dir_.path(), "\xc3\xa9t\xc3\xa9.c", "// TODO: summer\n");
  commit_all(dir_.path(), "more");
  open_view();
  auto first = cache();
  plan(*first);
  for (const auto& [path, title] : std::vector<std::pair<std::string, std::string>>{
           {"Z.c", "TODO: zed"}, {"a.c", "TODO: alpha"}, {"a/b.c", "TODO: in a"},
           {"\xc3\xa9t\xc3\xa9.c", "TODO: summer"}})
    found(marker(path, title));
  store(*first, "s1", "ok");
  const auto before = rows();
  ASSERT_EQ(before.size(), 6u);

  auto full = cache();
  full->plan_full("--full");
  for (const auto& row : before) {
    for (const Finding& f : row_findings_of(row)) found(f);
  }
  store(*full, "s2", "ok");
  EXPECT_TRUE(same_rows(rows(), before));
}

TEST_F(ScannerCacheTest, AFullRescanCorrectsAWrongRowEvenWithTheRightKeys) {
  first_run();
  const auto right = rows();
  // a.c's row says it has no findings, under the right keys; b.c's row has
  // the right findings under a wrong content key; c.c has no row at all and
  // gone.c is not in the tree.
  write_file(dir_.path(), "c.c", "int c;\n");
  commit_all(dir_.path(), "c");
  open_view();
  store_->write([&](state::StateWriter& w) {
    w.put_cached_file(repository_, "markers", {"a.c", right[0].content_digest, "", "[]"});
    w.put_cached_file(repository_, "markers", {"b.c", "0123", "", right[1].findings});
    w.put_cached_file(repository_, "markers", {"gone.c", "0123", "", "[]"});
  });
  auto full = cache();
  full->plan_full("--full");
  found(marker("a.c", "TODO: alpha"));
  store(*full, "s2", "ok");
  const auto stored = rows();
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_TRUE(same_rows({stored[0], stored[1]}, right));
  EXPECT_EQ(stored[2].path, "c.c");
  EXPECT_EQ(stored[2].findings, "[]");
}

}  // namespace
}  // namespace assay::scan
