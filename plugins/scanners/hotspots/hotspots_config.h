// The hotspots scanner's configuration section (plugins.hotspots) and its
// JSON Schema; config/assay.yaml repeats the defaults.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  // Languages whose files are no candidates: prose and data formats by
  // default, whose nesting is the shape of their content, not control flow
  // anyone refactors. Every entry is a language id the lexer knows.
  std::vector<std::string> skip_languages = default_skip_languages();

  static std::vector<std::string> default_skip_languages();

  bool skips(std::string_view language) const;

  // Reads the section as JSON text; absent keys keep their defaults.
  // Throws std::runtime_error naming the field ("plugins.hotspots.top_share: ...").
  static HotspotsConfig parse(std::string_view json_text);
};

const char* hotspots_config_schema();

}  // namespace assay::hotspots
