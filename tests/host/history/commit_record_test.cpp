// The walk's own commit parse gives what libgit2's gives, and leaves every
// unusual form to libgit2.
#include "history/commit_record.h"

#include <git2.h>
#include <gtest/gtest.h>

#include "history_repo.h"
#include "repo/git_handles.h"
#include "repo/libgit2_runtime.h"

namespace assay::history::testing {
namespace {

class CommitRecordTest : public ::testing::Test {
 protected:
  void SetUp() override {
    repo::ensure_libgit2();
    init_repository(repo_.path());
    write_file(repo_.path(), "a.txt", "a\n");
    first_ = commit_as(repo_.path(), "first", "2020-01-01T00:00:00Z", kAlice);
    tree_ = git(repo_.path(), "rev-parse HEAD^{tree}");
    git_repository* raw = nullptr;
    ASSERT_EQ(git_repository_open(&raw, repo_.path().c_str()), 0);
    repository_.reset(raw);
  }

  // Writes `text` as a commit object; returns its id.
  std::string write_commit(const std::string& text) {
    write_file(repo_.path(), "raw-commit", text);
    return git(repo_.path(), "hash-object -t commit -w --literally raw-commit");
  }

  git_oid oid(const std::string& hex) const {
    git_oid id;
    git_oid_fromstr(&id, hex.c_str());
    return id;
  }

  CommitRecord by_libgit2(const std::string& hex) {
    const git_oid id = oid(hex);
    git_commit* raw = nullptr;
    EXPECT_EQ(git_commit_lookup(&raw, repository_.get(), &id), 0) << hex;
    repo::CommitPtr commit(raw);
    return record_of(commit.get());
  }

  std::optional<CommitRecord> by_walk(const std::string& hex) {
    return parse_commit(oid(hex), git(repo_.path(), "cat-file commit " + hex) + "\n");
  }

  void expect_same(const CommitRecord& a, const CommitRecord& b) {
    EXPECT_TRUE(git_oid_equal(&a.id, &b.id));
    EXPECT_TRUE(git_oid_equal(&a.tree, &b.tree));
    ASSERT_EQ(a.parents.size(), b.parents.size());
    for (size_t i = 0; i < a.parents.size(); ++i) EXPECT_TRUE(git_oid_equal(&a.parents[i], &b.parents[i]));
    EXPECT_EQ(a.author_name, b.author_name);
    EXPECT_EQ(a.author_email, b.author_email);
    EXPECT_EQ(a.author_time, b.author_time);
    EXPECT_EQ(a.commit_time, b.commit_time);
  }

  TempDir repo_;
  repo::RepositoryPtr repository_;
  std::string first_;
  std::string tree_;
};

TEST_F(CommitRecordTest, ACommitOfGitIsReadAsLibgit2ReadsIt) {
  std::optional<CommitRecord> walk = by_walk(first_);
  ASSERT_TRUE(walk);
  EXPECT_EQ(walk->author_name, "Alice");
  EXPECT_EQ(walk->author_email, "alice@example.com");
  EXPECT_EQ(walk->author_time, seconds("2020-01-01T00:00:00Z"));
  expect_same(*walk, by_libgit2(first_));
}

TEST_F(CommitRecordTest, SpacesAndTwoParentsAsLibgit2) {
  const std::string id = write_commit("tree " + tree_ + "\nparent " + first_ + "\nparent " + first_ +
                                      "\nauthor \t Spaced  Name  < x@y.z > 1600000000 +0200\n"
                                      "committer C <c@d> 1600000100 -0130\ngpgsig x\n\nmessage\n");
  std::optional<CommitRecord> walk = by_walk(id);
  ASSERT_TRUE(walk);
  EXPECT_EQ(walk->author_name, "Spaced  Name");
  EXPECT_EQ(walk->author_email, "x@y.z");
  EXPECT_EQ(walk->author_time, 1600000000);
  EXPECT_EQ(walk->commit_time, 1600000100);
  EXPECT_EQ(walk->parents.size(), 2u);
  expect_same(*walk, by_libgit2(id));
}

TEST_F(CommitRecordTest, UnusualFormsAreLeftToLibgit2) {
  const std::string head = "tree " + tree_ + "\n";
  const std::string committer = "committer C <c@d> 1600000100 +0000\n\nm\n";
  // Two author lines (libgit2 keeps the first), a time without a zone, a
  // negative time, an upper-case parent id, no committer.
  EXPECT_FALSE(by_walk(write_commit(head + "author A <a@b> 1 +0000\nauthor B <b@c> 2 +0000\n" + committer)));
  EXPECT_FALSE(by_walk(write_commit(head + "author A <a@b> 1\n" + committer)));
  EXPECT_FALSE(by_walk(write_commit(head + "author A <a@b> -5 +0000\n" + committer)));
  std::string upper = first_;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_FALSE(by_walk(write_commit(head + "parent " + upper + "\nauthor A <a@b> 1 +0000\n" + committer)));
  EXPECT_FALSE(by_walk(write_commit(head + "author A <a@b> 1 +0000\n\nm\n")));
}

}  // namespace
}  // namespace assay::history::testing
