#include "scan/state_header.h"

#include <nlohmann/json.hpp>

#include "state/statistics_json.h"

namespace assay::scan {

void add_state_fields(nlohmann::json& header, const StateReport& state) {
  if (!state.enabled) {
    header["state"] = nullptr;
    header["stats"] = nullptr;
    header["completed"] = nlohmann::json::array();
    return;
  }
  header["state"] = {{"store", state.store},
                     {"merged", state.merged},
                     {"new", state.new_items},
                     {"reopened", state.reopened_items},
                     {"resolved", state.resolved_items}};
  // Converted through text: the ordered form keeps the documented key order
  // only until it enters this (sorted) header, which is fine for readers.
  header["stats"] = nlohmann::json::parse(state::statistics_json(state.stats).dump());
  header["completed"] = nlohmann::json::parse(state::completed_json(state.stats).dump());
}

}  // namespace assay::scan
