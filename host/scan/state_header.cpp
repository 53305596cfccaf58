#include "scan/state_header.h"

#include <nlohmann/json.hpp>

#include "state/statistics_json.h"

namespace assay::scan {

namespace {

// The results every header names, also before the first attempt, so that a
// reader (the metrics reporter) sees a 0 rather than nothing.
constexpr const char* kDeliveryResults[] = {"delivered", "rate_limited", "server_error", "timeout",
                                            "network_error", "rejected", "dead"};

nlohmann::json service_json(const state::DeliveryCounts& counts) {
  nlohmann::json results = nlohmann::json::object();
  for (const char* result : kDeliveryResults) results[result] = 0;
  for (const auto& [result, count] : counts.results) results[result] = count;
  return {{"outbox_depth", counts.pending}, {"dead_letters", counts.dead}, {"webhook_deliveries", results}};
}

}  // namespace

void add_state_fields(nlohmann::json& header, const StateReport& state) {
  // Without a store there is no outbox: nothing queued, nothing sent.
  header["service"] = service_json(state.enabled ? state.delivery : state::DeliveryCounts{});
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
