// One walk of the history into a HistoryIndex. Internal to host/history.
#pragma once

#include <git2/types.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "history/history_index.h"
#include "history/tree_changes.h"

namespace assay::history {

struct WalkRequest {
  ObjectId tip;
  // Commits reachable from here are already in the index: not walked.
  std::optional<ObjectId> known_tip;
  // Commits with an older committer time end the walk.
  std::optional<int64_t> since;
  // Follow only first parents; a merge on that line is then an ordinary
  // commit (diffed against its first parent, its changes counted).
  bool first_parent = false;
  bool shallow = false;  // the repository is a shallow clone
  const std::atomic<bool>* cancel = nullptr;
};

// Which file at the walked tip a name stands for, below the walked commits:
// a file renamed from A to B is B's history under the name A, and a name
// that was added (or deleted) stands for no file of the tip below that
// commit. A name not listed stands for itself.
class NameMap {
 public:
  // nullopt: the name stands for no file of the tip.
  std::optional<uint32_t> resolve(uint32_t name) const;
  void set(uint32_t name, std::optional<uint32_t> file) { map_[name] = file; }

 private:
  std::unordered_map<uint32_t, std::optional<uint32_t>> map_;
};

struct WalkReport {
  uint64_t commits = 0;           // commits walked
  uint64_t changes = 0;           // file changes recorded
  bool stopped_at_since = false;  // the window ended the walk
  bool reached_shallow_boundary = false;
  bool cancelled = false;
  // Objects that could not be read, each naming the object; their commits
  // were skipped (or, when the walk itself could not go on, it ended there).
  std::vector<std::string> problems;
  SkippedPaths skipped;
};

// Walks the commits reachable from request.tip (and not from known_tip)
// newest first by committer time, diffs each against its first parent (a
// root commit against the empty tree; merges too, so that renames and
// merged content are seen, their changes flagged by the commit's
// parent_count) and appends commits and changes to `index`. `names` starts
// as the caller's map (empty for a fresh index) and ends as the map below
// the oldest walked commit. Never throws for unreadable objects: they are
// reported in WalkReport::problems.
WalkReport walk_history(git_repository* repository, const WalkRequest& request, HistoryIndex& index,
                        NameMap& names);

}  // namespace assay::history
