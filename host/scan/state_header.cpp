#include "scan/state_header.h"

#include <nlohmann/json.hpp>

#include "state/delivery_results.h"
#include "state/statistics_json.h"

namespace assay::scan {

namespace {

// The outbox of the scan's store as the report stage begins (this scan's own
// messages are not queued yet): service.outbox and service.deliveries.
void add_delivery_fields(nlohmann::json& header, const state::DeliveryCounts& counts) {
  nlohmann::json results = nlohmann::json::object();
  // Every result is named, also before the first attempt, so that a reader
  // (the metrics reporter) sees a 0 rather than nothing.
  for (const char* result : state::kDeliveryResults) results[result] = 0;
  for (const auto& [result, count] : counts.results) results[result] = count;
  header["service"]["outbox"] = {{"depth", counts.pending}, {"dead", counts.dead}};
  header["service"]["deliveries"] = std::move(results);
}

}  // namespace

void add_state_fields(nlohmann::json& header, const StateReport& state) {
  header["service"] = nlohmann::json::object();
  if (!state.enabled) {  // no store, no outbox: service.outbox and .deliveries are absent
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
  add_delivery_fields(header, state.delivery);
  // Converted through text: the ordered form keeps the documented key order
  // only until it enters this (sorted) header, which is fine for readers.
  header["stats"] = nlohmann::json::parse(state::statistics_json(state.stats).dump());
  header["completed"] = nlohmann::json::parse(state::completed_json(state.stats).dump());
}

}  // namespace assay::scan
