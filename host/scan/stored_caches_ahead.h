// The file-local scanners' findings caches, read from the state store and
// decoded on a thread of their own while the history is built: on a rescan
// of an unchanged tree the cached findings are most of what the scanners
// stage hands on, and reading them needs nothing the history decides (which
// rows are used does; the plan picks them afterwards, ScannerCache::plan).
//
// Thread-safety: take() and the destructor are called from the thread that
// started the reading. The store is used by the reading thread only until
// the first take() returns; nothing else may use it meanwhile.
#pragma once

#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "scan/scanner_cache.h"

namespace assay::scan {

class StateStage;

class StoredCachesAhead {
 public:
  // A scanner whose cache is read, and what a usable cache of it was
  // written with (its rows are decoded only then).
  struct Wanted {
    std::string scanner;
    std::string version;
    std::string config_digest;
  };

  // Starts reading the caches of `wanted` in the store of `state` for the
  // repository at `repository_path`. Both must outlive this.
  StoredCachesAhead(StateStage& state, std::string repository_path, std::vector<Wanted> wanted);
  // Waits for the reading to end.
  ~StoredCachesAhead();
  StoredCachesAhead(const StoredCachesAhead&) = delete;
  StoredCachesAhead& operator=(const StoredCachesAhead&) = delete;

  // The stored cache of `scanner`, once; nullopt when it was not wanted or
  // was taken before. Waits for the reading to end, then rethrows what it
  // threw (ScanFailed when the store cannot be read).
  std::optional<StoredCache> take(const std::string& scanner);

 private:
  void read_all(StateStage& state, const std::string& repository_path, const std::vector<Wanted>& wanted);

  std::map<std::string, StoredCache> read_;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace assay::scan
