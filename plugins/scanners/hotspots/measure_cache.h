// A file's measure as the hotspots scanner keeps it in the host's cache
// (plugin ABI 1.4), keyed by blob id and language: an unchanged file is not
// read or analysed again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "file_complexity.h"

namespace assay::hotspots {

// Names the measure in cache keys; a change of measure_file's results needs
// a new version here.
inline constexpr std::string_view kMeasureCacheName = "hotspots.complexity/1";

struct FileMeasure {
  uint64_t size = 0;    // bytes read
  bool binary = false;  // looked binary: not measured
  FileComplexity complexity;
};

std::string encode_measure(const FileMeasure& measure);
// nullopt when `record` is not one encode_measure wrote.
std::optional<FileMeasure> decode_measure(std::string_view record);

}  // namespace assay::hotspots
