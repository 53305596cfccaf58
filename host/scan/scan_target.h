// The host side of the scan functions of the plugin ABI: what a scanner sees
// of the repository while its scanner_scan runs. One assay_scan exists per
// scanner run; all of them share the repository view and the worker pool.
#pragma once

#include <assay/plugin.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace boost::asio {
class thread_pool;
}
namespace assay::repo {
class RepoView;
}
namespace assay::bus {
class FindingSender;
}
namespace assay::scan {
class AssessmentInbox;
class FindingRecorder;
}  // namespace assay::scan
namespace assay::history {
class HistoryService;
}
namespace assay::plugin_cache {
class PluginCache;
}

// Defined at global scope to match the opaque type of plugin.h.
struct assay_scan {
  const assay::repo::RepoView* repo = nullptr;
  boost::asio::thread_pool* pool = nullptr;
  size_t workers = 1;
  const std::atomic<bool>* cancelled = nullptr;
  assay::bus::FindingSender* sender = nullptr;
  // The history of the scan target; NULL or not available() when it has none.
  assay::history::HistoryService* history = nullptr;
  std::string plugin;
  std::string root;
  std::string commit;
  // Findings the host refused (malformed); counted and logged, never fatal.
  std::atomic<uint64_t> rejected{0};
  std::atomic<uint64_t> files_read{0};
  std::function<void(assay_log_level, const std::string&)> log;
  // Where report_assessment delivers; shared by the scan's scanners.
  assay::scan::AssessmentInbox* assessments = nullptr;
  // The files this scanner is given, as indexes into repo->files() in
  // ascending order; nullptr: all of them. An incremental run of a
  // file-local scanner sees only the files whose cached findings cannot be
  // used (scan/finding_cache.h).
  const std::vector<size_t>* files = nullptr;
  // Records the files a file-local scanner could not read, for the
  // findings cache; nullptr when its findings are not cached.
  assay::scan::FindingRecorder* recorder = nullptr;
  // The scan's plugin cache (cache_get, cache_put); nullptr: no cache.
  assay::plugin_cache::PluginCache* plugin_cache = nullptr;
  std::string plugin_version;  // the scanner's version: its cache entries are kept per version
};

namespace assay::scan {

// The scan functions of assay_host_api (file_count … scan_commit, the
// history functions and report_assessment of API 1.1, commits_since of 1.3,
// cache_get and cache_put of 1.4); the other members are
// left for the loader to fill.
assay_host_api scan_functions();

// The number of files the scanner of `scan` is given.
size_t target_file_count(const assay_scan* scan);
// The index in scan->repo->files() of the scanner's file `index`, or
// nullopt when it has no such file.
std::optional<size_t> repo_file_index(const assay_scan* scan, size_t index);

}  // namespace assay::scan
