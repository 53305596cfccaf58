// The sections of BACKLOG.md that come from the state store: "Recently
// completed" and "This period's performance". Both are left out when the
// report header has no statistics (a host without a state store).
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace assay::reporters::markdown {

// The items completed in the statistics period, most recent first, at most
// `rows` of them: key, title, resolved time, commit, cycle time, value.
void write_recently_completed(std::string& out, const nlohmann::ordered_json& header, size_t rows);

// Discovered, completed, reopened, net change, cycle time, value delivered,
// backlog size, debt trend and the discovery sources of the period.
void write_period_performance(std::string& out, const nlohmann::ordered_json& header);

}  // namespace assay::reporters::markdown
