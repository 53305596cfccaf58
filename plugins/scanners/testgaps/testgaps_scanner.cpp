// The testgaps scanner plugin: source files with no test by their language's
// conventions, ranked by hotspot score (commits × complexity) when the host
// offers history facts, else by complexity alone.
#include <algorithm>
#include <assay/plugin.hpp>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "code_structure.h"
#include "host_history_facts.h"
#include "number_text.h"
#include "test_conventions.h"
#include "testgaps_config.h"

namespace assay::testgaps {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

struct Gap {
  std::string path;
  std::string language;
  uint32_t code_lines = 0;
  uint32_t complexity = 0;  // indentation complexity of the whole file
  size_t functions = 0;
  std::optional<uint64_t> commits;  // within hotspot_days, when history is known
  double score = 0;                 // what the gaps are ranked by
};

bool is_header(std::string_view path) {
  for (std::string_view ext : {".h", ".hh", ".hpp", ".hxx", ".inl"})
    if (path.ends_with(ext)) return true;
  return false;
}

class TestgapsScanner : public sdk::Scanner {
 public:
  TestgapsScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(TestgapsConfig::parse(config_json)) {}

  void scan(sdk::Scan& scan) override {
    std::vector<std::string> paths;
    std::vector<sdk::FileInfo> infos;
    for (size_t i = 0; i < scan.file_count(); ++i) {
      infos.push_back(scan.file(i));
      paths.emplace_back(infos.back().path);
    }
    const TestIndex index(paths);
    std::vector<size_t> candidates;
    for (size_t i = 0; i < infos.size(); ++i)
      if (is_candidate(infos[i])) candidates.push_back(i);

    std::mutex mutex;
    std::vector<Gap> gaps;
    scan.parallel_for(candidates.size(), [&](size_t k) {
      if (auto gap = check_file(scan, candidates[k], infos[candidates[k]], index)) {
        std::lock_guard lock(mutex);
        gaps.push_back(std::move(*gap));
      }
    });
    const auto history = scanners::history_facts_for(scan);
    const bool hotspots = rank(gaps, *history);
    size_t emitted = 0;
    for (size_t r = 0; r < gaps.size() && !scan.cancelled(); ++r) {
      const assay_status status = scan.emit(to_finding(gaps[r], r + 1, hotspots));
      if (status == ASSAY_CANCELLED) break;
      emitted += status == ASSAY_OK ? 1 : 0;
    }
    host_.info(std::to_string(emitted) + " of " + std::to_string(candidates.size()) +
               " source files have no test by their language's conventions; ranked by " +
               (hotspots ? "hotspot score (commits x complexity)"
                         : "complexity (no hotspots: " + history->unavailable_reason().value_or("") + ")"));
  }

 private:
  bool is_candidate(const sdk::FileInfo& info) const {
    return has_conventions(info.language) && !is_test_file(info.path) && !is_header(info.path) &&
           !config_.exclude.matches(info.path) && info.size <= config_.max_file_size;
  }

  std::optional<Gap> check_file(const sdk::Scan& scan, size_t index, const sdk::FileInfo& info,
                                const TestIndex& tests) const {
    if (scan.cancelled()) return std::nullopt;
    sdk::Blob blob(host_.api(), scan.raw());
    if (!scan.read(index, blob)) return std::nullopt;
    const std::string_view content = blob.view();
    if (content.find('\0') != std::string_view::npos) return std::nullopt;
    if (tests.has_test(info.path, info.language, content)) return std::nullopt;
    const auto structure = structure::FileStructure::analyze(content, info.language);
    if (structure.complexity().code_lines < config_.min_code_lines) return std::nullopt;
    Gap gap;
    gap.path = std::string(info.path);
    gap.language = std::string(info.language);
    gap.code_lines = structure.complexity().code_lines;
    gap.complexity = structure.complexity().indentation;
    gap.functions = structure.functions().size();
    return gap;
  }

  // Orders the gaps, hottest (or most complex) first; true when ranked by hotspot score.
  bool rank(std::vector<Gap>& gaps, const scanners::HistoryFacts& history) const {
    const bool known = !history.unavailable_reason().has_value();
    const int64_t since = history.now() - static_cast<int64_t>(config_.hotspot_days) * kSecondsPerDay;
    for (auto& gap : gaps) {
      gap.score = gap.complexity;
      if (!known) continue;
      const auto facts = history.file(gap.path);
      const uint64_t commits = facts ? std::count_if(facts->change_times.begin(), facts->change_times.end(),
                                                     [&](int64_t t) { return t >= since; })
                                     : 0;
      gap.commits = commits;
      gap.score = static_cast<double>(commits) * gap.complexity;
    }
    std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
      return a.score != b.score ? a.score > b.score : a.path < b.path;
    });
    return known;
  }

  sdk::Finding to_finding(const Gap& gap, size_t rank, bool hotspots) const {
    sdk::Finding f;
    f.rule = "untested-file";
    f.title = "No tests for " + scanners::to_valid_utf8(gap.path);
    f.category = "testing";
    f.severity = gap.complexity >= config_.complex_file ? "medium" : "low";
    f.effort_hours = std::clamp(std::ceil(gap.code_lines / 50.0), 1.0, 16.0);
    f.confidence = 0.7;
    f.path = gap.path;
    const std::string expected = TestIndex::expected_tests(gap.path, gap.language);
    f.evidence =
        scanners::to_valid_utf8(gap.path) + ": no " + expected + " (" + gap.language + " conventions)";
    f.tags = {"testgap", gap.language};
    nlohmann::json details = {{"language", gap.language},
                              {"expected", expected},
                              {"code_lines", gap.code_lines},
                              {"functions", gap.functions},
                              {"complexity", gap.complexity},
                              {"rank", rank},
                              {"ranked_by", hotspots ? "hotspot" : "complexity"}};
    details["commits"] = gap.commits ? nlohmann::json(*gap.commits) : nlohmann::json(nullptr);
    details["hotspot"] = hotspots ? nlohmann::json(gap.score) : nlohmann::json(nullptr);
    f.details_json = scanners::to_valid_utf8(details.dump());
    return f;
  }

  sdk::Host host_;
  TestgapsConfig config_;
};

}  // namespace
}  // namespace assay::testgaps

ASSAY_SCANNER_PLUGIN(assay::testgaps::TestgapsScanner, "testgaps", "1.0.0",
                     "Finds source files with no test by their language's conventions",
                     assay::testgaps::testgaps_config_schema())
