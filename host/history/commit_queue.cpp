#include "history/commit_queue.h"

#include <git2.h>

#include <algorithm>

#include "history/history_error.h"
#include "history/pack_reader.h"
#include "repo/git_error.h"
#include "repo/git_handles.h"

namespace assay::history {

namespace {
constexpr int kCommitType = 1;  // git's object type number of a commit
}  // namespace

CommitQueue::CommitQueue(git_repository* repository, PackReader* packs, bool first_parent, OidSet boundary)
    : repository_(repository), packs_(packs), first_parent_(first_parent), boundary_(std::move(boundary)) {}

std::optional<CommitRecord> CommitQueue::read(const git_oid& id) {
  if (packs_ != nullptr) {
    try {
      std::optional<PackedObject> object = packs_->read(id.id);
      if (object && object->type == kCommitType) {
        if (std::optional<CommitRecord> record = parse_commit(id, *object->bytes)) return record;
      }
    } catch (const HistoryError&) {
      // libgit2 reads it again below and says what is wrong with it.
    }
  }
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repository_, &id) != 0) return std::nullopt;
  repo::CommitPtr commit(raw);
  return record_of(commit.get());
}

void CommitQueue::push_tip(const git_oid& tip) {
  if (!read(tip)) throw HistoryError("cannot read commit " + repo::oid_hex(tip) + ": " + repo::last_git_error());
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
  std::optional<CommitRecord> commit = read(id);
  if (!commit) {
    if (!hidden) {
      problems_.push_back("cannot read commit " + repo::oid_hex(id) +
                          (child ? " (a parent of " + repo::oid_hex(*child) + ")" : std::string()) + ": " +
                          repo::last_git_error());
    }
    return;
  }
  flags = static_cast<uint8_t>(kQueued | kRead | (hidden ? kHidden : 0));
  it->second.tree = commit->tree;
  if (!hidden) ++interesting_;
  const int64_t time = commit->commit_time;
  heap_.push_back({time, order_++, std::move(*commit)});
  std::push_heap(heap_.begin(), heap_.end(), Later());
}

std::optional<git_oid> CommitQueue::tree_of(const git_oid& commit) const {
  auto it = seen_.find(commit);
  if (it == seen_.end() || !(it->second.flags & kRead)) return std::nullopt;
  return it->second.tree;
}

bool CommitQueue::on_boundary(const git_oid& commit) const { return boundary_.count(commit) != 0; }

void CommitQueue::push_parents(const CommitRecord& commit, bool hidden) {
  if (on_boundary(commit.id)) return;
  const size_t parents = first_parent_ ? std::min<size_t>(1, commit.parents.size()) : commit.parents.size();
  for (size_t i = 0; i < parents; ++i) push(commit.parents[i], hidden, &commit.id);
}

std::optional<CommitRecord> CommitQueue::next() {
  // Hidden commits are walked only as far as they may still hide a waiting
  // interesting one.
  while (interesting_ > 0 && !heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), Later());
    Entry entry = std::move(heap_.back());
    heap_.pop_back();
    uint8_t& flags = seen_[entry.commit.id].flags;
    flags = static_cast<uint8_t>(flags & ~kQueued);
    const bool hidden = (flags & kHidden) != 0;
    if (!hidden) --interesting_;
    push_parents(entry.commit, hidden);
    if (!hidden) return std::move(entry.commit);
  }
  return std::nullopt;
}

}  // namespace assay::history
