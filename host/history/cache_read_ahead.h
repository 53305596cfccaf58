// A history cache file read and decoded on a thread of its own before the
// scan target is listed: the repository's git directory and the file's
// exact path are known only once the target is open, but the file (megabytes
// on a long history) can be read meanwhile, on a core the listing leaves
// idle. The build then checks what was read as read_cache() would
// (check_cache) or, when the path turns out to be another, reads the file
// itself.
//
// Thread-safety: take() and the destructor are called from the thread that
// constructed it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include "history/history_cache.h"

namespace assay::history {

class CacheReadAhead {
 public:
  // Starts reading `file` (absolute, lexically normal).
  explicit CacheReadAhead(std::filesystem::path file);
  // Waits for the reading to end.
  ~CacheReadAhead();
  CacheReadAhead(const CacheReadAhead&) = delete;
  CacheReadAhead& operator=(const CacheReadAhead&) = delete;

  // What read_cache(file, git_dir) returns, when `file` is the file read
  // ahead and it was not taken before; nullopt otherwise. Waits for the
  // reading to end.
  std::optional<CacheRead> take(const std::filesystem::path& file, const std::string& git_dir);

 private:
  std::filesystem::path file_;
  std::optional<UncheckedCache> read_;
  std::thread thread_;
};

}  // namespace assay::history
