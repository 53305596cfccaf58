#include "history/commit_queue.h"

#include <git2.h>

#include <algorithm>

#include "history/history_error.h"
#include "repo/git_error.h"

namespace assay::history {

CommitQueue::CommitQueue(git_repository* repository, bool first_parent, OidSet boundary)
    : repository_(repository), first_parent_(first_parent), boundary_(std::move(boundary)) {}

void CommitQueue::push_tip(const git_oid& tip) {
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repository_, &tip) != 0)
    throw HistoryError("cannot read commit " + repo::oid_hex(tip) + ": " + repo::last_git_error());
  git_commit_free(raw);
  push(tip, false, nullptr);
}

void CommitQueue::hide(const git_oid& known) { push(known, true, nullptr); }

void CommitQueue::push(const git_oid& id, bool hidden, const git_oid* child) {
  auto [it, inserted] = seen_.try_emplace(id);
  uint8_t& flags = it->second.flags;
  if (!inserted) {
    // Reached again from a hidden commit: hide it if it still waits.
    if (hidden && (flags & kQueued) && !(flags & kHidden)) {
      flags |= kHidden;
      --interesting_;
    }
    return;
  }
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repository_, &id) != 0) {
    if (!hidden) {
      problems_.push_back("cannot read commit " + repo::oid_hex(id) +
                          (child ? " (a parent of " + repo::oid_hex(*child) + ")" : std::string()) + ": " +
                          repo::last_git_error());
    }
    return;
  }
  repo::CommitPtr commit(raw);
  flags = static_cast<uint8_t>(kQueued | kRead | (hidden ? kHidden : 0));
  it->second.tree = *git_commit_tree_id(commit.get());
  if (!hidden) ++interesting_;
  heap_.push_back({git_commit_time(commit.get()), order_++, std::move(commit)});
  std::push_heap(heap_.begin(), heap_.end(), Later());
}

std::optional<git_oid> CommitQueue::tree_of(const git_oid& commit) const {
  auto it = seen_.find(commit);
  if (it == seen_.end() || !(it->second.flags & kRead)) return std::nullopt;
  return it->second.tree;
}

bool CommitQueue::on_boundary(const git_commit* commit) const {
  return boundary_.count(*git_commit_id(commit)) != 0;
}

void CommitQueue::push_parents(const git_commit* commit, bool hidden) {
  if (on_boundary(commit)) return;
  const unsigned parents =
      first_parent_ ? std::min(1u, git_commit_parentcount(commit)) : git_commit_parentcount(commit);
  for (unsigned i = 0; i < parents; ++i)
    push(*git_commit_parent_id(commit, i), hidden, git_commit_id(commit));
}

repo::CommitPtr CommitQueue::next() {
  // Hidden commits are walked only as far as they may still hide a waiting
  // interesting one.
  while (interesting_ > 0 && !heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), Later());
    Entry entry = std::move(heap_.back());
    heap_.pop_back();
    uint8_t& flags = seen_[*git_commit_id(entry.commit.get())].flags;
    flags = static_cast<uint8_t>(flags & ~kQueued);
    const bool hidden = (flags & kHidden) != 0;
    if (!hidden) --interesting_;
    push_parents(entry.commit.get(), hidden);
    if (!hidden) return std::move(entry.commit);
  }
  return nullptr;
}

}  // namespace assay::history
