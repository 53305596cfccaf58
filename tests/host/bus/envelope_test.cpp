#include "bus/envelope.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bus/ipc_lock.h"

namespace assay::bus {
namespace {

TEST(Envelope, FormatsUtcWithMilliseconds) {
  const std::chrono::system_clock::time_point t{std::chrono::milliseconds(1714566896789)};
  EXPECT_EQ(format_utc_ms(t), "2024-05-01T12:34:56.789Z");
  EXPECT_EQ(format_utc_ms(std::chrono::system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
}

TEST(Envelope, StampAddsEveryEnvelopeField) {
  nlohmann::json payload = {{"scan_id", "s1"}, {"repository", "/r"}, {"seq", 999}, {"status", "ok"}};
  const std::chrono::system_clock::time_point t{std::chrono::milliseconds(1000)};
  stamp_event(payload, "assay.scan.completed", Stamp{"host:1", 77, 5, t});
  EXPECT_EQ(payload["schema"], 1);
  EXPECT_EQ(payload["time"], "1970-01-01T00:00:01.000Z");
  EXPECT_EQ(payload["producer"], "host:1");
  EXPECT_EQ(payload["epoch"], 77);
  EXPECT_EQ(payload["seq"], 5);
  EXPECT_EQ(payload["status"], "ok");
}

TEST(Envelope, StampRefusesPayloadWithoutScanFields) {
  nlohmann::json no_scan = {{"repository", "/r"}};
  try {
    stamp_event(no_scan, "assay.finding", Stamp{"h", 1, 1, {}});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "event 'assay.finding' payload lacks string field 'scan_id'");
  }
  nlohmann::json array = nlohmann::json::array();
  EXPECT_THROW(stamp_event(array, "t", Stamp{"h", 1, 1, {}}), std::invalid_argument);
  nlohmann::json numeric_repo = {{"scan_id", "s"}, {"repository", 3}};
  EXPECT_THROW(stamp_event(numeric_repo, "t", Stamp{"h", 1, 1, {}}), std::invalid_argument);
}

TEST(Envelope, EpochsAreDistinctAndIncreasing) {
  const uint64_t first = next_publisher_epoch();
  const uint64_t second = next_publisher_epoch();
  const uint64_t third = next_publisher_epoch();
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  const auto now_ms = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count());
  EXPECT_LE(first, now_ms + 1000);
  EXPECT_GT(first, now_ms - 3600 * 1000);
}

TEST(Envelope, ProducerIdNamesHostAndProcess) {
  const std::string id = default_producer_id();
  EXPECT_NE(id.find(':' + std::to_string(getpid())), std::string::npos) << id;
}

TEST(IpcEndpointLock, SecondHolderIsRefused) {
  const auto dir = std::filesystem::temp_directory_path() / ("assay-bus-lock-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string endpoint = "ipc://" + (dir / "events.sock").string();
  {
    IpcEndpointLock first(endpoint);
    EXPECT_EQ(first.lock_path(), (dir / "events.sock.lock").string());
    try {
      IpcEndpointLock second(endpoint);
      FAIL() << "second lock taken";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("already bound"), std::string::npos) << e.what();
    }
  }
  IpcEndpointLock again(endpoint);  // released with the first holder
  EXPECT_TRUE(IpcEndpointLock("inproc://x").lock_path().empty());
  EXPECT_TRUE(IpcEndpointLock("ipc://@abstract").lock_path().empty());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace assay::bus
