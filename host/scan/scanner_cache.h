// The findings cache of one file-local scanner in one scan (docs/state.md,
// "Findings cache"): which files the scanner is given, which cached findings
// are replayed for the others, and what the run leaves in the cache.
//
// Incremental only when nothing is in doubt: a cache written by the same
// scanner version with the same configuration digest, every row readable.
// Otherwise the scanner reads every file and the reason is logged. A row is
// used for a file only when its content and history context keys match.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "finding/finding.h"
#include "scan/backlog.h"
#include "scan/file_keys.h"
#include "scan/finding_recorder.h"
#include "scan/scan_runner.h"
#include "state/records.h"

namespace assay::repo {
class RepoView;
}
namespace assay::state {
class StateWriter;
}

namespace assay::scan {

// The findings of one stored row, decoded ahead of the plan (problem says
// why they could not be; "" when they could).
struct DecodedRow {
  std::vector<Finding> findings;
  std::string problem;
};

// What the store holds for one scanner's findings cache (record nullopt: no
// cache), as read for a plan.
struct StoredCache {
  std::optional<state::FindingCacheRecord> record;
  std::vector<state::CachedFileRecord> rows;
  // The findings of every row, by row, when they were decoded ahead (see
  // decode_rows); empty otherwise, and the plan decodes the rows it uses.
  std::vector<DecodedRow> decoded;
};

// Decodes the findings of every row of `stored` into stored.decoded, each
// checked to be `scanner`'s and its row's file's. Reads nothing else: may
// run on any thread.
void decode_rows(StoredCache& stored, const std::string& scanner);

class ScannerCache {
 public:
  // `keys` are file_keys() of `repo`; both must outlive this.
  ScannerCache(std::string scanner, std::string version, std::string config_digest,
               const repo::RepoView& repo, const std::vector<FileKey>& keys);

  // Plans the run from what the store holds for the scanner.
  void plan(StoredCache stored);
  // The version and configuration digest a usable cache was written with.
  const std::string& version() const { return version_; }
  const std::string& config_digest() const { return config_digest_; }
  // Plans a run over every file, for `reason`.
  void plan_full(const std::string& reason);

  const std::string& scanner() const { return scanner_; }
  // The files to give the scanner (indexes into repo.files()), or nullptr
  // for all of them.
  const std::vector<size_t>* files() const { return incremental_ ? &scan_files_ : nullptr; }
  // The cached findings of the files the scanner is not given, until
  // take_replay() hands them over.
  const std::vector<Finding>& replay() const { return replay_; }
  // Hands the findings to replay over (moved, not copied): replay() is
  // empty afterwards, while use() and store() still count them.
  std::vector<Finding> take_replay();
  FindingRecorder& recorder() { return recorder_; }
  CacheUse use() const;

  // Brings the store's cache up to date with the run (inside the state
  // transaction). The run's findings are read from `items`, the scan's
  // held items (those whose source is this scanner, each file's in the
  // order they arrived), so the run's findings are not held twice. A run
  // that did not end "ok", or that emitted a finding outside the files it
  // was given, leaves no cache: the next run reads every file. A file with
  // an unreadable part or an unscored finding gets no row: the next run
  // reads it again.
  void store(state::StateWriter& writer, int64_t repository_id, const std::string& scan_id,
             const std::string& run_status, const std::vector<BacklogItem>& items) const;

 private:
  // The scanner's items, ordered by path, then by arrival.
  using OwnItems = std::vector<const BacklogItem*>;
  // Of the items in the files `only` (sorted) when given, else of all.
  OwnItems own_items(const std::vector<BacklogItem>& items, const std::vector<std::string_view>* only) const;
  // The paths of the files given to the scanner, in order.
  std::vector<std::string_view> scanned_paths() const;
  // Why the rows cannot be used, or "" after adding them to the plan.
  std::string take_rows(StoredCache stored);
  // The path of one of the scanner's findings outside the `scanned` files
  // (the least such path), or nullopt.
  std::optional<std::string> stray_path(const std::vector<BacklogItem>& items,
                                        const std::vector<std::string_view>& scanned) const;
  // Whether the run gives scanned file `file` a row, and that row (nullopt
  // when it has none).
  bool has_fresh_row(size_t file) const;
  std::optional<state::CachedFileRecord> fresh_row(size_t file, const OwnItems& own) const;
  // One row of the run's view of the cache: a replayed file's row as
  // planned from (`reused`), or else scanned file `file`'s fresh row.
  struct ViewRow {
    std::string_view path;
    const state::CachedFileRecord* reused;
    size_t file;
  };
  // Every row of the run's view, ordered by path.
  std::vector<ViewRow> view_rows() const;
  // Whether `stored` holds what `row` would write; `text` is scratch space
  // for a fresh row's findings.
  bool row_matches(const ViewRow& row, const state::CachedFileView& stored, const OwnItems& own,
                   std::string& text) const;
  // Writes the run's whole view of the cache (not based on the planned-from
  // cache); `update` writes only the scanned files' rows and deletions.
  void rewrite(state::StateWriter& writer, int64_t repository_id, const OwnItems& own) const;
  void update(state::StateWriter& writer, int64_t repository_id, const OwnItems& own) const;

  std::string scanner_;
  std::string version_;
  std::string config_digest_;
  const repo::RepoView& repo_;
  const std::vector<FileKey>& keys_;

  bool incremental_ = false;
  std::string reason_;
  std::optional<std::string> base_scan_;  // the cache's scan id as planned from
  std::vector<size_t> scan_files_;        // given to the scanner when incremental
  std::vector<Finding> replay_;
  std::vector<state::CachedFileRecord> reused_;  // rows of the replayed files, in path order
  std::vector<size_t> replayed_at_;              // findings replayed from each of reused_
  size_t replayed_ = 0;                          // findings replayed in all
  std::vector<std::string> old_paths_;           // every path the planned-from cache held, in order
  FindingRecorder recorder_;
};

}  // namespace assay::scan
