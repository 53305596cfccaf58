// The maturity trend in BACKLOG.md: how the level and percentages moved over
// the assessments the state store kept (the header's maturity.trend,
// docs/report-data.md).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace assay::reporters::markdown {

// Appends "### Trend" from `maturity`'s "trend" list: with one assessment a
// sentence that the trend starts with it; with more, the overall change from
// the first to the last, a table of every assessment with its change, the
// change of each dimension since the previous assessment, and a Mermaid line
// of the overall percentage. Nothing when the header has no trend (no state
// store) or an empty one.
void write_maturity_trend(std::string& out, const nlohmann::ordered_json& maturity);

}  // namespace assay::reporters::markdown
