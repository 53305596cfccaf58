// Real repositories are odd: shallow clones, detached heads, bare
// repositories, submodules, binary and huge files, missing objects.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "history_repo.h"

namespace assay::history::testing {
namespace {

namespace fs = std::filesystem;

class OddRepository : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& dir = repo_.path();
    init_repository(dir);
    write_file(dir, "a.txt", "a1\n");
    write_file(dir, "b.txt", "b1\n");
    c1_ = commit_as(dir, "c1", "2020-01-01T00:00:00Z", kAlice);
    write_file(dir, "a.txt", "a1\na2\n");
    c2_ = commit_as(dir, "c2", "2020-02-01T00:00:00Z", kBob);
    write_file(dir, "b.txt", "b1\nb2\n");
    c3_ = commit_as(dir, "c3", "2020-03-01T00:00:00Z", kCarol);
  }

  fs::path loose_object(const std::string& id) const {
    return repo_.path() / ".git" / "objects" / id.substr(0, 2) / id.substr(2);
  }

  TempDir repo_;
  int64_t now_ = seconds("2020-06-01T00:00:00Z");
  std::string c1_, c2_, c3_;
};

TEST_F(OddRepository, AShallowCloneSaysTheHistoryIsCut) {
  TempDir clone;
  git(clone.path(), "clone -q --depth 2 file://" + repo_.path().string() + " shallow");
  Opened o = open_history(clone.path() / "shallow", uncached(), now_);
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  EXPECT_TRUE(o.history->build_report().shallow);
  EXPECT_TRUE(o.history->build_report().problems.empty()) << o.history->build_report().problems.front();
  EXPECT_EQ(o.history->build_report().walked_commits, 2u);
  const nlohmann::json summary = o.history->summary();
  EXPECT_EQ(summary["shallow"], true);
  EXPECT_EQ(summary["history_cut"], true);
  // c2 is the boundary: what it changed is unknown, so only c3 counts, and
  // lines c2 holds were there at or before it.
  EXPECT_EQ(o.history->facts(file_at(*o.view, "a.txt"))->commits, 0u);
  const size_t b = file_at(*o.view, "b.txt");
  EXPECT_EQ(o.history->facts(b)->commits, 1u);
  const LineOrigin old_line = o.history->line_origin(b, 1);
  EXPECT_EQ(old_line.kind, LineOrigin::Kind::at_or_before);
  EXPECT_EQ(o.history->commit_text(*old_line.commit), c2_);
  const LineOrigin new_line = o.history->line_origin(b, 2);
  EXPECT_EQ(new_line.kind, LineOrigin::Kind::committed);
  EXPECT_EQ(o.history->commit_text(*new_line.commit), c3_);
}

TEST_F(OddRepository, ADetachedHeadIsWalkedFromItsCommit) {
  git(repo_.path(), "checkout -q --detach " + c2_);
  Opened o = open_history(repo_.path(), uncached(), now_);
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  EXPECT_EQ(o.history->build_report().walked_commits, 2u);
  EXPECT_EQ(o.history->facts(file_at(*o.view, "b.txt"))->commits, 1u);
}

TEST_F(OddRepository, ABareRepositoryIsWalkedFromTheRevision) {
  TempDir bare;
  git(bare.path(), "clone -q --bare " + repo_.path().string() + " repo.git");
  Opened o = open_history(bare.path() / "repo.git", uncached(), now_, "main~1");
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  EXPECT_EQ(o.view->commit(), c2_);
  EXPECT_EQ(o.history->build_report().walked_commits, 2u);
  const size_t a = file_at(*o.view, "a.txt");
  EXPECT_EQ(o.history->facts(a)->commits, 2u);
  const LineOrigin origin = o.history->line_origin(a, 2);
  ASSERT_EQ(origin.kind, LineOrigin::Kind::committed);
  EXPECT_EQ(o.history->commit_text(*origin.commit), c2_);
}

