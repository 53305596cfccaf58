// The payloads of the findings pipeline (scanner → scoring stage): one
// finding, or the end of one scanner run. Both are JSON objects with
// "schema": kSchemaVersion; docs/events.md describes them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "finding/finding.h"

namespace assay::bus {

// How a scanner run ended.
struct ScannerDone {
  std::string plugin;
  std::string status;     // "ok", "failed" or "cancelled"
  std::string error;      // empty when status is "ok"
  uint64_t findings = 0;  // findings the run sent before this message
};

// True for "ok", "failed" and "cancelled".
bool is_scanner_status(std::string_view status);

std::string encode_finding(const Finding& finding);
// Throws std::invalid_argument naming what is wrong (bad JSON, wrong schema,
// missing or mistyped field).
Finding decode_finding(std::string_view payload);

// Throws std::invalid_argument when done.status is not a scanner status.
std::string encode_done(const ScannerDone& done);
// Throws std::invalid_argument naming what is wrong.
ScannerDone decode_done(std::string_view payload);

}  // namespace assay::bus
