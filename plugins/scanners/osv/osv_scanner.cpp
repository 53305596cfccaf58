// The osv scanner plugin: reads the repository's dependency lockfiles and
// reports the packages a local OSV database lists as vulnerable, fully
// offline, through the SDK only.
#include <assay/plugin.hpp>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "advisory_database.h"
#include "finding_builder.h"
#include "lockfile/lockfile.h"
#include "osv_config.h"
#include "vulnerability_match.h"

namespace assay::osv {
namespace {

// Problems of one kind logged one by one before the rest are only counted.
constexpr size_t kMaxLoggedProblems = 20;

struct LockfileJob {
  size_t index;
  std::string path;
  LockfileFormat format;
};

struct ScanTally {
  std::atomic<size_t> lockfiles{0};
  std::atomic<size_t> dependencies{0};
  std::atomic<size_t> unmatchable{0};
  std::atomic<size_t> findings{0};
  std::atomic<size_t> refused{0};
  std::atomic<size_t> failed{0};
  std::atomic<bool> cancelled{false};
};

std::string directory_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

class OsvScanner : public sdk::Scanner {
 public:
  OsvScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(OsvConfig::parse(config_json)) {}

  void scan(sdk::Scan& scan) override {
    const AdvisoryDatabase& database = database_for(scan);
    const std::vector<LockfileJob> jobs = find_lockfiles(scan);
    ScanTally tally;
    scan.parallel_for(jobs.size(), [&](size_t i) { scan_lockfile(scan, database, jobs[i], tally); });
    host_.info(std::to_string(tally.findings) + " vulnerable packages in " + std::to_string(tally.lockfiles) +
               " lockfiles (" + std::to_string(tally.dependencies) + " dependencies checked, " +
               std::to_string(tally.unmatchable) + " entries without one registry version, " +
               std::to_string(tally.failed) + " lockfiles unreadable)");
    if (tally.refused > 0)
      host_.warn("the host refused " + std::to_string(tally.refused) +
                 " osv findings (its log says why); the scan went on without them");
  }

 private:
  sdk::Host host_;
  OsvConfig config_;
  std::mutex database_mutex_;
  std::string database_path_;
  std::unique_ptr<AdvisoryDatabase> database_;

  // The database, read on the first scan (documents parsed on the host's
  // worker threads) and kept for later scans of the same repository root.
  const AdvisoryDatabase& database_for(const sdk::Scan& scan) {
    std::lock_guard lock(database_mutex_);
    const std::string path = config_.database_path(scan.root());
    if (database_ && path == database_path_) return *database_;
    const ParallelFor parallel = [&scan](size_t count, const std::function<void(size_t)>& fn) {
      if (!scan.parallel_for(count, [&fn](size_t i) { fn(i); }))
        throw std::runtime_error("the scan was cancelled while the database was read");
    };
    try {
      database_ = std::make_unique<AdvisoryDatabase>(AdvisoryDatabase::load(path, parallel));
    } catch (const DatabaseError& e) {
      throw std::runtime_error("plugins.osv.database: " + std::string(e.what()));
    }
    database_path_ = path;
    log_database(*database_, path);
    return *database_;
  }

  void log_database(const AdvisoryDatabase& db, const std::string& path) const {
    const DatabaseStats& s = db.stats();
    host_.info(std::to_string(s.advisories) + " advisories indexed from " + path + " (" +
               std::to_string(s.documents) + " documents; ignored: " + std::to_string(s.withdrawn) +
               " withdrawn, " + std::to_string(s.other_ecosystems) + " of other ecosystems, " +
               std::to_string(s.superseded) + " older copies, " + std::to_string(s.malformed) +
               " malformed)");
    const auto& problems = db.problems();
    for (size_t i = 0; i < problems.size() && i < kMaxLoggedProblems; ++i)
      host_.warn("skipped " + problems[i].origin + ": " + problems[i].message);
    if (problems.size() > kMaxLoggedProblems)
      host_.warn("skipped " + std::to_string(problems.size() - kMaxLoggedProblems) +
                 " more malformed database files");
    if (s.advisories == 0)
      host_.warn("the OSV database at " + path + " holds no advisory of a supported ecosystem");
  }

  // The lockfiles of the scan target. go.sum is left out where go.mod sits
  // beside it: go.mod names the versions the build selects.
  std::vector<LockfileJob> find_lockfiles(const sdk::Scan& scan) const {
    std::vector<LockfileJob> jobs;
    std::set<std::string> go_mod_dirs;
    for (size_t i = 0; i < scan.file_count(); ++i) {
      const sdk::FileInfo info = scan.file(i);
      const std::optional<LockfileFormat> format = lockfile_format_for(info.path);
      if (!format) continue;
      if (info.size > config_.max_file_size) {
        host_.warn(std::string(info.path) + ": " + std::to_string(info.size) +
                   " bytes, more than max_file_size (" + std::to_string(config_.max_file_size) +
                   "); not read");
        continue;
      }
      if (*format == LockfileFormat::go_mod) go_mod_dirs.insert(directory_of(std::string(info.path)));
      jobs.push_back({i, std::string(info.path), *format});
    }
    std::erase_if(jobs, [&](const LockfileJob& job) {
      return job.format == LockfileFormat::go_sum && go_mod_dirs.count(directory_of(job.path)) != 0;
    });
    return jobs;
  }

  void scan_lockfile(const sdk::Scan& scan, const AdvisoryDatabase& database, const LockfileJob& job,
                     ScanTally& tally) const {
    if (tally.cancelled || scan.cancelled()) return;
    sdk::Blob blob(host_.api(), scan.raw());
    if (!scan.read(job.index, blob)) {
      ++tally.failed;
      return;
    }
    LockfileContents contents;
    try {
      contents = parse_lockfile(job.format, blob.view());
    } catch (const LockfileError& e) {
      ++tally.failed;
      host_.warn(job.path + ": not a readable " + format_name(job.format) + ": " + e.what());
      return;
    }
    ++tally.lockfiles;
    tally.dependencies += contents.dependencies.size();
    tally.unmatchable += contents.unmatchable;
    log_lines(job.path, contents.warnings, ASSAY_LOG_WARN);
    std::vector<std::string> notes;
    const std::vector<VulnerablePackage> vulnerable =
        match_dependencies(database, contents.dependencies, notes);
    log_lines(job.path, notes, ASSAY_LOG_DEBUG);
    const LockfileSource source{job.path, job.format, blob.view()};
    for (const VulnerablePackage& package : vulnerable) {
      const assay_status status = scan.emit(build_finding(package, source));
      if (status == ASSAY_CANCELLED) {
        tally.cancelled = true;
        return;
      }
      ++(status == ASSAY_OK ? tally.findings : tally.refused);
    }
  }

  void log_lines(const std::string& path, const std::vector<std::string>& lines,
                 assay_log_level level) const {
    for (size_t i = 0; i < lines.size() && i < kMaxLoggedProblems; ++i)
      host_.log(level, path + ": " + lines[i]);
    if (lines.size() > kMaxLoggedProblems)
      host_.log(level, path + ": " + std::to_string(lines.size() - kMaxLoggedProblems) + " more like these");
  }
};

}  // namespace
}  // namespace assay::osv

ASSAY_SCANNER_PLUGIN(assay::osv::OsvScanner, "osv", "1.0.0",
                     "Matches dependency lockfiles against a local OSV vulnerability database, offline",
                     assay::osv::osv_config_schema())
