// The plugin's configuration section (plugins.markers), its JSON Schema, and
// its defaults, which config/assay.yaml repeats and documents.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "classification.h"

namespace assay::markers {

inline constexpr uint64_t kDefaultMaxFileSize = 4 * 1024 * 1024;

// `enabled` is accepted but not kept: the host decides whether the plugin
// runs and never opens a disabled one.
struct MarkersConfig {
  uint64_t max_file_size = kDefaultMaxFileSize;  // bytes; larger files are skipped
  // Ask the host for each marker's origin (commit, author, time): its age
  // then feeds the score. Needs a host with history (API 1.1).
  bool origins = true;
  std::vector<TagRule> tags;
  std::vector<KeywordRule> keywords;  // first match wins
  // File extension (lower case, no dot) → language id; overrides the host's guess.
  std::map<std::string, std::string, std::less<>> languages;

  // The built-in defaults: seven tags and six keyword rules.
  static MarkersConfig defaults();

  // Reads the section as JSON text; keys that are absent keep their default.
  // A tag may be a mapping or a bare name, which takes the built-in rule of
  // a default tag and technical-debt/low/1 h for any other. Throws
  // std::runtime_error naming the offending field, e.g.
  // "plugins.markers.tags[2].severity: ...", also when a tag's effort_hours
  // times a keyword rule's effort_multiplier exceeds kMaxEffortHours.
  static MarkersConfig parse(std::string_view json_text);

  const TagRule* rule_for(std::string_view tag) const;
  std::vector<std::string> tag_names() const;

  // The language id for a file: the `languages` entry for its extension,
  // else the host's guess (may be empty).
  std::string_view language_for(std::string_view path, std::string_view host_language) const;
};

// JSON Schema of the section, for the host's validation and `assay plugins list`.
const char* markers_config_schema();

}  // namespace assay::markers
