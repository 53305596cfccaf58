// The hotspots scanner's configuration section (plugins.hotspots) and its
// JSON Schema; config/assay.yaml repeats the defaults.
#pragma once

#include <cstdint>
#include <string_view>

namespace assay::hotspots {

struct HotspotsConfig {
  // Share of the candidate files reported, most pressing first (0..1].
  double top_share = 0.05;
  // At most this many findings per scan.
  uint32_t max_findings = 20;
  // Files changed fewer times in the history window are no candidates.
  uint32_t min_commits = 10;
  // Files larger than this many bytes are not analysed.
  uint64_t max_file_size = 1 << 20;

  // Reads the section as JSON text; absent keys keep their defaults.
  // Throws std::runtime_error naming the field ("plugins.hotspots.top_share: ...").
  static HotspotsConfig parse(std::string_view json_text);
};

const char* hotspots_config_schema();

}  // namespace assay::hotspots
