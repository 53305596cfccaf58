// One SARIF location (§3.28) of a result, its path resolved into the
// repository or refused.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json_path.h"
#include "run_context.h"
#include "sarif_problem.h"
#include "uri_resolver.h"

namespace assay::sarif {

struct ResultLocation {
  std::string path;         // repository-relative; "" when the location names no file
  std::string uri;          // the URI as written (from the artifact when given by index)
  std::string uri_base_id;  // as written
  std::string refused;      // why the URI is not a repository path; "" when it is
  uint32_t line_start = 0;  // region, 1-based; 0 when not given
  uint32_t line_end = 0;
  uint32_t column_start = 0;
  uint32_t column_end = 0;
  std::string snippet;  // region.snippet.text, else contextRegion.snippet.text
  std::string message;
  std::vector<std::string> logical;  // logical locations: fully qualified names

  nlohmann::ordered_json details() const;
};

// Reads the location object at `where`. Throws input::FieldError when it is
// not an object or its physicalLocation is malformed; problems with optional
// parts (region, message) are reported in `problems` and left out.
ResultLocation read_location(const nlohmann::json& location, const RunContext& run,
                             const UriResolver& resolver, const input::JsonPath& where,
                             ProblemList& problems);

}  // namespace assay::sarif
