// The lifecycle of backlog items across scans: each scan's items are merged
// into the store as new, still open, reopened, or (absent from a complete
// scan) resolved. docs/state.md describes the rules; this is their one
// implementation, the same for every backend.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "state/records.h"
#include "state/state_store.h"

namespace assay::state {

// One item a scan found, as the lifecycle needs it. The text is viewed, not
// copied: it stays with the scan's own items (tens of thousands of them),
// which must outlive the merge.
struct ScanItem {
  std::string_view fingerprint;
  std::string key_prefix;  // e.g. "TD": the prefix of its key if it is new
  std::string_view source;
  std::string_view rule;
  std::string_view category;
  std::string_view title;
  std::string_view path;
  std::string_view evidence;
  int64_t line_start = 0;
  int64_t line_end = 0;
  double effort_hours = 0;
  double value_usd = 0;
  double composite = 0;
};

// The items of one scan, by index in the scan's order. A scan's merge
// makes each from the scan's own item when asked, so tens of thousands of
// them are never held a second time.
class ScanItems {
 public:
  virtual ~ScanItems() = default;
  virtual size_t size() const = 0;
  // The `index`th item (index < size()); its text stays valid as long as
  // this does.
  virtual ScanItem operator[](size_t index) const = 0;
};

// ScanItems that are a vector's (`items` must outlive this).
class ScanItemList : public ScanItems {
 public:
  explicit ScanItemList(const std::vector<ScanItem>& items) : items_(items) {}
  size_t size() const override { return items_.size(); }
  ScanItem operator[](size_t index) const override { return items_[index]; }

 private:
  const std::vector<ScanItem>& items_;
};

// The scan itself.
struct ScanFacts {
  std::string scan_id;
  std::string repository_path;  // the repository's root: its identity in the store
  std::string repository_name;
  std::string target;  // working-tree | commit | directory
  std::string commit;  // "" when there is none
  int64_t started_at = 0;
  int64_t finished_at = 0;  // the time the scan's changes are recorded at
  // Scanners that ran to the end in this scan. Only their items can be
  // resolved: a scanner that failed, was cancelled or did not run resolves
  // nothing of its own.
  std::set<std::string> complete_scanners;
  std::vector<RunRecord> runs;
};

// What the lifecycle asks about the repository's history. Called inside the
// write transaction, with the commit of the repository's last merged scan.
class MergeContext {
 public:
  virtual ~MergeContext() = default;
  // True when this scan's commit is a strict ancestor of `last_commit`: the
  // scan looks back in history and is not merged (docs/state.md).
  virtual bool looks_back_from(const std::string& last_commit) = 0;
  // For items in files renamed since `last_commit`: the fingerprint each had
  // under its old path, by index into the scan's items. `vanished` are the
  // paths of open items where this scan found nothing: only a file among them
  // can have been renamed away. Not called when there are none.
  virtual std::unordered_map<size_t, std::string> previous_fingerprints(
      const std::string& last_commit, const std::set<std::string>& vanished) = 0;
};

// What became of one scan item.
struct ItemOutcome {
  std::string key;
  std::string status;         // new | open | reopened
  int64_t first_seen_at = 0;  // 0 when no merged scan has seen it (a look-back)
  bool renamed = false;       // matched through a rename of its file
};

struct MergeResult {
  int64_t repository_id = 0;
  ScanRecord scan;                   // as recorded, with the backlog after it
  std::vector<ItemOutcome> items;    // one per scan item, in the same order
  std::vector<ItemRecord> resolved;  // items this scan resolved, as stored
};

// Merges one scan into the store through `writer` (inside its transaction).
MergeResult merge_scan(StateWriter& writer, const ScanFacts& facts, const ScanItems& items,
                       MergeContext& context);
MergeResult merge_scan(StateWriter& writer, const ScanFacts& facts, const std::vector<ScanItem>& items,
                       MergeContext& context);

// "TD-014": a key from its prefix and number, at least three digits.
std::string format_key(const std::string& prefix, int64_t number);

}  // namespace assay::state
