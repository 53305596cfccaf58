// The sarif scanner plugin: reads the SARIF 2.1.0 files that plugins.sarif.paths
// names through the host's file API and emits one finding per result that
// is a problem (docs/configuration.md, "sarif").
#include <assay/plugin.hpp>
#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "line_hash_cache.h"
#include "sarif_config.h"
#include "sarif_reader.h"
#include "uri_resolver.h"

namespace assay::sarif {
namespace {

// Problems logged one by one per SARIF file; the rest are counted.
constexpr size_t kProblemsLoggedPerFile = 20;

struct Totals {
  std::atomic<size_t> files{0};
  std::atomic<size_t> unreadable{0};
  std::atomic<size_t> results{0};
  std::atomic<size_t> findings{0};
  std::atomic<size_t> refused_by_host{0};
  std::atomic<size_t> suppressed{0};
  std::atomic<size_t> baseline_filtered{0};
  std::atomic<size_t> not_a_problem{0};
  std::atomic<size_t> outside{0};
  std::atomic<size_t> malformed{0};
  std::atomic<size_t> problems{0};
  std::atomic<bool> cancelled{false};
};

// Emits a file's findings and logs its problems.
class EmittingEvents : public SarifEvents {
 public:
  EmittingEvents(const sdk::Scan& scan, const sdk::Host& host, std::string sarif_path, Totals& totals)
      : scan_(scan), host_(host), sarif_path_(std::move(sarif_path)), totals_(totals) {}

  bool on_finding(sdk::Finding&& finding) override {
    const assay_status status = scan_.emit(finding);
    if (status == ASSAY_CANCELLED || scan_.cancelled()) {
      totals_.cancelled = true;
      return false;
    }
    if (status != ASSAY_OK) ++totals_.refused_by_host;
    return true;
  }

  void on_problem(const SarifProblem& problem) override {
    ++totals_.problems;
    if (++problems_ > kProblemsLoggedPerFile) return;
    const std::string line = sarif_path_ + ": " + problem.path + ": " + problem.message;
    const bool serious = problem.kind == ProblemKind::file_unreadable ||
                         problem.kind == ProblemKind::run_skipped ||
                         problem.kind == ProblemKind::result_skipped;
    serious ? host_.error(line) : host_.warn(line);
  }

  // Logs how many problems were not logged one by one.
  void finish() const {
    if (problems_ > kProblemsLoggedPerFile)
      host_.warn(sarif_path_ + ": " + std::to_string(problems_ - kProblemsLoggedPerFile) +
                 " more problems not logged one by one");
  }

 private:
  const sdk::Scan& scan_;
  const sdk::Host& host_;
  std::string sarif_path_;
  Totals& totals_;
  size_t problems_ = 0;
};

class SarifScanner : public sdk::Scanner {
 public:
  SarifScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(SarifConfig::parse(config_json)) {}

  void scan(sdk::Scan& scan) override {
    if (config_.paths.empty()) {
      host_.debug("no SARIF files configured (plugins.sarif.paths is empty)");
      return;
    }
    std::unordered_map<std::string, size_t> files;
    std::vector<size_t> sarif_files;
    list_files(scan, files, sarif_files);
    if (sarif_files.empty()) {
      host_.warn("plugins.sarif.paths (" + patterns() + ") matched no file of the scan target");
      return;
    }
    SarifOptions options = config_.options;
    options.repository_root = scan.root();
    const UriResolver resolver(options.repository_root, options.source_roots, options.uri_base_ids);
    Totals totals;
    scan.parallel_for(sarif_files.size(), [&](size_t k) {
      if (!totals.cancelled && !scan.cancelled())
        read_file(scan, sarif_files[k], files, options, resolver, totals);
    });
    log_totals(totals);
  }

 private:
  void list_files(const sdk::Scan& scan, std::unordered_map<std::string, size_t>& files,
                  std::vector<size_t>& sarif_files) const {
    const size_t count = scan.file_count();
    files.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const std::string path(scan.file(i).path);
      for (const input::RepoGlob& glob : config_.paths) {
        if (glob.matches(path)) {
          sarif_files.push_back(i);
          break;
        }
      }
      files.emplace(path, i);
    }
  }

  void read_file(const sdk::Scan& scan, size_t index, const std::unordered_map<std::string, size_t>& files,
                 const SarifOptions& options, const UriResolver& resolver, Totals& totals) const {
    const sdk::FileInfo info = scan.file(index);
    const std::string path(info.path);
    ++totals.files;
    if (info.size > config_.max_file_size) {
      ++totals.unreadable;
      host_.error(path + ": " + std::to_string(info.size) +
                  " bytes, more than plugins.sarif.max_file_size (" + std::to_string(config_.max_file_size) +
                  "); skipped");
      return;
    }
    sdk::Blob blob(scan.api(), scan.raw());
    if (!scan.read(index, blob)) {
      ++totals.unreadable;
      host_.error(path + ": the host could not read the file; skipped");
      return;
    }
    LineHashCache lines(scan, files, config_.max_file_size);
    EmittingEvents events(scan, host_, path, totals);
    const SarifFileSummary summary = read_sarif(
        blob.view(), path, options, resolver,
        [&](const std::string& file, uint32_t line) { return lines.line_hash(file, line); }, events);
    events.finish();
    if (!summary.readable) ++totals.unreadable;
    totals.results += summary.results;
    totals.findings += summary.findings;
    totals.suppressed += summary.suppressed;
    totals.baseline_filtered += summary.baseline_filtered;
    totals.not_a_problem += summary.not_a_problem;
    totals.outside += summary.refused;
    totals.malformed += summary.malformed;
    if (summary.readable)
      host_.debug(path + ": " + std::to_string(summary.findings) + " findings from " +
                  std::to_string(summary.results) + " results in " + std::to_string(summary.runs) + " runs");
  }

  void log_totals(const Totals& t) const {
    host_.info(std::to_string(t.findings - t.refused_by_host) + " findings from " +
               std::to_string(t.results) + " results in " + std::to_string(t.files) + " SARIF files (" +
               std::to_string(t.suppressed) + " suppressed, " + std::to_string(t.baseline_filtered) +
               " filtered by baselineState, " + std::to_string(t.not_a_problem) + " not problems, " +
               std::to_string(t.outside) + " outside the repository, " + std::to_string(t.malformed) +
               " malformed)");
    if (t.unreadable > 0)
      host_.error(std::to_string(t.unreadable) +
                  " SARIF files could not be read (errors above); the others were");
    if (t.refused_by_host > 0)
      host_.warn("the host refused " + std::to_string(t.refused_by_host) +
                 " SARIF findings (its log says why); the scan went on without them");
  }

  std::string patterns() const {
    std::string out;
    for (const input::RepoGlob& glob : config_.paths) out += (out.empty() ? "" : ", ") + glob.pattern();
    return out;
  }

  sdk::Host host_;
  SarifConfig config_;
};

}  // namespace
}  // namespace assay::sarif

ASSAY_SCANNER_PLUGIN(assay::sarif::SarifScanner, "sarif", "1.0.0",
                     "Imports the results of other tools from SARIF 2.1.0 files",
                     assay::sarif::sarif_config_schema())
