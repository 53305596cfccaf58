// The maturity scanner plugin: evaluates the maturity checks of the rule
// files against the scan target, hands the assessment to the host (whose
// level then chooses the scoring weights) and turns every failed or partial
// check into a backlog finding.
#include <assay/plugin.hpp>
#include <string>

#include "assessment_report.h"
#include "evaluator.h"
#include "host_history_facts.h"
#include "maturity_config.h"
#include "number_text.h"
#include "rule_file.h"

namespace assay::maturity {
namespace {

// The files of the scan target, read through the host on demand.
RepositorySnapshot snapshot_of(const sdk::Scan& scan) {
  RepositorySnapshot snapshot;
  const size_t count = scan.file_count();
  snapshot.files.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const sdk::FileInfo info = scan.file(i);
    snapshot.files.push_back(
        {std::string(info.path), std::string(info.language), info.size, std::string(info.blob_id)});
  }
  snapshot.read = [&scan](size_t index) -> std::optional<std::string> {
    sdk::Blob blob(scan.api(), scan.raw());
    if (!scan.read(index, blob)) return std::nullopt;
    return std::string(blob.view());
  };
  if (scan.has_cache_api()) {
    snapshot.cache_get = [&scan](std::string_view key) -> std::optional<std::string> {
      const std::optional<std::string_view> value = scan.cache_get(key);
      if (!value) return std::nullopt;
      return std::string(*value);
    };
    snapshot.cache_put = [&scan](std::string_view key, std::string_view value) { scan.cache_put(key, value); };
  }
  return snapshot;
}

class MaturityScanner : public sdk::Scanner {
 public:
  MaturityScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(MaturityConfig::parse(config_json)), rules_(load_rules(config_)) {}

  void scan(sdk::Scan& scan) override {
    const RepositorySnapshot snapshot = snapshot_of(scan);
    const auto history = scanners::history_facts_for(scan);
    EvaluationLimits limits;
    limits.max_file_size = config_.max_file_size;
    const Assessment assessment = assess(rules_, snapshot, *history, limits);
    if (scan.cancelled()) return;
    hand_over(scan, assessment);
    size_t emitted = 0;
    if (config_.emit_findings) emitted = emit_gaps(scan, assessment);
    host_.info(summary(assessment, emitted));
  }

 private:
  void hand_over(const sdk::Scan& scan, const Assessment& assessment) const {
    const assay_status status = scan.report_assessment(assessment_json(assessment));
    if (status == ASSAY_UNSUPPORTED)
      host_.warn(
          "this host takes no maturity assessment (host API before 1.1); its level stays as configured");
    else if (status == ASSAY_INVALID)
      host_.warn("the host refused the maturity assessment (its log says why)");
  }

  size_t emit_gaps(const sdk::Scan& scan, const Assessment& assessment) const {
    size_t emitted = 0;
    for (const auto& result : assessment.checks) {
      const auto finding = finding_for(result);
      if (!finding) continue;
      const assay_status status = scan.emit(*finding);
      if (status == ASSAY_CANCELLED) break;
      if (status == ASSAY_OK)
        ++emitted;
      else
        host_.warn("the host refused the finding of check '" + result.check->id + "' (its log says why)");
    }
    return emitted;
  }

  static std::string summary(const Assessment& a, size_t emitted) {
    size_t counts[4] = {0, 0, 0, 0};
    for (const auto& r : a.checks) ++counts[static_cast<int>(r.status)];
    return "maturity " + a.level + " (" + scanners::format_number(a.percent) +
           "%): " + std::to_string(a.checks.size()) + " checks, " + std::to_string(counts[0]) + " pass, " +
           std::to_string(counts[1]) + " partial, " + std::to_string(counts[2]) + " fail, " +
           std::to_string(counts[3]) + " inconclusive; " + std::to_string(emitted) + " backlog findings";
  }

  sdk::Host host_;
  MaturityConfig config_;
  RuleSet rules_;
};

}  // namespace
}  // namespace assay::maturity

ASSAY_SCANNER_PLUGIN(assay::maturity::MaturityScanner, "maturity", "1.0.0",
                     "Assesses engineering maturity from checks kept as data (config/maturity.yaml)",
                     assay::maturity::maturity_config_schema())
