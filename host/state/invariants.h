// The store's own rules, checked over what any backend returns: keys unique
// and below their counters, every item's fields consistent with its status
// and with its last lifecycle event, and the backlog equal to what the last
// merged scan recorded. `assay state check` runs these after the backend's
// integrity check.
#pragma once

#include <string>
#include <vector>

#include "state/state_store.h"

namespace assay::state {

// One line per broken rule, naming the repository and item or scan; empty
// when every rule holds.
std::vector<std::string> check_invariants(StateReader& reader);

}  // namespace assay::state
