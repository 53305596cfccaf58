// Reads one OSV JSON document into an Advisory, checking the structure the
// OSV schema prescribes for the fields matching relies on.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "advisory.h"

namespace assay::osv {

// A malformed advisory; what() is "<json path>: <problem>", e.g.
// "affected[0].ranges[1].events[2]: an event has exactly one of introduced,
// fixed, last_affected, limit" or "line 4, column 2: expected ',' ...".
class AdvisoryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses an OSV document. Refused (AdvisoryError): invalid JSON, a missing
// or empty id, wrongly typed fields, a range without a known type or
// without an introduced event, an event that is not exactly one of the four
// kinds, a range with both fixed and last_affected events. Unknown fields
// are ignored, as the schema's minor versions only add fields. Affected
// packages of other ecosystems are checked for their package only and
// dropped.
Advisory parse_advisory(std::string_view json_text);

}  // namespace assay::osv
