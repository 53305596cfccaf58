// Fuzzing of the maturity assessment a scanner hands to the host through
// report_assessment: parse_assessment and the text it keeps.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "fuzz_check.h"
#include "harnesses.h"
#include "scan/maturity_assessment.h"

namespace assay::fuzz {

Verdict run_assessment(std::string_view input) {
  scan::MaturityAssessment a;
  try {
    a = scan::parse_assessment(input, "fuzz");
  } catch (const std::invalid_argument& e) {
    ASSAY_FUZZ_CHECK(std::string(e.what()).rfind("maturity assessment: ", 0) == 0,
                     "an error says what it is about");
    return Verdict::rejected;
  }
  ASSAY_FUZZ_CHECK(a.percent >= 0 && a.percent <= 100, "the percentage is within 0..100");
  const auto kept = nlohmann::json::parse(a.json);
  ASSAY_FUZZ_CHECK(kept.is_object() && kept.contains("checks"), "the kept text is the checked object");
  ASSAY_FUZZ_CHECK(scan::parse_assessment(a.json, "again").level == a.level,
                   "the kept text reads back the same");
  return Verdict::accepted;
}

}  // namespace assay::fuzz
