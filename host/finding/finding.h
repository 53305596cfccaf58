// A finding as the host keeps it after a scanner emitted it: owned strings,
// optional fields explicit. It is the unit that travels over the bus from the
// scanners to the scoring stage.
//
// Findings made by from_abi and from_json keep their text in one form, so
// that a finding is the same whether it crossed the bus as JSON or as an
// object: strings are valid UTF-8 (invalid sequences replaced by U+FFFD as
// nlohmann's serializer replaces them), and details_json is empty or an
// object in nlohmann::json's compact dump (keys sorted, no whitespace).
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

struct assay_finding;

namespace assay {

struct Finding {
  std::string source;  // name of the scanner plugin that emitted it
  std::string rule;    // rule or tag id, e.g. "FIXME"
  std::string title;
  std::string category;  // empty: the scoring stage's default category
  std::string path;      // repository-relative, empty when not file-bound
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  std::string evidence;
  std::optional<double> effort_hours;
  std::optional<double> confidence;  // 0..1
  std::string severity;              // info|low|medium|high|critical or empty
  std::optional<double> cvss;        // 0..10
  std::vector<std::string> tags;
  std::string identity;      // scanner-supplied stable identity, may be empty
  std::string details_json;  // JSON object text in compact form (see above), may be empty

  // Copies a finding received through the C ABI, reading only the fields the
  // plugin's struct_size covers, into the form described above. Throws
  // std::invalid_argument naming the missing or malformed field.
  static Finding from_abi(const assay_finding& raw, const std::string& source);

  nlohmann::json to_json() const;
  // Throws nlohmann::json::exception or std::invalid_argument on bad input.
  static Finding from_json(const nlohmann::json& j);
};

// The categories the scoring model knows, in the order reports list them.
const std::vector<std::string>& known_categories();
// The severities, lowest first.
const std::vector<std::string>& known_severities();

}  // namespace assay
