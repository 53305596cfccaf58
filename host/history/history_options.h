// The `history:` section of the configuration (docs/configuration.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace YAML {
class Node;
}

namespace assay::history {

// How a file's change frequency becomes the hotspot multiplier the scoring
// stage applies to every finding in that file (docs/scoring.md):
//   multiplier = clamp(1 + per_doubling × log2((commits + 1) / (median + 1)),
//                      min_multiplier, max_multiplier)
// where commits is the file's count in the window and median the median
// count of the scanned files that changed in the window at all.
struct HotspotRules {
  double per_doubling = 0.5;
  double min_multiplier = 0.5;
  double max_multiplier = 3.0;
};

struct HistoryOptions {
  bool enabled = true;
  // Length of the window in seconds; nullopt = the whole history.
  std::optional<int64_t> window_seconds;
  std::string window_text = "all";  // as configured, for reports
  bool first_parent = false;
  uint64_t max_blob_bytes = 1 << 20;  // line origins: larger versions are not diffed
  // Relative to the repository root (the git directory for a bare
  // repository); "" disables the cache.
  std::string cache_file = ".assay/history.cache";
  HotspotRules hotspot;

  // Where the cache file of a repository rooted at `root` is: cache_file
  // when absolute, else under `root`, lexically normal; "" when the cache
  // is off.
  std::filesystem::path cache_path(const std::filesystem::path& root) const;

  // Reads the merged `history` section (the defaults when it is absent).
  // Throws std::invalid_argument naming the field ("history.since: ...").
  static HistoryOptions from_yaml(const YAML::Node& section);
};

// Parses a window: "all" (nullopt) or a positive number followed by d
// (days), w (weeks) or y (365 days). Throws std::invalid_argument.
std::optional<int64_t> parse_window(const std::string& text);

}  // namespace assay::history
