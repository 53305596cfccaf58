#include "host_history_facts.h"

namespace assay::scanners {

std::unique_ptr<HistoryFacts> history_facts_for(const sdk::Scan& scan) {
  if (scan.commit().empty())
    return std::make_unique<NoHistoryFacts>("the scan target is not a git repository, so it has no history");
  return std::make_unique<NoHistoryFacts>("this host offers no per-file history facts to plugins");
}

}  // namespace assay::scanners
