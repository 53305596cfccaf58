// Problems the SARIF reader reports about a file, each with the JSON path
// it concerns, so that a message reads
//   reports/codeql.sarif: runs[0].results[3].locations: must be an array, got a string
#pragma once

#include <string>
#include <vector>

namespace assay::sarif {

enum class ProblemKind {
  file_unreadable,   // the whole file is skipped: not JSON, truncated, not SARIF 2.1.0
  run_skipped,       // one run is skipped (no tool name, not an object)
  result_skipped,    // one result is skipped (malformed)
  value_ignored,     // a malformed optional value was left out; the result is kept
  location_refused,  // a URI resolves outside the repository; that location is dropped
};

struct SarifProblem {
  ProblemKind kind;
  std::string path;     // JSON path, e.g. "runs[0].results[3].locations"
  std::string message;  // what is wrong, without the path
};

// Collects the problems found while reading one part of a file.
using ProblemList = std::vector<SarifProblem>;

}  // namespace assay::sarif
