// The testgaps scanner plugin: source files with no test by their language's
// conventions (for C and C++ also: no test includes their header), ranked by
// their hotspot score as the hotspots scanner computes it (change frequency ×
// complexity, hotspot_score.h) where the history exists, else by complexity
// alone.
#include <algorithm>
#include <assay/plugin.hpp>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "cache_record.h"
#include "code_structure.h"
#include "host_history_facts.h"
#include "hotspot_score.h"
#include "included_headers.h"
#include "number_text.h"
#include "source_facts.h"
#include "test_conventions.h"
#include "testgaps_config.h"

namespace assay::testgaps {
namespace {

struct Gap {
  std::string path;
  std::string language;
  uint32_t code_lines = 0;
  uint32_t complexity = 0;  // indentation complexity of the whole file
  size_t functions = 0;
  std::optional<uint32_t> commits;  // in the history window, when history is known
  double score = 0;                 // what the gaps are ranked by: the hotspot score, else the complexity
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
    const IncludedHeaders headers = read_c_tests(scan, infos, paths);
    std::vector<size_t> candidates;
    for (size_t i = 0; i < infos.size(); ++i)
      if (is_candidate(infos[i])) candidates.push_back(i);

    std::mutex mutex;
    std::vector<Gap> gaps;
    scan.parallel_for(candidates.size(), [&](size_t k) {
      if (auto gap = check_file(scan, candidates[k], infos[candidates[k]], index, headers)) {
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
               (hotspots ? "hotspot score (change frequency x complexity)"
                         : "complexity (no hotspots: " + history->unavailable_reason().value_or("") + ")"));
  }

 private:
  bool is_candidate(const sdk::FileInfo& info) const {
    return has_conventions(info.language) && !is_test_file(info.path) && !is_header(info.path) &&
           !config_.exclude.matches(info.path) && info.size <= config_.max_file_size;
  }

  // The includes of the C and C++ test files (none when header_includes is off).
  IncludedHeaders read_c_tests(const sdk::Scan& scan, const std::vector<sdk::FileInfo>& infos,
                               const std::vector<std::string>& paths) const {
    IncludedHeaders headers(paths);
    if (!config_.header_includes) return headers;
    std::vector<size_t> tests;
    for (size_t i = 0; i < infos.size(); ++i)
      if ((infos[i].language == "c" || infos[i].language == "cpp") && is_test_file(infos[i].path) &&
          infos[i].size <= config_.max_file_size)
        tests.push_back(i);
    std::mutex mutex;
    scan.parallel_for(tests.size(), [&](size_t k) {
      sdk::Blob blob(host_.api(), scan.raw());
      if (scan.cancelled() || !scan.read(tests[k], blob)) return;
      std::lock_guard lock(mutex);
      headers.add_test(paths[tests[k]], blob.view());
    });
    return headers;
  }

  std::optional<Gap> check_file(const sdk::Scan& scan, size_t index, const sdk::FileInfo& info,
                                const TestIndex& tests, const IncludedHeaders& headers) const {
    if (scan.cancelled()) return std::nullopt;
    if ((info.language == "c" || info.language == "cpp") && !headers.test_of(info.path).empty())
      return std::nullopt;
    const std::string key = scanners::file_cache_key(kSourceFactsCacheName, info.blob_id, info.language);
    std::optional<SourceFacts> facts;
    if (!key.empty())
      if (const auto cached = scan.cache_get(key)) facts = decode_source_facts(*cached);
    // A file measured while it had a test lacks its structure.
    const auto needs_structure = [&](const SourceFacts& f) {
      return !f.has_nul && !f.analysed && !tests.has_test_given(info.path, info.language, f.inline_tests);
    };
    if (!facts || needs_structure(*facts)) {
      facts = read_facts(scan, index, info, tests);
      if (!facts) return std::nullopt;
      if (!key.empty()) scan.cache_put(key, encode_source_facts(*facts));
    }
    if (facts->has_nul || tests.has_test_given(info.path, info.language, facts->inline_tests)) return std::nullopt;
    if (facts->code_lines < config_.min_code_lines) return std::nullopt;
    Gap gap;
    gap.path = std::string(info.path);
    gap.language = std::string(info.language);
    gap.code_lines = facts->code_lines;
    gap.complexity = facts->complexity;
    gap.functions = facts->functions;
    return gap;
  }

  // Reads the file and measures what check_file needs: the code structure
  // only when the file is a gap candidate (binary-free and without a test).
  std::optional<SourceFacts> read_facts(const sdk::Scan& scan, size_t index, const sdk::FileInfo& info,
                                        const TestIndex& tests) const {
    sdk::Blob blob(host_.api(), scan.raw());
    if (!scan.read(index, blob)) return std::nullopt;
    const std::string_view content = blob.view();
    SourceFacts facts;
    facts.has_nul = content.find('\0') != std::string_view::npos;
    facts.inline_tests = info.language == "rust" && TestIndex::has_inline_tests(content);
    if (facts.has_nul || tests.has_test_given(info.path, info.language, facts.inline_tests)) return facts;
    const auto structure = structure::FileStructure::analyze(content, info.language);
    facts.analysed = true;
    facts.code_lines = structure.complexity().code_lines;
    facts.complexity = structure.complexity().indentation;
    facts.functions = structure.functions().size();
    return facts;
  }

  // Orders the gaps, hottest (or most complex) first; true when ranked by
  // hotspot score. The hotspot score normalises over the untested files.
  static bool rank(std::vector<Gap>& gaps, const scanners::HistoryFacts& history) {
    const bool known = !history.unavailable_reason().has_value();
    uint32_t max_commits = 0;
    uint32_t max_complexity = 0;
    for (auto& gap : gaps) {
      gap.score = gap.complexity;
      max_complexity = std::max(max_complexity, gap.complexity);
      if (!known) continue;
      gap.commits = static_cast<uint32_t>(history.commit_count(gap.path));
      max_commits = std::max(max_commits, *gap.commits);
    }
    if (known)
      for (auto& gap : gaps)
        gap.score = scanners::hotspot_score(*gap.commits, max_commits, gap.complexity, max_complexity).score;
    std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.complexity != b.complexity ? a.complexity > b.complexity : a.path < b.path;
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
