// `assay state export`: the whole store as JSON lines, one object per row,
// each with a "type" (store, repository, key_counter, scan, item, event,
// score), in an order a reader can replay: a row comes after the rows it
// refers to. docs/state.md shows each type.
#pragma once

#include <iosfwd>

#include "state/state_store.h"

namespace assay::state {

// Writes every row `reader` sees; returns the number of lines written.
size_t export_json_lines(StateReader& reader, std::ostream& out);

}  // namespace assay::state
