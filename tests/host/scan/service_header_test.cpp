// The store's part of the report header's `service` object
// (docs/report-data.md): the outbox's depth and dead messages, and the
// delivery counters with every result named; nothing without a store.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scan/state_header.h"

namespace assay::scan {
namespace {

TEST(ServiceHeader, CountsFromTheStoreWithEveryResultNamed) {
  StateReport state;
  state.enabled = true;
  state.delivery.pending = 2;
  state.delivery.dead = 1;
  state.delivery.results = {{"delivered", 7}, {"server_error", 3}, {"dead", 1}};
  nlohmann::json header = nlohmann::json::object();
  add_state_fields(header, state);
  EXPECT_EQ(header["service"], nlohmann::json::parse(R"({
    "outbox": {"depth": 2, "dead": 1},
    "deliveries": {"delivered": 7, "rate_limited": 0, "server_error": 3, "timeout": 0,
                   "network_error": 0, "rejected": 0, "dead": 1}})"));
}

TEST(ServiceHeader, AStoreWithNothingQueuedYetHasZeros) {
  StateReport state;
  state.enabled = true;
  nlohmann::json header = nlohmann::json::object();
  add_state_fields(header, state);
  EXPECT_EQ(header["service"]["outbox"], nlohmann::json::parse(R"({"depth": 0, "dead": 0})"));
  EXPECT_EQ(header["service"]["deliveries"].size(), 7u);
  EXPECT_EQ(header["service"]["deliveries"]["delivered"], 0);
}

TEST(ServiceHeader, EmptyWithoutAStore) {
  nlohmann::json header = nlohmann::json::object();
  add_state_fields(header, StateReport{});
  EXPECT_EQ(header["service"], nlohmann::json::object());
  EXPECT_TRUE(header["state"].is_null());
}

}  // namespace
}  // namespace assay::scan
