// The report header's `service` object (docs/report-data.md): the outbox's
// depth, dead messages and delivery counters, with every result named.
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
    "outbox_depth": 2, "dead_letters": 1,
    "webhook_deliveries": {"delivered": 7, "rate_limited": 0, "server_error": 3, "timeout": 0,
                           "network_error": 0, "rejected": 0, "dead": 1}})"));
}

TEST(ServiceHeader, AllZeroWithoutAStore) {
  nlohmann::json header = nlohmann::json::object();
  add_state_fields(header, StateReport{});
  EXPECT_EQ(header["service"]["outbox_depth"], 0);
  EXPECT_EQ(header["service"]["webhook_deliveries"]["delivered"], 0);
  EXPECT_EQ(header["service"]["webhook_deliveries"].size(), 7u);
  EXPECT_TRUE(header["state"].is_null());
}

}  // namespace
}  // namespace assay::scan
