#include "backlog_tally.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace assay::reporters::markdown {
namespace {

using nlohmann::ordered_json;

std::string text(const char* s) { return s ? s : ""; }
std::string_view view(const char* s) { return s ? std::string_view(s) : std::string_view(); }

BacklogRow row_of(const assay_item& item) {
  return BacklogRow{item.rank,      text(item.key),    text(item.title), text(item.category),
                    item.composite, item.effort_hours, item.value_usd,   std::nullopt};
}

ordered_json parse_item(const assay_item& item) {
  const std::string key = text(item.key);
  if (!item.json) throw std::invalid_argument("item " + key + " carries no JSON");
  ordered_json parsed = ordered_json::parse(item.json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object())
    throw std::invalid_argument("item " + key + ": its JSON is not a JSON object");
  return parsed;
}

// The breakdown object of an item's JSON, in the host's order.
std::vector<ScoreExplanation> read_breakdown(const ordered_json& parsed, const std::string& key) {
  std::vector<ScoreExplanation> breakdown;
  auto it = parsed.find("breakdown");
  if (it == parsed.end() || it->is_null()) return breakdown;
  if (!it->is_object()) throw std::invalid_argument("item " + key + ": field 'breakdown' must be an object");
  for (const auto& [name, entry] : it->items()) {
    if (!entry.is_object())
      throw std::invalid_argument("item " + key + ": field 'breakdown." + name + "' must be an object");
    ScoreExplanation line{name, std::nullopt, ""};
    if (auto v = entry.find("value"); v != entry.end() && v->is_number()) line.value = v->get<double>();
    if (auto f = entry.find("formula"); f != entry.end() && f->is_string())
      line.formula = f->get<std::string>();
    breakdown.push_back(std::move(line));
  }
  return breakdown;
}

std::string string_member(const ordered_json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The item's "origin" object; nullopt when absent, null or malformed (an
// older host writes none: the report then shows no age).
std::optional<ItemOrigin> read_origin(const ordered_json& parsed) {
  auto it = parsed.find("origin");
  if (it == parsed.end() || !it->is_object()) return std::nullopt;
  ItemOrigin origin{string_member(*it, "state"), string_member(*it, "commit"), string_member(*it, "author"),
                    string_member(*it, "time")};
  if (origin.state.empty()) return std::nullopt;
  return origin;
}

// The entry of `name`, made on its first sight.
template <class Map>
typename Map::mapped_type& entry_of(Map& map, std::string_view name) {
  auto found = map.find(name);
  if (found == map.end()) found = map.emplace(std::string(name), typename Map::mapped_type{}).first;
  return found->second;
}

void count(std::map<std::string, Share, std::less<>>& shares, std::string_view name, double effort_hours) {
  Share& share = entry_of(shares, name);
  if (share.items == 0) share.name = std::string(name);
  ++share.items;
  share.effort_hours += effort_hours;
}

}  // namespace

bool is_debt_category(std::string_view category) {
  return category == "technical-debt" || category == "code-quality";
}

BacklogTally::BacklogTally(size_t top, size_t entries_per_file, std::string next_best_key)
    : top_(top), entries_per_file_(entries_per_file), next_best_key_(std::move(next_best_key)) {}

void BacklogTally::add(const assay_item& item) {
  ++item_count_;
  const bool top = top_rows_.size() < top_;
  const bool best = !next_best_key_.empty() && !next_best_ && view(item.key) == next_best_key_;
  // Only the few items the document shows in detail are parsed.
  if (top || best) {
    // The next best item's JSON must be sound (its breakdown is shown); a
    // table row without readable JSON merely shows no age.
    const ordered_json parsed =
        best ? parse_item(item) : ordered_json::parse(item.json ? item.json : "", nullptr, false);
    BacklogRow row = row_of(item);
    if (parsed.is_object()) row.origin = read_origin(parsed);
    if (best) {
      next_best_ = NextBestItem{row,
                                text(item.path),
                                item.line_start,
                                item.line_end,
                                item.wsjf,
                                item.ice,
                                item.technical_debt,
                                item.security,
                                item.risk,
                                read_breakdown(parsed, text(item.key))};
    }
    if (top) top_rows_.push_back(std::move(row));
  }
  add_hotspot(item);
  count(by_source_, view(item.source), item.effort_hours);
  count(by_category_, view(item.category), item.effort_hours);
}

void BacklogTally::add_hotspot(const assay_item& item) {
  const std::string_view path = view(item.path);
  if (path.empty() || !is_debt_category(view(item.category))) return;
  HotspotFile& file = entry_of(hotspots_, path);
  if (file.item_count == 0) file.path = std::string(path);
  ++file.item_count;
  file.effort_hours += item.effort_hours;
  if (file.listed.size() < entries_per_file_)
    file.listed.push_back(
        HotspotEntry{text(item.key), text(item.title), item.line_start, item.line_end, item.effort_hours});
  ++hotspot_items_;
  hotspot_effort_hours_ += item.effort_hours;
}

std::vector<HotspotFile> BacklogTally::hotspot_files(size_t limit) const {
  std::vector<const HotspotFile*> files;
  files.reserve(hotspots_.size());
  for (const auto& [path, file] : hotspots_) files.push_back(&file);
  const size_t shown = std::min(limit, files.size());
  // The map is ordered by path, so a stable sort breaks ties by path.
  std::stable_sort(files.begin(), files.end(), [](const HotspotFile* a, const HotspotFile* b) {
    return a->effort_hours > b->effort_hours;
  });
  std::vector<HotspotFile> result;
  result.reserve(shown);
  for (size_t i = 0; i < shown; ++i) result.push_back(*files[i]);
  return result;
}

std::vector<Share> BacklogTally::sorted(const SharesByName& shares) {
  std::vector<Share> result;
  result.reserve(shares.size());
  for (const auto& [name, share] : shares) result.push_back(share);
  std::stable_sort(result.begin(), result.end(),
                   [](const Share& a, const Share& b) { return a.items > b.items; });
  return result;
}

}  // namespace assay::reporters::markdown
