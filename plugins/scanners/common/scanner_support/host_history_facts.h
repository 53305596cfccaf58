// The one place where scanners learn history facts from the host. See
// history_facts.h for the interface they use.
#pragma once

#include <assay/plugin.hpp>
#include <memory>

#include "history_facts.h"

namespace assay::scanners {

// History facts for this scan. Today's hosts (API 1.0/1.1 without history
// functions) offer none, so this returns NoHistoryFacts with the reason the
// scanners show: the scan target has no history (a plain directory),
// or the host offers no per-file history facts. When the host API gains the
// per-file facts of the history index (issue 3), an adapter over them is
// returned here, and nothing else in the scanners changes.
std::unique_ptr<HistoryFacts> history_facts_for(const sdk::Scan& scan);

}  // namespace assay::scanners
