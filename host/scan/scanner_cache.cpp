#include "scan/scanner_cache.h"

#include <algorithm>
#include <exception>
#include <nlohmann/json.hpp>
#include <string_view>
#include <set>
#include <unordered_map>
#include <utility>

#include "finding/compact_findings.h"
#include "scan/findings_row_text.h"
#include "log/log.h"
#include "repo/repo_view.h"
#include "state/state_store.h"

namespace assay::scan {
namespace {

// Orders items by their finding's path (heterogeneous, for equal_range).
struct PathOrder {
  bool operator()(const BacklogItem* a, const BacklogItem* b) const { return a->finding.path < b->finding.path; }
  bool operator()(const BacklogItem* a, const std::string& path) const { return a->finding.path < path; }
  bool operator()(const std::string& path, const BacklogItem* b) const { return path < b->finding.path; }
};

using OwnRange = std::pair<std::vector<const BacklogItem*>::const_iterator,
                           std::vector<const BacklogItem*>::const_iterator>;

// The items of `own` (ordered by path) at `path`.
OwnRange items_at(const std::vector<const BacklogItem*>& own, const std::string& path) {
  return std::equal_range(own.begin(), own.end(), path, PathOrder{});
}

// Appends the row text of the findings in `range` (findings_row_text.h).
void append_findings_text(std::string& out, OwnRange range) {
  out += '[';
  for (auto it = range.first; it != range.second; ++it) {
    if (it != range.first) out += ',';
    append_finding_json(out, (*it)->finding);
  }
  out += ']';
}

// Throws std::invalid_argument when the `index`th finding of a cached row is
// not the scanner's or not the row's file's.
void check_owner(const Finding& f, size_t index, const state::CachedFileRecord& row, const std::string& scanner) {
  if (f.source != scanner || f.path != row.path)
    throw std::invalid_argument("[" + std::to_string(index) + "] belongs to '" + f.source + "' at '" + f.path +
                                "'");
}

// The findings of one cached row, checked to be the scanner's and the
// file's; throws std::invalid_argument saying what is wrong. The rows are
// the host's own compact JSON, which the compact reader takes without
// building a document per finding (the bulk of an unchanged rescan); other
// text is read with nlohmann::json, which says what is wrong with it.
std::vector<Finding> row_findings(const state::CachedFileRecord& row, const std::string& scanner) {
  std::vector<Finding> out;
  if (read_compact_findings(row.findings, out)) {
    for (size_t i = 0; i < out.size(); ++i) check_owner(out[i], i, row, scanner);
    return out;
  }
  const nlohmann::json array = nlohmann::json::parse(row.findings, nullptr, false);
  if (!array.is_array()) throw std::invalid_argument("not a JSON array");
  out.reserve(array.size());
  for (size_t i = 0; i < array.size(); ++i) {
    Finding f;
    try {
      f = Finding::from_json(array[i]);
    } catch (const std::exception& e) {
      throw std::invalid_argument("[" + std::to_string(i) + "]: " + e.what());
    }
    check_owner(f, i, row, scanner);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

void decode_rows(StoredCache& stored, const std::string& scanner) {
  stored.decoded.clear();
  stored.decoded.resize(stored.rows.size());
  for (size_t i = 0; i < stored.rows.size(); ++i) {
    try {
      stored.decoded[i].findings = row_findings(stored.rows[i], scanner);
    } catch (const std::invalid_argument& e) {
      stored.decoded[i].problem = e.what();
    }
  }
}

ScannerCache::ScannerCache(std::string scanner, std::string version, std::string config_digest,
                           const repo::RepoView& repo, const std::vector<FileKey>& keys)
    : scanner_(std::move(scanner)),
      version_(std::move(version)),
      config_digest_(std::move(config_digest)),
      repo_(repo),
      keys_(keys) {}

void ScannerCache::plan(StoredCache stored) {
  const std::optional<state::FindingCacheRecord>& record = stored.record;
  if (!record) return plan_full("no findings cache yet");
  if (record->version != version_)
    return plan_full("scanner version changed from " + record->version + " to " + version_);
  if (record->config_digest != config_digest_) return plan_full("its configuration changed");
  const std::string scan_id = record->scan_id;
  std::vector<std::string> old_paths;
  old_paths.reserve(stored.rows.size());
  for (const auto& row : stored.rows) old_paths.push_back(row.path);
  // In path order (the store's, std::string's), which update() relies on.
  if (!std::is_sorted(old_paths.begin(), old_paths.end())) std::sort(old_paths.begin(), old_paths.end());
  const std::string problem = take_rows(std::move(stored));
  if (!problem.empty()) {
    log::write(log::Level::warn, "host", scanner_ + ": findings cache not used: " + problem);
    return plan_full(problem);
  }
  incremental_ = true;
  reason_.clear();
  base_scan_ = scan_id;
  old_paths_ = std::move(old_paths);
  log::write(log::Level::info, "host",
             scanner_ + ": incremental: " + std::to_string(scan_files_.size()) + " of " +
                 std::to_string(repo_.files().size()) + " files to scan, " + std::to_string(replay_.size()) +
                 " cached findings of " + std::to_string(reused_.size()) + " unchanged files replayed");
}

void ScannerCache::plan_full(const std::string& reason) {
  incremental_ = false;
  reason_ = reason;
  base_scan_.reset();
  scan_files_.clear();
  replay_.clear();
  reused_.clear();
  replayed_at_.clear();
  replayed_ = 0;
  old_paths_.clear();
  log::write(log::Level::info, "host", scanner_ + ": full scan (" + reason + ")");
}

std::string ScannerCache::take_rows(StoredCache stored) {
  std::vector<state::CachedFileRecord>& rows = stored.rows;
  const bool decoded = stored.decoded.size() == rows.size();
  std::unordered_map<std::string, size_t> by_path;
  for (size_t i = 0; i < rows.size(); ++i) by_path.emplace(rows[i].path, i);
  const auto& files = repo_.files();
  for (size_t i = 0; i < files.size(); ++i) {
    auto it = by_path.find(files[i].path);
    if (!keys_[i].cacheable() || it == by_path.end() || rows[it->second].content_digest != keys_[i].content ||
        rows[it->second].context_digest != keys_[i].context) {
      scan_files_.push_back(i);
      continue;
    }
    state::CachedFileRecord& row = rows[it->second];
    std::vector<Finding> found;
    if (decoded) {
      DecodedRow& ahead = stored.decoded[it->second];
      if (!ahead.problem.empty())
        return "the cached findings of " + row.path + " are unreadable: " + ahead.problem;
      found = std::move(ahead.findings);
    } else {
      try {
        found = row_findings(row, scanner_);
      } catch (const std::invalid_argument& e) {
        return "the cached findings of " + row.path + " are unreadable: " + e.what();
      }
    }
    replayed_at_.push_back(found.size());
    replayed_ += found.size();
    for (Finding& f : found) replay_.push_back(std::move(f));
    reused_.push_back(std::move(row));
  }
  return "";
}

std::vector<Finding> ScannerCache::take_replay() { return std::exchange(replay_, {}); }

CacheUse ScannerCache::use() const {
  CacheUse use;
  use.incremental = incremental_;
  use.reason = reason_;
  use.files_scanned = incremental_ ? scan_files_.size() : repo_.files().size();
  use.files_replayed = reused_.size();
  use.findings_replayed = replayed_;
  return use;
}

std::vector<std::string_view> ScannerCache::scanned_paths() const {
  std::vector<std::string_view> scanned;
  scanned.reserve(incremental_ ? scan_files_.size() : repo_.files().size());
  if (incremental_) {
    for (size_t i : scan_files_) scanned.push_back(repo_.files()[i].path);
  } else {
    for (const auto& f : repo_.files()) scanned.push_back(f.path);
  }
  return scanned;
}

ScannerCache::OwnItems ScannerCache::own_items(const std::vector<BacklogItem>& items,
                                               const std::vector<std::string_view>* only) const {
  OwnItems own;
  for (const BacklogItem& item : items) {
    if (item.finding.source != scanner_) continue;
    if (only && !std::binary_search(only->begin(), only->end(), std::string_view(item.finding.path))) continue;
    own.push_back(&item);
  }
  std::sort(own.begin(), own.end(), [](const BacklogItem* a, const BacklogItem* b) {
    if (a->finding.path != b->finding.path) return a->finding.path < b->finding.path;
    return a->arrival < b->arrival;
  });
  return own;
}

std::optional<std::string> ScannerCache::stray_path(const std::vector<BacklogItem>& items,
                                                    const std::vector<std::string_view>& scanned) const {
  auto is_scanned = [&](std::string_view path) { return std::binary_search(scanned.begin(), scanned.end(), path); };
  // Outside the scanned files only the replayed findings may be: a path
  // with more findings than were replayed there has one the scanner made.
  // (A replayed finding's path is its row's, check_owner.) The scanner's
  // items are counted per path, not sorted: a rescan holds thousands.
  std::unordered_map<std::string_view, size_t> found;
  for (const BacklogItem& item : items) {
    if (item.finding.source == scanner_ && !is_scanned(item.finding.path)) ++found[item.finding.path];
  }
  std::unordered_map<std::string_view, size_t> replayed;
  for (size_t k = 0; k < reused_.size(); ++k) replayed[reused_[k].path] += replayed_at_[k];
  const std::set<std::string> unscored = recorder_.unscored_paths();  // mostly none
  auto strays = [&](std::string_view path, size_t items_there) {
    const size_t unscored_there = unscored.empty() ? 0 : recorder_.unscored_at(std::string(path));
    const auto it = replayed.find(path);
    return items_there + unscored_there > (it == replayed.end() ? 0 : it->second);
  };
  // The first such path in path order, then the first unscored one.
  std::optional<std::string_view> first;
  for (const auto& [path, count] : found) {
    if ((!first || path < *first) && strays(path, count)) first = path;
  }
  if (first) return std::string(*first);
  for (const std::string& path : unscored) {
    if (is_scanned(path)) continue;
    const auto it = found.find(path);
    if (strays(path, it == found.end() ? 0 : it->second)) return path;
  }
  return std::nullopt;
}

bool ScannerCache::has_fresh_row(size_t file) const {
  return keys_[file].cacheable() && !recorder_.was_unreadable(file) &&
         recorder_.unscored_at(repo_.files()[file].path) == 0;
}

std::optional<state::CachedFileRecord> ScannerCache::fresh_row(size_t file, const OwnItems& own) const {
  if (!has_fresh_row(file)) return std::nullopt;
  const std::string& path = repo_.files()[file].path;
  state::CachedFileRecord row{path, keys_[file].content, keys_[file].context, ""};
  append_findings_text(row.findings, items_at(own, path));
  return row;
}

void ScannerCache::store(state::StateWriter& writer, int64_t repository_id, const std::string& scan_id,
                         const std::string& run_status, const std::vector<BacklogItem>& items) const {
  if (run_status != "ok") {
    writer.delete_finding_cache(repository_id, scanner_);
    log::write(
        log::Level::info, "host",
        scanner_ + ": findings cache dropped (the run " + run_status + "); the next scan reads every file");
    return;
  }
  const std::vector<std::string_view> scanned = scanned_paths();
  if (const auto stray = stray_path(items, scanned)) {
    writer.delete_finding_cache(repository_id, scanner_);
    log::write(log::Level::warn, "host",
               scanner_ + " declares itself file-local but emitted a finding for '" + *stray +
                   "', not a file it was given; its findings are not cached");
    return;
  }
  const std::optional<state::FindingCacheRecord> current = writer.finding_cache(repository_id, scanner_);
  // Another process may have rewritten the cache since it was read: then
  // the rows this run did not write are not known to match its plan.
  const bool same_base = incremental_ && current && base_scan_ && current->scan_id == *base_scan_;
  writer.put_finding_cache({repository_id, scanner_, version_, config_digest_, scan_id});
  // An update writes only the scanned files' rows: it needs only their items.
  if (same_base)
    update(writer, repository_id, own_items(items, &scanned));
  else
    rewrite(writer, repository_id, own_items(items, nullptr));
}

std::vector<ScannerCache::ViewRow> ScannerCache::view_rows() const {
  std::vector<ViewRow> rows;
  rows.reserve(reused_.size() + (incremental_ ? scan_files_.size() : repo_.files().size()));
  for (const auto& row : reused_) rows.push_back({row.path, &row, 0});
  const size_t count = incremental_ ? scan_files_.size() : repo_.files().size();
  for (size_t n = 0; n < count; ++n) {
    const size_t file = incremental_ ? scan_files_[n] : n;
    if (has_fresh_row(file)) rows.push_back({repo_.files()[file].path, nullptr, file});
  }
  std::sort(rows.begin(), rows.end(), [](const ViewRow& a, const ViewRow& b) { return a.path < b.path; });
  return rows;
}

bool ScannerCache::row_matches(const ViewRow& row, const state::CachedFileView& stored, const OwnItems& own,
                               std::string& text) const {
  if (row.reused)
    return row.reused->content_digest == stored.content_digest &&
           row.reused->context_digest == stored.context_digest && row.reused->findings == stored.findings;
  if (keys_[row.file].content != stored.content_digest || keys_[row.file].context != stored.context_digest)
    return false;
  text.clear();
  append_findings_text(text, items_at(own, repo_.files()[row.file].path));
  return text == stored.findings;
}

void ScannerCache::rewrite(state::StateWriter& writer, int64_t repository_id, const OwnItems& own) const {
  // The run's whole view of the cache, compared in one pass in path order
  // with what the store holds: only rows that differ are written (a rescan
  // of an unchanged tree writes nothing), rows of paths the view lacks are
  // deleted. A stored row is compared whole, so a wrong one is corrected.
  const std::vector<ViewRow> rows = view_rows();
  std::vector<size_t> differing;
  std::vector<std::string> stale;
  std::string text;  // one buffer for every compared row's text
  size_t next = 0;
  writer.for_each_cached_file(repository_id, scanner_, [&](const state::CachedFileView& stored) {
    while (next < rows.size() && rows[next].path < stored.path) differing.push_back(next++);
    if (next < rows.size() && rows[next].path == stored.path) {
      if (!row_matches(rows[next], stored, own, text)) differing.push_back(next);
      ++next;
    } else {
      stale.emplace_back(stored.path);
    }
  });
  while (next < rows.size()) differing.push_back(next++);
  for (const std::string& path : stale) writer.delete_cached_file(repository_id, scanner_, path);
  for (size_t n : differing) {
    const ViewRow& row = rows[n];
    if (row.reused)
      writer.put_cached_file(repository_id, scanner_, *row.reused);
    else
      writer.put_cached_file(repository_id, scanner_, *fresh_row(row.file, own));
  }
}

void ScannerCache::update(state::StateWriter& writer, int64_t repository_id, const OwnItems& own) const {
  std::vector<std::string_view> written;  // ascending, as scan_files_
  for (size_t file : scan_files_) {
    if (auto row = fresh_row(file, own)) {
      written.push_back(repo_.files()[file].path);
      writer.put_cached_file(repository_id, scanner_, *row);
    }
  }
  // The old cache's paths, the replayed rows and the written ones all
  // ascend by path: one walk finds the old paths neither kept.
  size_t r = 0, w = 0;
  for (const std::string& path : old_paths_) {
    while (r < reused_.size() && reused_[r].path < path) ++r;
    while (w < written.size() && written[w] < path) ++w;
    const bool replayed = r < reused_.size() && reused_[r].path == path;
    const bool rewritten = w < written.size() && written[w] == path;
    if (!replayed && !rewritten) writer.delete_cached_file(repository_id, scanner_, path);
  }
}

}  // namespace assay::scan
