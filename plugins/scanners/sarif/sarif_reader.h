// Reads one SARIF 2.1.0 file into findings. Memory stays bounded by the
// largest single result and one run's metadata, not the file: the text is
// read twice as events (selective_json_reader.h), first for each run's tool,
// rules, uriBaseIds, artifacts and taxonomies (results skipped), then for
// the results one at a time. The first pass also checks the whole text, so
// a truncated or malformed file yields one error naming the line, column
// and JSON path where reading stopped, and no findings at all.
#pragma once

#include <assay/plugin.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "result_converter.h"
#include "sarif_options.h"
#include "sarif_problem.h"
#include "selective_json_reader.h"
#include "uri_resolver.h"

namespace assay::sarif {

// Receives what the reader makes of a file, in document order.
class SarifEvents {
 public:
  virtual ~SarifEvents() = default;
  // Returns false to stop reading (the scan is cancelled).
  virtual bool on_finding(sdk::Finding&& finding) = 0;
  virtual void on_problem(const SarifProblem& problem) = 0;
};

struct SarifFileSummary {
  bool readable = false;  // the file is a SARIF 2.1.0 log; false after a file_unreadable problem
  bool stopped = false;   // on_finding asked to stop
  size_t runs = 0;
  size_t results = 0;
  size_t findings = 0;
  size_t not_a_problem = 0;  // kind pass, notApplicable, informational
  size_t suppressed = 0;
  size_t baseline_filtered = 0;
  size_t refused = 0;  // first location outside the repository
  size_t malformed = 0;
};

// Reads `text`, the SARIF file at repository path `sarif_path`.
SarifFileSummary read_sarif(std::string_view text, const std::string& sarif_path, const SarifOptions& options,
                            const UriResolver& resolver, const LineHashSource& line_hashes,
                            SarifEvents& events, const input::JsonReadOptions& json_options = {});

}  // namespace assay::sarif
