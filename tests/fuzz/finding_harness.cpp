// Fuzzing of the findings pipeline's payloads (the bus messages a scanner
// sends to the scoring stage) and of item identity.
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "bus/finding_message.h"
#include "finding/finding.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "scan/fingerprint.h"

namespace assay::fuzz {
namespace {

bool is_hex(const std::string& s) {
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Collapsed: no space at either end, no two in a row, no other white space.
void check_normalized(const std::string& text) {
  ASSAY_FUZZ_CHECK(text.empty() || (text.front() != ' ' && text.back() != ' '), "normalised text is trimmed");
  ASSAY_FUZZ_CHECK(text.find("  ") == std::string::npos, "normalised text has single spaces");
  for (char c : text) {
    ASSAY_FUZZ_CHECK(c == ' ' || !std::isspace(static_cast<unsigned char>(c)), "only spaces remain");
  }
  ASSAY_FUZZ_CHECK(scan::normalize_evidence(text) == text, "normalize_evidence is idempotent");
}

void check_identity(const Finding& finding) {
  const std::string print = scan::fingerprint(finding, 0);
  ASSAY_FUZZ_CHECK(print.size() == 32 && is_hex(print), "a fingerprint is 32 hex digits");
  ASSAY_FUZZ_CHECK(scan::fingerprint(finding, 0) == print, "fingerprint is deterministic");
  check_normalized(scan::normalize_evidence(finding.evidence));
  if (finding.identity.empty() && !finding.evidence.empty()) {
    Finding reformatted = finding;
    reformatted.evidence = scan::normalize_evidence(finding.evidence);
    if (!reformatted.evidence.empty())
      ASSAY_FUZZ_CHECK(scan::fingerprint(reformatted, 0) == print, "white space does not change identity");
  }
}

bool decodes_as_finding(std::string_view input) {
  Finding finding;
  try {
    finding = bus::decode_finding(input);
  } catch (const std::invalid_argument&) {
    return false;
  }
  const std::string encoded = bus::encode_finding(finding);
  const Finding again = bus::decode_finding(encoded);
  ASSAY_FUZZ_CHECK(again.to_json() == finding.to_json(), "a decoded finding survives encode and decode");
  check_identity(finding);
  return true;
}

bool decodes_as_done(std::string_view input) {
  bus::ScannerDone done;
  try {
    done = bus::decode_done(input);
  } catch (const std::invalid_argument&) {
    return false;
  }
  ASSAY_FUZZ_CHECK(bus::is_scanner_status(done.status), "a decoded done message has a scanner status");
  const bus::ScannerDone again = bus::decode_done(bus::encode_done(done));
  ASSAY_FUZZ_CHECK(again.plugin == done.plugin && again.status == done.status && again.error == done.error &&
                       again.findings == done.findings,
                   "a decoded done message survives encode and decode");
  return true;
}

// Finding::from_json on any JSON value, the schema field not required.
void read_as_json(std::string_view input) {
  const auto json = nlohmann::json::parse(input, nullptr, false);
  if (json.is_discarded()) return;
  try {
    Finding::from_json(json).to_json();
  } catch (const nlohmann::json::exception&) {
  } catch (const std::invalid_argument&) {
  }
}

}  // namespace

Verdict run_finding(std::string_view input) {
  check_normalized(scan::normalize_evidence(input));
  read_as_json(input);
  const bool finding = decodes_as_finding(input);
  const bool done = decodes_as_done(input);
  return finding || done ? Verdict::accepted : Verdict::rejected;
}

}  // namespace assay::fuzz
