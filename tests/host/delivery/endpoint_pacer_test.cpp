// The pace shared by the senders of several stores keeps the latest attempt
// of each endpoint.
#include "delivery/endpoint_pacer.h"

#include <gtest/gtest.h>

namespace assay::delivery {
namespace {

TEST(EndpointPacer, KeepsTheLatestAttemptPerEndpoint) {
  EndpointPacer pacer;
  EXPECT_EQ(pacer.last_attempt_ms("env:A"), 0);
  pacer.record("env:A", 5000);
  pacer.record("env:A", 4000);  // an older attempt of another store's sender
  pacer.record("file:/b", 7000);
  EXPECT_EQ(pacer.last_attempt_ms("env:A"), 5000);
  EXPECT_EQ(pacer.last_attempt_ms("file:/b"), 7000);
  pacer.record("env:A", 6500);
  EXPECT_EQ(pacer.last_attempt_ms("env:A"), 6500);
}

}  // namespace
}  // namespace assay::delivery
