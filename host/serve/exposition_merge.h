// Merges Prometheus text expositions (the metrics reporter's textfiles of
// several repositories) into one: each family's HELP and TYPE once, then the
// samples of that family from every input, families in order of first
// appearance. The format forbids a family appearing twice, which a plain
// concatenation would do.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace assay::serve {

// Families named in `skip` are left out (the host renders them itself, with
// live values). Comment lines other than HELP and TYPE are dropped.
std::string merge_expositions(const std::vector<std::string>& texts, const std::set<std::string>& skip = {});

}  // namespace assay::serve
