// Opening a scan's target: where it is, where its reports go, and the view of
// its files. The CLI starts the opening on a thread of its own before it loads
// the plugins, since listing a large work tree is the longest step before the
// scanners run (ScanOptions::early_target); run() opens it itself otherwise.
#pragma once

#include <filesystem>
#include <memory>

#include "scan/scan_runner.h"

namespace assay::repo {
class RepoView;
}

namespace assay::scan {

// The absolute, normalised scan path (a trailing '/' dropped). Throws
// ScanFailed when it cannot be made absolute.
std::filesystem::path scan_path_of(const ScanOptions& options);

// Where the reports of a scan of `path` go (--out, or PATH/.assay).
std::filesystem::path out_dir_of(const ScanOptions& options, const std::filesystem::path& path);

// Opens the target as a scan with `options` does: exclude rules from
// `config`, the output directory never scanned. Throws ScanFailed.
std::unique_ptr<repo::RepoView> open_scan_target(const ScanOptions& options, const config::Config& config);

// A target being opened on another thread.
class EarlyTarget {
 public:
  // Starts opening what open_scan_target would; `config` is read here, on
  // the caller's thread only. Errors wait for take().
  static std::shared_ptr<EarlyTarget> start(const ScanOptions& options, const config::Config& config);
  // Waits until the target is open, if it is not yet.
  ~EarlyTarget();
  EarlyTarget(const EarlyTarget&) = delete;
  EarlyTarget& operator=(const EarlyTarget&) = delete;

  // The opened view, once; rethrows what opening threw (ScanFailed).
  std::unique_ptr<repo::RepoView> take();

 private:
  struct Pending;
  explicit EarlyTarget(std::unique_ptr<Pending> pending);
  std::unique_ptr<Pending> pending_;
};

}  // namespace assay::scan
