// The benchmarks scanner plugin: compares benchmark results with a baseline
// (plugins.benchmarks.comparisons), both read through the host's file API,
// and emits a performance finding for every regression
// (docs/configuration.md, "benchmarks").
#include <assay/plugin.hpp>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "benchmark_readers.h"
#include "benchmarks_config.h"
#include "regression_check.h"
#include "regression_finding.h"

namespace assay::benchmarks {
namespace {

struct Tally {
  size_t compared = 0;
  size_t regressions = 0;
  size_t low_confidence = 0;
  size_t not_significant = 0;
  size_t only_current = 0;
  size_t only_baseline = 0;
  size_t refused_by_host = 0;
};

class BenchmarksScanner : public sdk::Scanner {
 public:
  BenchmarksScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(BenchmarksConfig::parse(config_json)) {}

  void scan(sdk::Scan& scan) override {
    if (config_.comparisons.empty()) {
      host_.debug("no benchmark results configured (plugins.benchmarks.comparisons is empty)");
      return;
    }
    std::unordered_map<std::string, size_t> files;
    const size_t count = scan.file_count();
    for (size_t i = 0; i < count; ++i) files.emplace(std::string(scan.file(i).path), i);
    Tally tally;
    for (size_t k = 0; k < config_.comparisons.size() && !scan.cancelled(); ++k)
      compare_files(scan, files, k, tally);
    host_.info(std::to_string(tally.regressions) + " benchmark regressions (" +
               std::to_string(tally.low_confidence) + " with low confidence) in " +
               std::to_string(tally.compared) + " benchmarks compared; " +
               std::to_string(tally.not_significant) + " slower beyond the threshold but not significant");
    if (tally.only_current + tally.only_baseline > 0)
      host_.debug(std::to_string(tally.only_current) + " benchmarks have no baseline, " +
                  std::to_string(tally.only_baseline) + " baseline benchmarks are no longer run");
    if (tally.refused_by_host > 0)
      host_.warn("the host refused " + std::to_string(tally.refused_by_host) +
                 " benchmark findings (its log says why)");
  }

 private:
  std::optional<BenchmarkFile> read(const sdk::Scan& scan,
                                    const std::unordered_map<std::string, size_t>& files,
                                    const std::string& path, const std::string& field, Format format) const {
    const auto found = files.find(path);
    if (found == files.end()) {
      host_.error(field + ": '" + path + "' is not a file of the scan target; this comparison is skipped");
      return std::nullopt;
    }
    const sdk::FileInfo info = scan.file(found->second);
    if (info.size > config_.max_file_size) {
      host_.error(path + ": " + std::to_string(info.size) +
                  " bytes, more than plugins.benchmarks.max_file_size (" +
                  std::to_string(config_.max_file_size) + "); this comparison is skipped");
      return std::nullopt;
    }
    sdk::Blob blob(scan.api(), scan.raw());
    if (!scan.read(found->second, blob)) {
      host_.error(path + ": the host could not read the file; this comparison is skipped");
      return std::nullopt;
    }
    BenchmarkProblems problems;
    std::optional<BenchmarkFile> file = read_benchmark_file(blob.view(), format, config_.metric, problems);
    for (const BenchmarkProblem& problem : problems) {
      const std::string line = path + ": " + problem.path + ": " + problem.message;
      problem.fatal ? host_.error(line + "; this comparison is skipped") : host_.warn(line);
    }
    return file;
  }

  void compare_files(const sdk::Scan& scan, const std::unordered_map<std::string, size_t>& files, size_t k,
                     Tally& tally) const {
    const ComparisonFiles& pair = config_.comparisons[k];
    const std::string field = "plugins.benchmarks.comparisons[" + std::to_string(k) + "]";
    const std::optional<BenchmarkFile> current =
        read(scan, files, pair.current, field + ".current", pair.format);
    const std::optional<BenchmarkFile> baseline =
        read(scan, files, pair.baseline, field + ".baseline", pair.format);
    if (!current || !baseline) return;
    if (current->format != baseline->format) {
      host_.error(field + ": '" + pair.current + "' is " + current->format + " results but '" +
                  pair.baseline + "' is " + baseline->format + "; this comparison is skipped");
      return;
    }
    std::map<std::string, const BenchmarkSeries*> baseline_by_name;
    for (const BenchmarkSeries& series : baseline->series) baseline_by_name.emplace(series.name, &series);
    const RegressionContext context{pair, current->format, config_.metric, config_.settings};
    for (const BenchmarkSeries& series : current->series) {
      const auto match = baseline_by_name.find(series.name);
      if (match == baseline_by_name.end()) {
        ++tally.only_current;
        continue;
      }
      baseline_by_name.erase(match->first);
      if (!compare_one(scan, series, *match->second, context, tally)) return;
    }
    tally.only_baseline += baseline_by_name.size();
  }

  // False when the scan is being cancelled.
  bool compare_one(const sdk::Scan& scan, const BenchmarkSeries& current, const BenchmarkSeries& baseline,
                   const RegressionContext& context, Tally& tally) const {
    ++tally.compared;
    const Comparison comparison = compare(baseline, current, config_.settings);
    switch (comparison.verdict) {
      case Verdict::regression:
        ++tally.regressions;
        break;
      case Verdict::low_confidence:
        ++tally.regressions;
        ++tally.low_confidence;
        break;
      case Verdict::not_significant:
        ++tally.not_significant;
        host_.debug(current.name + ": " + format_percent(comparison.change) +
                    " slower but p = " + std::to_string(comparison.test->p_value) + " (alpha " +
                    std::to_string(config_.settings.alpha) + "): not a regression");
        return true;
      case Verdict::no_baseline_time:
        host_.warn(context.files.baseline + ": " + baseline.name + " took 0 ns; it cannot be compared");
        return true;
      case Verdict::within_threshold:
        return true;
    }
    const assay_status status = scan.emit(regression_finding(current.name, comparison, context));
    if (status == ASSAY_CANCELLED) return false;
    if (status != ASSAY_OK) ++tally.refused_by_host;
    return true;
  }

  sdk::Host host_;
  BenchmarksConfig config_;
};

}  // namespace
}  // namespace assay::benchmarks

ASSAY_SCANNER_PLUGIN(assay::benchmarks::BenchmarksScanner, "benchmarks", "1.0.0",
                     "Finds performance regressions in Google Benchmark and pytest-benchmark results",
                     assay::benchmarks::benchmarks_config_schema())
