#include "bus/envelope.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bus/topics.h"

namespace assay::bus {
namespace {

uint64_t to_ms(std::chrono::system_clock::time_point time) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count());
}

// Taken during static initialisation, i.e. when the process starts.
const uint64_t process_start_ms = to_ms(std::chrono::system_clock::now());

void require_string(const nlohmann::json& payload, const char* field, std::string_view topic) {
  auto it = payload.find(field);
  if (it == payload.end() || !it->is_string()) {
    throw std::invalid_argument("event '" + std::string(topic) + "' payload lacks string field '" + field +
                                "'");
  }
}

}  // namespace

void stamp_event(nlohmann::json& payload, std::string_view topic, const Stamp& stamp) {
  if (!payload.is_object()) {
    throw std::invalid_argument("event '" + std::string(topic) + "' payload is not a JSON object");
  }
  require_string(payload, "scan_id", topic);
  require_string(payload, "repository", topic);
  payload["schema"] = kSchemaVersion;
  payload["time"] = format_utc_ms(stamp.time);
  payload["producer"] = stamp.producer;
  payload["epoch"] = stamp.epoch;
  payload["seq"] = stamp.seq;
}

std::string format_utc_ms(std::chrono::system_clock::time_point time) {
  const uint64_t ms = to_ms(time);
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 96> text{};  // room for any int the format could see
  std::snprintf(text.data(), text.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<unsigned>(ms % 1000));
  return text.data();
}

std::string default_producer_id() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0 || host[0] == '\0') {
    return "localhost:" + std::to_string(getpid());
  }
  return std::string(host.data()) + ":" + std::to_string(getpid());
}

uint64_t next_publisher_epoch() {
  static std::atomic<uint64_t> last{0};
  uint64_t previous = last.load();
  for (;;) {
    // process_start_ms is still 0 if this runs during another file's static
    // initialisation; the current time is the process start then.
    const uint64_t now = to_ms(std::chrono::system_clock::now());
    const uint64_t candidate =
        previous == 0 ? (process_start_ms != 0 ? process_start_ms : now) : std::max(previous + 1, now);
    if (last.compare_exchange_weak(previous, candidate)) return candidate;
  }
}

}  // namespace assay::bus
