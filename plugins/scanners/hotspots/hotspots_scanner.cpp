// The hotspots scanner plugin: files that change often (the host's history
// facts) and are complex (the shared code structure library), reported as
// technical-debt findings at their most complex function. SDK only.
#include <assay/plugin.hpp>
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "cache_record.h"
#include "file_complexity.h"
#include "hotspot_finding.h"
#include "hotspot_ranking.h"
#include "hotspots_config.h"
#include "measure_cache.h"
#include "prefilter.h"
#include "syntax.h"

namespace assay::hotspots {
namespace {

// The newest commits a finding lists as evidence.
constexpr size_t kRecentCommits = 5;

struct Counters {
  std::atomic<size_t> few_commits{0};
  std::atomic<size_t> unknown_language{0};
  std::atomic<size_t> skipped_language{0};  // prose and data formats (skip_languages)
  std::atomic<size_t> skipped{0};           // too large, binary or unreadable
};

class HotspotsScanner : public sdk::Scanner {
 public:
  HotspotsScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(HotspotsConfig::parse(config_json)) {}

  void scan(sdk::Scan& scan) override {
    if (!has_history(scan)) return;
    std::vector<Candidate> candidates;
    std::mutex mutex;
    Counters counters;
    bool cut = false;
    scan.parallel_for(scan.file_count(), [&](size_t index) {
      std::optional<Candidate> candidate = measure(scan, index, counters);
      if (!candidate) return;
      std::lock_guard lock(mutex);
      candidates.push_back(std::move(*candidate));
    });
    if (scan.cancelled()) return;
    const size_t total = candidates.size();
    if (total > 0) cut = scan.history(candidates.front().file).value_or(sdk::FileHistory{}).cut;
    const std::vector<Hotspot> hotspots =
        pick_hotspots(std::move(candidates), config_.top_share, config_.max_findings);
    for (const Hotspot& h : hotspots) {
      if (scan.emit(hotspot_finding(h, total, recent_commits(scan, h.candidate.file), cut)) ==
          ASSAY_CANCELLED)
        return;
    }
    host_.info(std::to_string(hotspots.size()) + " hotspots among " + std::to_string(total) +
               " candidate files (" + std::to_string(counters.few_commits) + " changed fewer than " +
               std::to_string(config_.min_commits) + " times, " + std::to_string(counters.unknown_language) +
               " of unknown language, " + std::to_string(counters.skipped_language) +
               " in a skipped language, " + std::to_string(counters.skipped) +
               " too large, binary or unreadable)");
  }

 private:
  bool has_history(const sdk::Scan& scan) const {
    if (!scan.has_history_api()) {
      host_.info("the host offers no history (API 1.0): no hotspots");
      return false;
    }
    if (scan.file_count() > 0 && !scan.history(0)) {
      host_.info("the scan target has no history: no hotspots");
      return false;
    }
    return true;
  }

  std::optional<Candidate> measure(const sdk::Scan& scan, size_t index, Counters& counters) const {
    if (scan.cancelled()) return std::nullopt;
    const std::optional<sdk::FileHistory> history = scan.history(index);
    if (!history || history->commits < config_.min_commits) {
      ++counters.few_commits;
      return std::nullopt;
    }
    const sdk::FileInfo info = scan.file(index);
    if (info.language.empty() || markers::find_syntax(info.language) == nullptr) {
      ++counters.unknown_language;
      return std::nullopt;
    }
    if (config_.skips(info.language)) {
      ++counters.skipped_language;
      return std::nullopt;
    }
    if (info.size > config_.max_file_size) {
      ++counters.skipped;
      return std::nullopt;
    }
    const std::optional<FileMeasure> measure = measure_of(scan, index, info);
    if (!measure || measure->size > config_.max_file_size || measure->binary) {
      ++counters.skipped;
      return std::nullopt;
    }
    Candidate c;
    c.file = index;
    c.path = std::string(info.path);
    c.commits = history->commits;
    c.authors = history->authors;
    c.first_change = history->first_change;
    c.last_change = history->last_change;
    c.complexity = measure->complexity;
    return c;
  }

  // The file's measure: from the host's cache when its blob was measured
  // before (API 1.4), else read and analysed (and cached); nullopt when it
  // cannot be read.
  std::optional<FileMeasure> measure_of(const sdk::Scan& scan, size_t index,
                                        const sdk::FileInfo& info) const {
    const std::string key = scanners::file_cache_key(kMeasureCacheName, info.blob_id, info.language);
    if (!key.empty())
      if (const auto cached = scan.cache_get(key))
        if (auto measure = decode_measure(*cached)) return measure;
    sdk::Blob blob(host_.api(), scan.raw());
    if (!scan.read(index, blob)) return std::nullopt;
    FileMeasure measure;
    measure.size = blob.view().size();
    measure.binary = markers::looks_binary(blob.view());
    // A file over the limit is not analysed; its size alone says so.
    if (!measure.binary && measure.size <= config_.max_file_size)
      measure.complexity = measure_file(blob.view(), info.language);
    if (!key.empty() && measure.size <= config_.max_file_size) scan.cache_put(key, encode_measure(measure));
    return measure;
  }

  static std::vector<sdk::CommitInfo> recent_commits(const sdk::Scan& scan, size_t file) {
    std::vector<sdk::CommitInfo> commits;
    for (size_t n = 0; n < kRecentCommits; ++n) {
      std::optional<sdk::CommitInfo> commit = scan.file_commit(file, n);
      if (!commit) break;
      commits.push_back(*commit);
    }
    return commits;
  }

  sdk::Host host_;
  HotspotsConfig config_;
};

}  // namespace
}  // namespace assay::hotspots

ASSAY_SCANNER_PLUGIN(assay::hotspots::HotspotsScanner, "hotspots", "1.0.0",
                     "Files that change often and are complex: change frequency x indentation complexity",
                     assay::hotspots::hotspots_config_schema())
