// Brings the history index up to date with a commit: from the cache file
// when it still describes the repository (walking only the commits added
// since, or nothing when the tip is unchanged), otherwise by one walk of the
// whole history (or of the configured window).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "history/history_cache.h"
#include "history/history_index.h"

namespace assay::history {
class CacheReadAhead;
}

namespace assay::history {

struct BuildRequest {
  std::string git_dir;  // the repository's git directory
  ObjectId tip;         // the commit whose history is wanted
  // Oldest committer time to walk (now - window); nullopt = whole history.
  std::optional<int64_t> since;
  bool first_parent = false;
  std::filesystem::path cache_file;  // empty: no cache
  // The cache file as read ahead (used when it is cache_file), or nullptr.
  CacheReadAhead* cache_ahead = nullptr;
  const std::atomic<bool>* cancel = nullptr;
};

struct BuildReport {
  enum class Mode { cold, incremental, unchanged };
  Mode mode = Mode::cold;
  uint64_t walked_commits = 0;  // commits walked by this build
  uint64_t cached_commits = 0;  // commits taken from the cache
  // Why the cache was not used ("" when it was used or there was none).
  std::string cache_problem;
  // Unreadable objects (each names its object); their commits were skipped.
  std::vector<std::string> problems;
  bool shallow = false;           // the repository is a shallow clone
  bool stopped_at_since = false;  // the window ended the walk
  bool cancelled = false;
  std::set<std::string> submodules;  // submodule paths seen changing, skipped
  double seconds = 0;                // wall time of the build
  double cpu_seconds = 0;            // CPU time of the build (it runs on one thread)
};

// "cold", "incremental" or "unchanged".
const char* to_string(BuildReport::Mode mode);

struct BuiltIndex {
  std::shared_ptr<const HistoryIndex> index;
  std::vector<CachedOrigins> origins;  // from the cache, when it was used
  BuildReport report;
};

// Opens the repository at request.git_dir and builds the index. Throws
// HistoryError when the repository cannot be opened or the walk cannot
// start at all (the tip is unreadable); objects that cannot be read during
// the walk are reported instead.
BuiltIndex build_index(const BuildRequest& request);

}  // namespace assay::history
