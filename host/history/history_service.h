// What the scan knows about the history of its target: the index of the
// scanned commit, per-file facts and hotspot multipliers for the files of
// the scan target, and line origins computed on demand. One per scan; it is
// what the host API's history functions answer from.
//
// open() never throws: a target without history (a plain directory, an
// unborn HEAD, history disabled) or a history that cannot be walked gives a
// service that is not available() and says why in reason(). After open(),
// every member may be called from any number of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "history/history_index.h"
#include "history/history_options.h"
#include "history/index_builder.h"
#include "history/origin_runs.h"

struct git_repository;

namespace assay::repo {
class RepoView;
}

namespace assay::history {

struct LineOrigin {
  enum class Kind {
    committed,       // the line entered the file at `commit`
    at_or_before,    // the line was there at `commit`; the walked history ends there
    before_history,  // the file did not change in the walked history
    uncommitted,     // the line is not in the scanned commit (working tree)
    no_such_line,    // the file or line is outside the scan target (`problem`)
    unavailable      // no history, or the file's versions cannot be diffed (`problem`)
  };
  Kind kind = Kind::unavailable;
  std::optional<uint32_t> commit;  // index into index().commits()
  std::string problem;
};

// The hotspot multiplier of one file and what it was computed from.
struct Hotspot {
  double multiplier = 1.0;
  uint32_t commits = 0;       // the file's commits in the window
  double median_commits = 0;  // over the scanned files that changed in the window
};

class HistoryService {
 public:
  // `view` must outlive the service. `now` (seconds since the epoch) anchors
  // the window; `cancel` may stop the walk. `cache_ahead`: the cache file
  // as read ahead (used when it is the configured one), or nullptr.
  static std::unique_ptr<HistoryService> open(const repo::RepoView& view, const HistoryOptions& options,
                                              int64_t now, const std::atomic<bool>* cancel,
                                              CacheReadAhead* cache_ahead = nullptr);
  ~HistoryService();
  HistoryService(const HistoryService&) = delete;
  HistoryService& operator=(const HistoryService&) = delete;

  bool available() const { return index_ != nullptr; }
  // Why there is no history; "" when available.
  const std::string& reason() const { return reason_; }
  const HistoryOptions& options() const { return options_; }
  int64_t now() const { return now_; }
  // The window start (committer time), nullopt for the whole history.
  std::optional<int64_t> since() const { return since_; }
  // Only while available().
  const HistoryIndex& index() const { return *index_; }
  const BuildReport& build_report() const { return report_; }

  // Facts of view.files()[file] in the window; nullptr when unavailable or
  // `file` is out of range.
  const FileFacts* facts(size_t file) const;
  // Multiplier 1 (and no counts) when unavailable or out of range.
  Hotspot hotspot(size_t file) const;
  // Index in view.files() of `path`, or nullopt.
  std::optional<size_t> file_index(std::string_view path) const;

  // Origin of 1-based `line` of view.files()[file]. The origins of all
  // lines of the file are computed on the first call (and cached by the
  // file's blob id, also in the cache file); later calls are lookups.
  LineOrigin line_origin(size_t file, uint32_t line);

  // 40-hex id and "Name <email>" of a commit; valid for the service's life.
  // Throws std::out_of_range for an index outside index().commits().
  const std::string& commit_text(uint32_t commit) const;
  const std::string& author_text(uint32_t commit) const;

  // What the report says about the history (docs/report-data.md).
  nlohmann::json summary() const;

  // Writes the cache file (index and the origins of the scanned files'
  // versions). A cache that cannot be written is logged, never fatal. Not
  // written after a cancelled walk or one with unreadable objects: the next
  // scan walks again.
  void save();

  // Frees the line origins held for the scan's files and their versions;
  // a later line_origin() computes them again. The scan calls it once its
  // scanners, the only callers of line_origin(), are done and save() has
  // written the origins to the cache: scoring, the state merge and the
  // reports, which need the index and the facts only, then run without them.
  // A save() after it writes nothing.
  void release_origins();

 private:
  struct Origins;  // the origins of one file's lines, or why there are none
  struct VersionKey {
    uint32_t name;
    ObjectId blob;
    bool operator==(const VersionKey&) const = default;
  };
  struct VersionKeyHash {
    size_t operator()(const VersionKey& key) const { return ObjectIdHash()(key.blob) ^ key.name; }
  };
  // The origins of one version of a file, attributed to the change of
  // commits()[producer] (see producing_commit()).
  struct Version {
    uint32_t producer;
    std::shared_ptr<const OriginRuns> lines;
  };
  class RepositoryPool;

  HistoryService(const repo::RepoView& view, const HistoryOptions& options, int64_t now);
  void build(const std::atomic<bool>* cancel, CacheReadAhead* cache_ahead);
  void log_build() const;
  void compute_facts();
  std::shared_ptr<const Origins> origins_of(size_t file);
  Origins compute_origins_of(size_t file);
  Origins working_tree_origins(size_t file, std::optional<uint32_t> name, git_repository* repository);
  // Origins of one version of a file, from the cache or computed.
  Origins version_origins(std::optional<uint32_t> name, const ObjectId& blob, git_repository* repository);
  // The cached origins of (name, blob) when they were computed for
  // `producer`; nullptr otherwise.
  std::shared_ptr<const OriginRuns> known_version(uint32_t name, const ObjectId& blob, uint32_t producer);

  const repo::RepoView& view_;
  HistoryOptions options_;
  int64_t now_;
  std::optional<int64_t> since_;
  std::string reason_;
  std::string cache_path_;
  std::shared_ptr<const HistoryIndex> index_;
  BuildReport report_;
  std::vector<FileFacts> facts_;
  std::vector<Hotspot> hotspots_;
  // Hex ids of the commits asked for, made on demand (a long history has
  // far more commits than any scan names), one slot per commit. A slot is
  // set once, without a lock (a racing thread drops its own copy), and its
  // text never moves; the service frees them.
  mutable std::unique_ptr<std::atomic<const std::string*>[]> commit_texts_;
  std::vector<std::string> author_texts_;
  std::unique_ptr<RepositoryPool> pool_;

  std::mutex mutex_;                                          // guards the caches below
  std::vector<std::shared_ptr<const Origins>> file_origins_;  // per file of the view
  std::unordered_map<VersionKey, Version, VersionKeyHash> versions_;
  std::unordered_set<VersionKey, VersionKeyHash> versions_used_;
  bool computed_versions_ = false;  // versions_ gained entries the cache lacks
  bool released_ = false;           // release_origins() was called
};

}  // namespace assay::history
