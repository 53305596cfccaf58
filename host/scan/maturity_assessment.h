// The maturity assessment a scanner hands over through the host API
// (report_assessment, API 1.1): validated, kept for the scan, and turned into
// the report header's "maturity" object. The first accepted assessment of a
// scan counts; its level chooses the scoring weights (maturity_stage.h).
#pragma once

#include <assay/plugin.h>

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace assay::scan {

struct MaturityAssessment {
  std::string source;  // the plugin that assessed
  std::string level;   // nascent, developing, maturing, advanced
  double percent = 0;  // 0..100
  std::string json;    // the whole object as the plugin gave it, validated
};

// Checks an assessment (plugin.h describes its shape). Throws
// std::invalid_argument naming the JSON path and the problem, e.g.
// "checks[2].status: 'passed' is not one of pass, partial, fail, inconclusive".
MaturityAssessment parse_assessment(std::string_view json_text, const std::string& source);

// Where the scanners of one scan deliver their assessment. Thread-safe.
class AssessmentInbox {
 public:
  // Keeps `assessment` when none was accepted yet; false otherwise.
  bool accept(MaturityAssessment assessment);
  std::optional<MaturityAssessment> take();

 private:
  std::mutex mutex_;
  std::optional<MaturityAssessment> assessment_;
};

// The report_assessment function of the host API.
assay_status report_assessment(const assay_scan* scan, const char* assessment_json);

}  // namespace assay::scan
