// The history in a scan: opened before the scanners run (so that their
// history calls are lookups), and what the scoring stage takes from it for
// every finding: the hotspot multiplier of the finding's file and the age of
// the line the finding's origin names.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "scan/history_note.h"
#include "scoring/model.h"

namespace assay {
struct Finding;
}
namespace assay::config {
class Config;
}
namespace assay::repo {
class RepoView;
}
namespace assay::history {
class CacheReadAhead;
class HistoryService;
}

namespace assay::scan {

// Opens the history of `repo` as the `history` section configures it, with
// `now` (seconds since the epoch) anchoring the window. A configuration the
// history cannot use is reported (logged) and the history left out; the
// scan goes on without it.
// `cache_ahead`: the history cache as read_history_cache_ahead() started
// reading it, or nullptr.
std::unique_ptr<history::HistoryService> open_history(const config::Config& config,
                                                      const repo::RepoView& repo, int64_t now,
                                                      const std::atomic<bool>& cancel,
                                                      history::CacheReadAhead* cache_ahead = nullptr);

// Starts reading the history cache file the `history` section names, on a
// thread, while the scan target is still being listed (CacheReadAhead). A
// relative cache_file is taken from `root`, the scan path, which is the
// repository's root unless a subdirectory is scanned (then the read is not
// used). nullptr when there is no cache file to read.
std::unique_ptr<history::CacheReadAhead> read_history_cache_ahead(const config::Config& config,
                                                                 const std::filesystem::path& root);

struct FindingHistory {
  scoring::FileContext context;
  HistoryNote note;
};

// The file context of one finding:
//  - hotspot multiplier: the host's, of the finding's file (1 when the file
//    is not in the scan target or there is no history);
//  - age_days: whole days from the origin time the scanner stated in the
//    finding's details ("origin": {"state", "commit", "author", "time"}) to
//    `now`; 0 for an uncommitted line; unknown without an origin time.
// A malformed origin is ignored (the finding is still scored). Thread-safe.
FindingHistory finding_history(const Finding& finding, const history::HistoryService* history, int64_t now);

}  // namespace assay::scan
