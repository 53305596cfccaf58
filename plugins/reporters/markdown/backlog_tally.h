// What the markdown reporter keeps of the item stream: the top rows, the next
// best item with its score breakdown, technical-debt totals per file and item
// counts per source and category. Everything else is dropped as it arrives,
// so memory grows with the number of files, not with the length of evidence.
#pragma once

#include <assay/plugin.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::reporters::markdown {

// Where an item's line came from (the item's "origin"), when known.
struct ItemOrigin {
  std::string state;   // committed | at_or_before | uncommitted | before_history
  std::string commit;  // 40-hex or ""
  std::string author;  // "Name <email>" or ""
  std::string time;    // ISO 8601 UTC or ""
};

// One row of the prioritised backlog table.
struct BacklogRow {
  uint32_t rank = 0;
  std::string key;
  std::string title;
  std::string category;
  double composite = 0;
  double effort_hours = 0;
  double value_usd = 0;
  std::optional<ItemOrigin> origin;
};

// One line of an item's score breakdown: "wsjf", 6.5, "(business value 6 + …) / …".
struct ScoreExplanation {
  std::string name;
  std::optional<double> value;
  std::string formula;
};

struct NextBestItem {
  BacklogRow row;
  std::string path;
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  double wsjf = 0;
  double ice = 0;
  double technical_debt = 0;
  double security = 0;
  double risk = 0;
  std::vector<ScoreExplanation> breakdown;
};

struct HotspotEntry {
  std::string key;
  std::string title;
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  double effort_hours = 0;
};

// Technical debt in one file. `listed` holds the first entries in rank order;
// item_count and effort_hours cover all of them.
struct HotspotFile {
  std::string path;
  size_t item_count = 0;
  double effort_hours = 0;
  std::vector<HotspotEntry> listed;
};

// Items from one source or of one category.
struct Share {
  std::string name;
  size_t items = 0;
  double effort_hours = 0;
};

class BacklogTally {
 public:
  // Keeps `top` table rows and `entries_per_file` hot-spot entries per file;
  // `next_best_key` is the key whose breakdown is kept ("" for none).
  BacklogTally(size_t top, size_t entries_per_file, std::string next_best_key);

  // Takes one item, in rank order. Throws std::invalid_argument when the next
  // best item's JSON or breakdown is malformed.
  void add(const assay_item& item);

  size_t item_count() const { return item_count_; }
  const std::vector<BacklogRow>& top_rows() const { return top_rows_; }
  const std::optional<NextBestItem>& next_best() const { return next_best_; }
  const std::string& next_best_key() const { return next_best_key_; }

  // The `limit` files with the most technical-debt effort, most first.
  std::vector<HotspotFile> hotspot_files(size_t limit) const;
  size_t hotspot_file_count() const { return hotspots_.size(); }
  size_t hotspot_item_count() const { return hotspot_items_; }
  double hotspot_effort_hours() const { return hotspot_effort_hours_; }

  // Most items first, then by name.
  std::vector<Share> by_source() const { return sorted(by_source_); }
  std::vector<Share> by_category() const { return sorted(by_category_); }

 private:
  void add_hotspot(const assay_item& item);
  // Maps keyed by text, searched by a view of the item's own (no copy).
  using SharesByName = std::map<std::string, Share, std::less<>>;
  static std::vector<Share> sorted(const SharesByName& shares);

  size_t top_;
  size_t entries_per_file_;
  std::string next_best_key_;
  size_t item_count_ = 0;
  std::vector<BacklogRow> top_rows_;
  std::optional<NextBestItem> next_best_;
  std::map<std::string, HotspotFile, std::less<>> hotspots_;
  size_t hotspot_items_ = 0;
  double hotspot_effort_hours_ = 0;
  SharesByName by_source_;
  SharesByName by_category_;
};

// True for the categories the hot-spot section counts as technical debt.
bool is_debt_category(std::string_view category);

}  // namespace assay::reporters::markdown
