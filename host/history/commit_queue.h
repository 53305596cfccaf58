// The order of a history walk: commits reachable from a tip, newest first by
// committer time, optionally along first parents only, leaving out what is
// reachable from a known (already walked) commit, and treating the commits
// of a shallow clone's boundary as having no parents. Internal to
// host/history. Written instead of using git_revwalk because libgit2 (1.5)
// fails on the missing parents of a shallow clone.
#pragma once

#include <git2/oid.h>
#include <git2/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "history/commit_record.h"
#include "history/oid_hash.h"

namespace assay::history {

class PackReader;

class CommitQueue {
 public:
  // `boundary`: commits whose parents are not in the repository (the
  // shallow file's list). Commits are read from `packs` (may be null) when
  // they hold them in git's usual form, otherwise through libgit2.
  CommitQueue(git_repository* repository, PackReader* packs, bool first_parent, OidSet boundary);

  // Starts the walk at `tip`. Throws HistoryError when it cannot be read.
  void push_tip(const git_oid& tip);
  // Leaves out `known` and everything reachable from it.
  void hide(const git_oid& known);

  // The next commit to visit, or null when the walk is done. A commit that
  // cannot be read is skipped and named in problems().
  std::optional<CommitRecord> next();

  // True when `commit` is on the boundary of a shallow clone.
  bool on_boundary(const git_oid& commit) const;
  // The tree of a commit the queue has read (every parent of a commit that
  // next() returned), so that diffing against a parent needs no second
  // read of it; nullopt for a commit it has not read.
  std::optional<git_oid> tree_of(const git_oid& commit) const;
  // Unreadable commits, each naming the commit and what led to it.
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  struct Entry {
    int64_t time;
    uint64_t order;  // insertion order breaks ties: children before parents
    CommitRecord commit;
  };
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const {
      return a.time != b.time ? a.time < b.time : a.order > b.order;
    }
  };
  enum Flags : uint8_t { kQueued = 1, kHidden = 2, kRead = 4 };
  struct Seen {
    uint8_t flags = 0;
    git_oid tree{};
  };

  void push(const git_oid& id, bool hidden, const git_oid* child);
  void push_parents(const CommitRecord& commit, bool hidden);
  // The commit `id`; nullopt (libgit2's error left for last_git_error())
  // when it cannot be read.
  std::optional<CommitRecord> read(const git_oid& id);

  git_repository* repository_;
  PackReader* packs_;
  bool first_parent_;
  OidSet boundary_;
  std::vector<Entry> heap_;
  std::unordered_map<git_oid, Seen, OidHash, OidEqual> seen_;
  size_t interesting_ = 0;  // queued entries not hidden
  uint64_t order_ = 0;
  std::vector<std::string> problems_;
};

}  // namespace assay::history
