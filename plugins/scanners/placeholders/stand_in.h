// Deciding whether a function is a stand-in: its body is only `pass`, `...`,
// a "not implemented" error, `unimplemented!()` / `todo!()`, a panic saying
// it is not implemented, empty next to a to-do marker, or constant or random
// data under a comment that calls it a placeholder, stub, mock, dummy, fake
// or simulation. Functions that only look like that for a reason (abstract
// methods, overload declarations, deliberate no-ops, real logic that
// mentions a mock) are not stand-ins.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "code_structure.h"

namespace assay::placeholders {

// Words that, in a comment in or above a function, make constant data a
// stand-in ("placeholder", "stub", ...) or an empty body unfinished ("TODO").
struct StandInWords {
  std::vector<std::string> stand_in;    // matched case-insensitively as word prefixes
  std::vector<std::string> unfinished;  // to-do tags, matched as whole words, any case
};

// The built-in word lists.
StandInWords default_words();

struct StandIn {
  std::string rule;      // pass-body, ellipsis-body, not-implemented, unimplemented-macro,
                         // panic-not-implemented, empty-with-marker, constant-stand-in
  std::string what;      // "is only `pass`", "returns constant data under a \"stub\" comment", ...
  std::string evidence;  // the body statement(s) or comment that shows it, no line numbers
  double confidence = 0.9;
};

// Whether `function` of `file` (a file of `language`) is a stand-in.
std::optional<StandIn> classify(const structure::FileStructure& file, const structure::Function& function,
                                const StandInWords& words);

}  // namespace assay::placeholders
