// `assay stats` for people: the statistics of docs/state.md as aligned lines.
#pragma once

#include <ostream>
#include <string>

#include "state/statistics.h"

namespace assay::cli {

void print_stats(std::ostream& out, const std::string& repository, const std::string& store,
                 const state::Statistics& stats);

// "$1,234": whole dollars with thousands separators.
std::string dollars(double usd);

}  // namespace assay::cli
