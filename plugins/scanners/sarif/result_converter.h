// Converts one SARIF result (§3.27) into an assay finding, losslessly: every
// location, related location and code flow step, the rule's metadata, the
// fingerprints, suppressions under review, taxa, fixes and property bags
// go into the finding's details.
//
// A result is not a finding when
//  - its kind is pass, notApplicable or informational (not a problem);
//  - it is suppressed: at least one suppression and none of them with
//    status underReview or rejected (a suppression without status counts
//    as accepted, as GitHub and GitLab read it);
//  - its baselineState is not one of the configured baseline_states
//    ("absent" by default: the result went away);
//  - its first location resolves outside the repository (refused).
// Related locations and code flow steps outside the repository are dropped
// and reported; the result is kept.
#pragma once

#include <assay/plugin.hpp>
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "json_path.h"
#include "run_context.h"
#include "sarif_options.h"
#include "sarif_problem.h"
#include "uri_resolver.h"

namespace assay::sarif {

enum class ResultOutcome { finding, not_a_problem, suppressed, baseline_filtered, refused };

struct ConvertedResult {
  ResultOutcome outcome = ResultOutcome::finding;
  sdk::Finding finding;  // filled when outcome is finding
};

// line_text_hash() of line `line` (1-based) of repository file `path`, or
// nullopt when the file is not part of the scan or has no such line.
using LineHashSource = std::function<std::optional<uint64_t>(const std::string& path, uint32_t line)>;

class ResultConverter {
 public:
  // `sarif_path` is the repository path of the SARIF file, for the details.
  ResultConverter(const SarifOptions& options, const UriResolver& resolver, std::string sarif_path,
                  LineHashSource line_hashes);

  // Converts runs[run_index].results[result_index] at `where`. Throws
  // input::FieldError when the result is malformed beyond use (not an object,
  // no message and no rule description, locations not an array); problems
  // with optional parts are added to `problems` and the parts left out.
  ConvertedResult convert(const nlohmann::json& result, const RunContext& run, size_t run_index,
                          size_t result_index, const input::JsonPath& where, ProblemList& problems) const;

 private:
  const SarifOptions& options_;
  const UriResolver& resolver_;
  std::string sarif_path_;
  LineHashSource line_hashes_;
};

}  // namespace assay::sarif
