// Fuzzing of the sarif scanner's reader: the selective JSON reader, run
// metadata, URI resolution, result conversion, and the invariants of every
// finding it emits.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "harnesses.h"
#include "line_identity.h"
#include "sarif_reader.h"

namespace assay::sarif {
namespace {

const std::vector<std::string> kCategories = {"security",   "dependency",    "technical-debt", "performance",
                                              "testing",    "documentation", "infrastructure", "code-quality",
                                              "compliance", "feature"};
const std::vector<std::string> kSeverities = {"info", "low", "medium", "high", "critical"};

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A repository path: relative, no "." or ".." segment, no empty segment.
bool repository_path(const std::string& path) {
  if (path.empty()) return true;
  if (path.front() == '/' || path.back() == '/' || path.find("//") != std::string::npos) return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return true;
}

void check_finding(const sdk::Finding& f) {
  ASSAY_FUZZ_CHECK(!f.rule.empty() && !f.title.empty(), "a finding has rule and title");
  ASSAY_FUZZ_CHECK(f.title.size() <= 200 + std::string("…").size(), "titles stay short");
  ASSAY_FUZZ_CHECK(contains(kCategories, f.category), "the category is one the host knows");
  ASSAY_FUZZ_CHECK(contains(kSeverities, f.severity), "the severity is one the host knows");
  ASSAY_FUZZ_CHECK(f.confidence < 0 || f.confidence <= 1, "confidence within 0..1");
  ASSAY_FUZZ_CHECK(f.cvss < 0 || f.cvss <= 10, "cvss within 0..10");
  ASSAY_FUZZ_CHECK(repository_path(f.path), "paths stay inside the repository");
  ASSAY_FUZZ_CHECK(f.path.empty() ? f.line_start == 0 : true, "lines only with a path");
  ASSAY_FUZZ_CHECK(f.line_end >= f.line_start, "line_end >= line_start");
  ASSAY_FUZZ_CHECK(!f.identity.empty(), "every finding has an identity");
  const auto details = nlohmann::json::parse(f.details_json, nullptr, false);
  ASSAY_FUZZ_CHECK(!details.is_discarded() && details.is_object(), "details are a JSON object");
  for (const auto& location : details["locations"])
    ASSAY_FUZZ_CHECK(repository_path(location["path"].get<std::string>()), "every kept location is inside");
}

struct Checking : SarifEvents {
  size_t findings = 0;
  bool on_finding(sdk::Finding&& finding) override {
    check_finding(finding);
    ++findings;
    return true;
  }
  void on_problem(const SarifProblem& problem) override {
    ASSAY_FUZZ_CHECK(!problem.message.empty(), "problems say what is wrong");
    ASSAY_FUZZ_CHECK(!problem.path.empty(), "problems say where");
  }
};

}  // namespace
}  // namespace assay::sarif

namespace assay::fuzz {

Verdict run_sarif(std::string_view input) {
  using namespace assay::sarif;
  static const SarifOptions options = [] {
    SarifOptions o = SarifOptions::defaults();
    o.repository_root = "/repo";
    o.source_roots = {"/ci/checkout"};
    o.uri_base_ids = {{"OVERRIDE", "sub"}};
    return o;
  }();
  static const UriResolver resolver(options.repository_root, options.source_roots, options.uri_base_ids);
  // Every file has 50 lines whose hash depends on path and line.
  const LineHashSource lines = [](const std::string& path, uint32_t line) -> std::optional<uint64_t> {
    if (line > 50) return std::nullopt;
    return line_text_hash(path + std::to_string(line));
  };
  Checking events;
  const SarifFileSummary summary = read_sarif(input, "fuzz.sarif", options, resolver, lines, events);
  ASSAY_FUZZ_CHECK(summary.findings == events.findings, "the summary counts what was emitted");
  ASSAY_FUZZ_CHECK(summary.readable || events.findings == 0, "an unreadable file yields no findings");
  ASSAY_FUZZ_CHECK(summary.findings + summary.not_a_problem + summary.suppressed + summary.baseline_filtered +
                           summary.refused + summary.malformed ==
                       summary.results,
                   "every result is counted once");
  return summary.readable ? Verdict::accepted : Verdict::rejected;
}

}  // namespace assay::fuzz
