// The files two trees differ in, found the way git finds them: subtrees
// whose ids are equal are not opened, so the cost follows the size of the
// change, not the size of the tree. File contents are never read. Trees are
// read as raw objects from the object database and their entries compared
// in place: this is the inner loop of the history walk.
// Internal to host/history (includes libgit2's types).
#pragma once

#include <git2/oid.h>
#include <git2/types.h>

#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "history/oid_hash.h"

namespace assay::history {

struct FileChange {
  enum class Kind { added, modified, deleted, renamed };
  Kind kind = Kind::modified;
  std::string old_path;  // "" when added
  std::string new_path;  // "" when deleted
  git_oid old_id{};      // zero when added
  git_oid new_id{};      // zero when deleted
};

// What the diff left out, for the report's notes.
struct SkippedPaths {
  std::set<std::string> submodules;  // gitlinks that changed (never descended into)
};

class PackReader;

// Raw tree objects read by the last two diffs. In a walk, the trees of a
// commit's parent become the "new" side of the next diff: each tree is read
// once (libgit2's own object cache is not used by the walk; see
// IndexBuilder). Trees come from `packs` when it holds them, otherwise
// from libgit2's object database.
class TreeCache {
 public:
  using Bytes = std::shared_ptr<const std::string>;
  // `packs` may be null (every tree read through `odb`).
  TreeCache(git_odb* odb, PackReader* packs) : odb_(odb), packs_(packs) {}
  // The raw tree `id`; throws HistoryError naming it (and `where`, a path)
  // when it cannot be read or is not a tree.
  Bytes read(const git_oid& id, const std::string& where);
  // Forgets what the diff before last read.
  void next_generation();

 private:
  Bytes read_object(const git_oid& id, const std::string& place);

  using Map = std::unordered_map<git_oid, Bytes, OidHash, OidEqual>;
  git_odb* odb_;
  PackReader* packs_;
  Map current_;
  Map previous_;
};

// The regular files (mode 100644 or 100755) that differ between the trees
// `old_tree` and `new_tree`, either of which may be NULL (an empty tree). A
// deleted and an added file with the same non-empty content are paired into
// one exact rename. Symbolic links are not files here; submodules are
// recorded in `skipped` and not descended into. Changes come in git's tree
// order. Throws HistoryError naming the tree when a tree cannot be read or
// is malformed.
std::vector<FileChange> diff_trees(TreeCache& trees, const git_oid* old_tree, const git_oid* new_tree,
                                   SkippedPaths& skipped);

}  // namespace assay::history
