// The one place where scanners learn history facts from the host. See
// history_facts.h for the interface they use.
#pragma once

#include <assay/plugin.hpp>
#include <memory>

#include "history_facts.h"

namespace assay::scanners {

// History facts for this scan, valid while `scan` is (inside scanner_scan).
// Over the host API 1.1 history functions when the host offers them and has
// a history for this scan; otherwise NoHistoryFacts with the reason the
// scanners show: a 1.0 host, a scan target that is not a git repository, a
// target without files, or a host without history for this scan (history
// disabled in the configuration, a repository without commits, a history
// that could not be walked).
std::unique_ptr<HistoryFacts> history_facts_for(const sdk::Scan& scan);

}  // namespace assay::scanners
