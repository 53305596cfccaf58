// The incremental part of a scan (docs/state.md, "Findings cache"): for
// every file-local scanner, a findings cache in the state store that lets
// the scanner read only the files that changed since its last complete run,
// while the cached findings of the others are replayed into the scoring
// stage as if emitted. Without the state store nothing is cached.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scan/file_keys.h"
#include "scan/scan_runner.h"
#include "scan/scanner_cache.h"
#include "scan/stored_caches_ahead.h"

namespace assay::loader {
struct PluginInfo;
}
namespace assay::state {
class StateWriter;
}

namespace assay::scan {

class StateStage;

class IncrementalStage {
 public:
  // `state` nullptr: the store is off and nothing is cached. `full`: every
  // scanner reads every file (--full); the caches are written all the same.
  // `ahead`: the caches as read_ahead() started reading them, or nullptr
  // (prepare() reads each then). Everything given must outlive the stage.
  IncrementalStage(const config::Config& config, const repo::RepoView& repo,
                   const history::HistoryService* history, StateStage* state, bool full,
                   std::unique_ptr<StoredCachesAhead> ahead = nullptr);
  ~IncrementalStage();

  // Starts reading the findings caches of the file-local ones among
  // `scanners` on a thread (see StoredCachesAhead), for a stage constructed
  // later with the same arguments; nullptr when nothing is to be read
  // (no store, --full, no file-local scanner). The store must not be used
  // otherwise until the stage has prepared a scanner or is destroyed.
  static std::unique_ptr<StoredCachesAhead> read_ahead(const config::Config& config, const repo::RepoView& repo,
                                                       StateStage* state, bool full,
                                                       const std::vector<const loader::PluginInfo*>& scanners);

  // The planned cache of a scanner about to run, or nullptr when the
  // scanner is not file-local or the store is off. Throws ScanFailed when
  // the store cannot be read.
  ScannerCache* prepare(const loader::PluginInfo& info);

  // Brings the caches up to date with the scanners' runs, whose findings
  // `items` (the scan's held items) hold; call inside the state transaction
  // of the scan.
  void store(state::StateWriter& writer, int64_t repository_id, const std::string& scan_id,
             const std::vector<PluginRun>& runs, const std::vector<BacklogItem>& items) const;

 private:
  // Why no cache may be used in this scan, or "".
  std::string doubt() const;

  const config::Config& config_;
  const repo::RepoView& repo_;
  const history::HistoryService* history_;
  StateStage* state_;
  bool full_;
  // Whether a cache may be written: not from an incomplete history.
  bool writable_ = true;
  std::unique_ptr<StoredCachesAhead> ahead_;
  std::optional<std::vector<FileKey>> keys_;  // computed for the first file-local scanner
  std::vector<std::unique_ptr<ScannerCache>> caches_;
};

}  // namespace assay::scan
