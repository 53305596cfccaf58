// Renders BACKLOG.md from the report header and the tallied items. Every
// number printed comes from one of the two; a section whose data is absent is
// left out rather than filled in.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "backlog_tally.h"

namespace assay::reporters::markdown {

// `header` is the report header as parse_report_header returns it;
// `hotspot_files` is how many files the hot-spot section lists,
// `completed_rows` how many items "Recently completed" lists.
std::string render_backlog(const nlohmann::ordered_json& header, const BacklogTally& tally,
                           size_t hotspot_files, size_t completed_rows);

}  // namespace assay::reporters::markdown
