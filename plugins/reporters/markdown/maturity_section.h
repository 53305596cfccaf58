// The maturity part of BACKLOG.md, from the report header's "maturity"
// object (docs/report-data.md): level, overall percentage, one bar per
// dimension, the security posture, and the gap to the next level with the
// checks that close it fastest. Nothing is printed the header does not hold:
// a scan without an assessment gets no section.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace assay::reporters::markdown {

// Appends the "Maturity" section when the header's maturity was assessed.
void write_maturity(std::string& out, const nlohmann::ordered_json& header);

// "CI/CD", "Dependency management", … for a dimension id.
std::string dimension_label(const std::string& id);

// A ten-cell text bar for 0..100: "███████▌░░" (eighths per cell).
std::string percent_bar(double percent);

}  // namespace assay::reporters::markdown