TEST_F(OddRepository, SubmodulesAreSkippedAndNoted) {
  // A gitlink without a checkout: `git add -A` would stage its removal.
  git(repo_.path(), "update-index --add --cacheinfo 160000," + c1_ + ",vendor/lib");
  act_as(kAlice, "2020-04-01T00:00:00Z");
  git(repo_.path(), "commit -q -m c4");
  Opened o = open_history(repo_.path(), uncached(), now_);
  ASSERT_TRUE(o.history->available());
  EXPECT_EQ(o.history->summary()["submodules_skipped"], nlohmann::json::array({"vendor/lib"}));
  EXPECT_TRUE(o.history->index().changes("vendor/lib").empty());
}

TEST_F(OddRepository, BinaryAndHugeFilesAreNotDiffed) {
  write_file(repo_.path(), "image.bin", std::string("PNG\0\0\1\2", 7) + "\n");
  write_file(repo_.path(), "big.txt", "this line is longer than the limit\n");
  commit_as(repo_.path(), "c4", "2020-04-01T00:00:00Z", kAlice);
  HistoryOptions options = uncached();
  options.max_blob_bytes = 20;
  Opened o = open_history(repo_.path(), options, now_);
  const LineOrigin binary = o.history->line_origin(file_at(*o.view, "image.bin"), 1);
  EXPECT_EQ(binary.kind, LineOrigin::Kind::unavailable);
  EXPECT_NE(binary.problem.find("is binary"), std::string::npos) << binary.problem;
  const LineOrigin huge = o.history->line_origin(file_at(*o.view, "big.txt"), 1);
  EXPECT_EQ(huge.kind, LineOrigin::Kind::unavailable);
  EXPECT_NE(huge.problem.find("more than history.max_blob_size (20)"), std::string::npos) << huge.problem;
  EXPECT_EQ(o.history->line_origin(file_at(*o.view, "a.txt"), 1).kind, LineOrigin::Kind::committed);
}

TEST_F(OddRepository, AMissingBlobIsNamedAndOtherFilesGoOn) {
  const std::string old_a = git(repo_.path(), "rev-parse " + c1_ + ":a.txt");
  fs::remove(loose_object(old_a));
  Opened o = open_history(repo_.path(), uncached(), now_);
  ASSERT_TRUE(o.history->available());
  const LineOrigin broken = o.history->line_origin(file_at(*o.view, "a.txt"), 2);
  EXPECT_EQ(broken.kind, LineOrigin::Kind::unavailable);
  EXPECT_NE(broken.problem.find("cannot read blob " + old_a), std::string::npos) << broken.problem;
  const LineOrigin fine = o.history->line_origin(file_at(*o.view, "b.txt"), 2);
  ASSERT_EQ(fine.kind, LineOrigin::Kind::committed);
  EXPECT_EQ(o.history->commit_text(*fine.commit), c3_);
}

TEST_F(OddRepository, AMissingTreeSkipsItsCommitsAndSaysWhich) {
  const std::string tree = git(repo_.path(), "rev-parse " + c2_ + "^{tree}");
  fs::remove(loose_object(tree));
  Opened o = open_history(repo_.path(), uncached(), now_);
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  const std::vector<std::string>& problems = o.history->build_report().problems;
  ASSERT_EQ(problems.size(), 2u);  // c3 (diffed against c2) and c2 itself
  EXPECT_NE(problems[0].find("commit " + c3_ + " skipped: cannot read tree " + tree), std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("commit " + c2_ + " skipped"), std::string::npos) << problems[1];
  EXPECT_EQ(o.history->facts(file_at(*o.view, "a.txt"))->commits, 1u);  // c1 still counted
  // An incomplete walk is not cached.
  HistoryOptions cached;
  Opened again = open_history(repo_.path(), cached, now_);
  again.history->save();
  EXPECT_FALSE(fs::exists(repo_.path() / ".assay" / "history.cache"));
}

TEST_F(OddRepository, AMissingCommitEndsTheWalkThere) {
  fs::remove(loose_object(c1_));
  Opened o = open_history(repo_.path(), uncached(), now_);
  ASSERT_TRUE(o.history->available()) << o.history->reason();
  const std::vector<std::string>& problems = o.history->build_report().problems;
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].find(c1_), std::string::npos) << problems[0];
  EXPECT_EQ(o.history->summary()["problems"].size(), problems.size());
}

}  // namespace
}  // namespace assay::history::testing
