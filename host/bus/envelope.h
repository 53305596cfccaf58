// The envelope every published event carries, so that a subscriber can order
// events, tell producers apart and see a gap (docs/events.md, "Envelope").
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace assay::bus {

struct Stamp {
  std::string_view producer;  // host id
  uint64_t epoch = 0;         // start of the producer's sequence, ms since 1970
  uint64_t seq = 0;           // 1, 2, 3 ... within (producer, epoch)
  std::chrono::system_clock::time_point time;
};

// Adds schema, time, producer, epoch and seq to `payload`, replacing any value
// the caller put there under those names. Throws std::invalid_argument naming
// the topic when the payload is not an object or lacks a string "scan_id" or
// "repository", which every event carries.
void stamp_event(nlohmann::json& payload, std::string_view topic, const Stamp& stamp);

// "2024-05-01T12:34:56.789Z": ISO 8601, UTC, milliseconds.
std::string format_utc_ms(std::chrono::system_clock::time_point time);

// "<hostname>:<pid>", the producer id a host uses unless configured otherwise.
std::string default_producer_id();

// An epoch for a new publisher: the process start time (ms since 1970) for the
// first publisher of the process, and a later, distinct value for each one
// after, so that (producer, epoch) never names two sequences. Thread-safe.
uint64_t next_publisher_epoch();

}  // namespace assay::bus
