// The history index: what one walk of the history learned about every file
// of the walked tip, in memory. Built by IndexBuilder (a walk, possibly on
// top of a cached index), read by the scan through HistoryService.
//
// Not thread-safe while it is being built; once built, every const member
// may be called from any number of threads.
#pragma once

#include <cstdint>
#include <deque>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "history/object_id.h"

namespace assay::history {

struct Author {
  std::string name;
  std::string email;
  // "Name <email>"
  std::string display() const { return name + " <" + email + ">"; }
};

struct Commit {
  ObjectId id;
  uint32_t author = 0;        // index into authors()
  int64_t author_time = 0;    // seconds since the epoch, UTC
  int64_t commit_time = 0;    // committer time; the window is measured on it
  uint32_t parent_count = 0;  // 0 for a root commit or a shallow boundary
  // On the boundary of a shallow clone: its parents are not in the
  // repository, so what it changed is unknown. Its tree is where the walked
  // history starts; its "changes" (every file looks added) are not counted.
  bool boundary = false;
};

// How a commit changed a file. A deletion ends a file's history (the name
// may later be reused by another file) and is therefore not a change of any
// file at the tip.
enum class ChangeKind : uint8_t { added = 0, modified = 1, renamed = 2 };

// One commit's change to one file, as the tree diff saw it. Merge commits
// are diffed against their first parent.
struct Change {
  uint32_t commit = 0;  // index into commits()
  uint32_t name = 0;    // the file's path in this commit (index into names())
  ObjectId old_blob;    // content before; zero when added
  ObjectId new_blob;    // content after
  ChangeKind kind = ChangeKind::modified;
};

// What counts when facts are asked for.
struct FactWindow {
  // Changes by commits whose committer time is earlier do not count.
  std::optional<int64_t> since;
  // Merge commits count as changes (first-parent walks, where a merge is the
  // only commit that brings a branch's work); otherwise they are skipped.
  bool count_merges = false;
};

// Per-file facts over a window.
struct FileFacts {
  uint32_t commits = 0;               // commits that changed the file
  uint32_t authors = 0;               // distinct authors of those commits
  int64_t first_change = 0;           // author time of the oldest, 0 when commits == 0
  int64_t last_change = 0;            // author time of the newest, 0 when commits == 0
  std::vector<uint32_t> commit_list;  // indexes into commits(), newest first
};

// What an index was built from; a cached index is reused only when the
// repository still matches it (see IndexBuilder).
struct Provenance {
  ObjectId tip;                  // the commit walked from (zero: nothing walked)
  std::optional<int64_t> since;  // oldest committer time walked, nullopt = whole history
  bool first_parent = false;
  // The repository was shallow and this is a digest of its shallow file, so
  // that a deepened clone is walked again.
  bool shallow = false;
  uint64_t shallow_digest = 0;
};

class HistoryIndex {
 public:
  HistoryIndex() = default;
  // Moves keep every name where it is (name_index_ views them); a copy
  // would view the names of the original, so there is none.
  HistoryIndex(HistoryIndex&&) = default;
  HistoryIndex& operator=(HistoryIndex&&) = default;
  HistoryIndex(const HistoryIndex&) = delete;
  HistoryIndex& operator=(const HistoryIndex&) = delete;

  // --- building ---

  uint32_t add_commit(const Commit& commit);
  // Makes room for `count` commits in all (a cached index is read with its
  // commit count known up front).
  void reserve_commits(size_t count) { commits_.reserve(count); }
  // Two authors with the same e-mail address (ignoring case) are one
  // author, shown under the name first seen; without an address, the name
  // tells them apart.
  uint32_t intern_author(std::string_view name, std::string_view email);
  uint32_t intern_name(std::string_view path);
  // Appends a change of the file named `file` (a path at the tip); changes
  // are appended newest first.
  void add_change(uint32_t file, const Change& change);
  // Appends `changes` (older than any the file has) to the file `file`.
  void add_changes(uint32_t file, std::vector<Change>&& changes);
  // Takes every file's changes out of the index, keyed by file name index;
  // commits, authors and names stay. An incremental walk takes the cached
  // files out, walks the new commits into the index, then gives the cached
  // changes back under the files' new names (add_changes).
  std::unordered_map<uint32_t, std::vector<Change>> take_files();

  void set_provenance(const Provenance& provenance) { provenance_ = provenance; }
  // Keeps only the files `keep` says yes to (e.g. those present at the tip).
  template <class Pred>
  void keep_files(Pred keep) {
    for (auto it = files_.begin(); it != files_.end();) {
      it = keep(names_[it->first]) ? std::next(it) : files_.erase(it);
    }
  }
  // Gives back the capacity the lists grew by while they were built
  // (vectors grow by doubling): the index lives for the whole scan.
  void release_spare_capacity();

  // --- reading ---

  const Provenance& provenance() const { return provenance_; }
  const std::vector<Commit>& commits() const { return commits_; }
  const std::vector<Author>& authors() const { return authors_; }
  const std::deque<std::string>& names() const { return names_; }
  // Index of `path` in names(), or nullopt when the index never saw it.
  std::optional<uint32_t> find_name(std::string_view path) const;
  // Changes of the file at `path` (a path at the tip), newest first; empty
  // when none was walked.
  const std::vector<Change>& changes(std::string_view path) const;
  const std::vector<Change>& changes_of(uint32_t file) const;
  // Names (indexes into names()) of every file that has changes.
  std::vector<uint32_t> files() const;
  size_t file_count() const { return files_.size(); }
  size_t change_count() const;

  FileFacts facts(std::string_view path, const FactWindow& window) const;

 private:
  Provenance provenance_;
  std::vector<Commit> commits_;
  std::vector<Author> authors_;
  std::unordered_map<std::string, uint32_t> author_by_email_;
  // A deque: its strings never move as it grows, so the index below views
  // them instead of holding every path a second time.
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, uint32_t> name_index_;
  std::unordered_map<uint32_t, std::vector<Change>> files_;
};

}  // namespace assay::history
