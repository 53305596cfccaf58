#include "state/lifecycle.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_set>

namespace assay::state {
namespace {

// A stored item a scan item is: what deciding its outcome needs. The rows
// themselves are not held: a repository has tens of thousands, and most
// need no write of their own.
struct Sighting {
  int64_t id = 0;
  std::string key;
  std::string status;
  int64_t first_seen_at = 0;
  bool found_changed = false;  // location, text or scores differ from the stored ones
  bool score_changed = false;
  bool renamed = false;  // matched through a rename of its file
  bool last_seen_by_last_scan = false;  // its row leaves last seen implicit
};

// A stored item no scan item matched directly.
struct Unmatched {
  int64_t id = 0;
  std::string fingerprint;
  std::string status;
  std::string source;
  double effort_hours = 0;
  double value_usd = 0;
  bool last_seen_by_last_scan = false;  // its row leaves last seen implicit
  bool taken = false;                   // by a scan item through a rename
};

// An item open after the merge, for the scan's open totals.
struct OpenRow {
  int64_t id = 0;
  double effort_hours = 0;
  double value_usd = 0;
};

// Which stored item each scan item is. Direct fingerprint matches win over
// matches through a rename, so a file renamed and re-created under its old
// name keeps both identities apart.
struct Matching {
  std::vector<std::optional<Sighting>> of_item;  // one per scan item
  std::vector<Unmatched> unmatched;              // in id order
  std::set<std::string> vanished;                // paths of open items where the scan found nothing
};

// Whether the scan sees the item differently from how the store holds it.
bool found_differs(const ItemView& row, const ScanItem& item) {
  return row.source != item.source || row.rule != item.rule || row.category != item.category ||
         row.title != item.title || row.path != item.path || row.line_start != item.line_start ||
         row.line_end != item.line_end || row.evidence != item.evidence ||
         row.effort_hours != item.effort_hours || row.value_usd != item.value_usd ||
         row.composite != item.composite;
}

Sighting sighting(const ItemView& row, const ScanItem& item, bool renamed) {
  return {row.id,
          std::string(row.key),
          std::string(row.status),
          row.first_seen_at,
          found_differs(row, item),
          row.composite != item.composite || row.value_usd != item.value_usd,
          renamed,
          row.last_seen_by_last_scan};
}

// A whole stored item seen as the merge compares it. Read as a record, its
// last seen is filled in, so nothing says whether the row leaves it
// implicit; the merge rewrites such an item's row whole (renamed).
ItemView view_of(const ItemRecord& row) {
  return {row.id,       row.fingerprint, row.key,          row.status,    row.source,
          row.rule,     row.category,    row.title,        row.path,      row.line_start,
          row.line_end, row.evidence,    row.effort_hours, row.value_usd, row.composite,
          row.first_seen_at, false};
}

// The paths the scan found something in, made on first use: a rescan whose
// items all stay in their files never needs them.
class FoundPaths {
 public:
  explicit FoundPaths(const ScanItems& items) : items_(items) {}
  bool contain(std::string_view path) {
    if (!made_) {
      for (size_t i = 0; i < items_.size(); ++i) paths_.insert(items_[i].path);
      made_ = true;
    }
    return paths_.count(path) > 0;
  }

 private:
  const ScanItems& items_;
  std::unordered_set<std::string_view> paths_;
  bool made_ = false;
};

// Matches the stored items to the scan's by fingerprint, reading the store
// once, row by row.
Matching match_directly(StateReader& reader, int64_t repository_id, const ScanItems& items) {
  std::unordered_map<std::string_view, size_t> item_of;  // the first scan item with a fingerprint
  item_of.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) item_of.emplace(items[i].fingerprint, i);
  FoundPaths found_paths(items);
  Matching m;
  m.of_item.resize(items.size());
  reader.for_each_item(repository_id, [&](const ItemView& row) {
    auto it = item_of.find(row.fingerprint);
    if (it == item_of.end()) {
      if (row.status == kOpen && !found_paths.contain(row.path)) m.vanished.emplace(row.path);
      m.unmatched.push_back({row.id, std::string(row.fingerprint), std::string(row.status),
                             std::string(row.source), row.effort_hours, row.value_usd,
                             row.last_seen_by_last_scan, false});
      return;
    }
    const ScanItem item = items[it->second];  // made once: a scan item is made when asked
    // An item found in its stored file: that path is one the scan found.
    if (row.status == kOpen && item.path != row.path && !found_paths.contain(row.path))
      m.vanished.emplace(row.path);
    m.of_item[it->second] = sighting(row, item, false);
  });
  return m;
}

// The scan's view of an item: location, text and scores as found now.
void copy_found(ItemRecord& row, const ScanItem& item) {
  row.source = item.source;
  row.rule = item.rule;
  row.category = item.category;
  row.title = item.title;
  row.path = item.path;
  row.line_start = item.line_start;
  row.line_end = item.line_end;
  row.evidence = item.evidence;
  row.effort_hours = item.effort_hours;
  row.value_usd = item.value_usd;
  row.composite = item.composite;
}

class Merge {
 public:
  Merge(StateWriter& writer, const ScanFacts& facts, MergeContext& context)
      : w_(writer), facts_(facts), context_(context) {}

  MergeResult run(const ScanItems& items) {
    result_.repository_id = repository_id();
    const std::optional<ScanRecord> last = w_.last_merged_scan(result_.repository_id, std::nullopt);
    const std::string last_commit = last ? last->commit : "";
    const bool look_back = !last_commit.empty() && !facts_.commit.empty() && last_commit != facts_.commit &&
                           context_.looks_back_from(last_commit);
    Matching m = match_directly(w_, result_.repository_id, items);
    if (!last_commit.empty() && !m.vanished.empty())
      match_renamed(m, items, context_.previous_fingerprints(last_commit, m.vanished));
    take_key_numbers(m, items);

    result_.items.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const std::optional<Sighting>& seen = m.of_item[i];
      if (look_back) {
        result_.items[i] =
            seen ? ItemOutcome{seen->key, "open", seen->first_seen_at, seen->renamed} : reserve(items[i]);
      } else if (!seen) {
        result_.items[i] = add_new(items[i]);
      } else {
        result_.items[i] = see_again(*seen, items[i]);
      }
    }
    if (!look_back) {
      keep_last_seen_of_unseen(resolve_absent(m), last);
      w_.set_last_seen(seen_again_after_unseen_, 0, "");
    }
    record_scan(!look_back);
    return std::move(result_);
  }

  // The open items' count and sums as the store would add them up: in id
  // order, so the sums are the very doubles a query over the table gives.
  // A merged scan knows every open row (each stored row was visited, each
  // added one made here), which spares a second pass over the table; a
  // look-back changed none, and asks the store.
  OpenTotals open_totals(bool merged) {
    if (!merged) return w_.open_totals(result_.repository_id);
    std::sort(open_rows_.begin(), open_rows_.end(),
              [](const OpenRow& a, const OpenRow& b) { return a.id < b.id; });
    OpenTotals totals;
    for (const OpenRow& row : open_rows_) {
      ++totals.count;
      totals.effort_hours += row.effort_hours;
      totals.value_usd += row.value_usd;
    }
    return totals;
  }

 private:
  int64_t repository_id() {
    if (auto found = w_.find_repository(facts_.repository_path)) return found->id;
    return w_.add_repository(facts_.repository_path, facts_.repository_name);
  }

  ItemRecord stored(int64_t id) {
    std::optional<ItemRecord> row = w_.item(id);
    if (!row) throw StoreError("item " + std::to_string(id) + " disappeared during the merge");
    return std::move(*row);
  }

  // Items in files renamed since the last scan take the stored item their
  // old fingerprint names, when no scan item matched it directly.
  void match_renamed(Matching& m, const ScanItems& items,
                     const std::unordered_map<size_t, std::string>& previous) {
    if (previous.empty()) return;
    std::unordered_map<std::string_view, size_t> unmatched_of;
    for (size_t r = 0; r < m.unmatched.size(); ++r) unmatched_of.emplace(m.unmatched[r].fingerprint, r);
    for (const auto& [i, old_fingerprint] : previous) {
      if (i >= items.size() || m.of_item[i]) continue;
      auto it = unmatched_of.find(old_fingerprint);
      if (it == unmatched_of.end() || m.unmatched[it->second].taken) continue;
      m.unmatched[it->second].taken = true;
      m.of_item[i] = sighting(view_of(stored(m.unmatched[it->second].id)), items[i], true);
    }
  }

  // The keys of the items no stored item matched are numbered in the order
  // of the scan's items, per prefix; their numbers are taken in one block
  // per prefix.
  void take_key_numbers(const Matching& m, const ScanItems& items) {
    std::map<std::string, int64_t> needed;
    for (size_t i = 0; i < items.size(); ++i) {
      if (!m.of_item[i]) ++needed[items[i].key_prefix];
    }
    for (const auto& [prefix, count] : needed)
      next_number_[prefix] = w_.next_key_numbers(result_.repository_id, prefix, count);
  }

  ItemRecord fresh_row(const ScanItem& item, const char* status) {
    ItemRecord row;
    row.repository_id = result_.repository_id;
    row.fingerprint = item.fingerprint;
    row.key = format_key(item.key_prefix, next_number_[item.key_prefix]++);
    row.status = status;
    copy_found(row, item);
    return row;
  }

  // Last seen by this scan, which is the repository's last merged scan once
  // recorded: the row leaves it implicit (last_seen_by_last_scan).
  void mark_seen(ItemRecord& row) {
    row.last_seen_at = 0;
    row.last_seen_scan.clear();
  }

  void mark_first_seen(ItemRecord& row) {
    row.first_seen_at = facts_.finished_at;
    row.first_seen_scan = facts_.scan_id;
  }

  void event(int64_t item_id, const char* kind) {
    w_.add_event({item_id, facts_.scan_id, facts_.finished_at, kind, facts_.commit});
  }

  void score(int64_t item_id, const ScanItem& item) {
    w_.add_score({item_id, facts_.scan_id, facts_.finished_at, item.composite, item.value_usd});
  }

  // A look-back finds an item no merged scan has seen: its key is taken now
  // so that it is the same key whenever the item is seen again.
  ItemOutcome reserve(const ScanItem& item) {
    ItemRecord row = fresh_row(item, kReserved);
    w_.add_item(row);
    return {row.key, "open", 0, false};
  }

  ItemOutcome add_new(const ScanItem& item) {
    ItemRecord row = fresh_row(item, kOpen);
    mark_first_seen(row);
    mark_seen(row);
    row.id = w_.add_item(row);
    event(row.id, kEventNew);
    score(row.id, item);
    ++result_.scan.new_items;
    open_rows_.push_back({row.id, item.effort_hours, item.value_usd});
    return {row.key, "new", row.first_seen_at, false};
  }

  // The item stays or becomes open with the scan's location, text and scores.
  ItemOutcome see_again(const Sighting& seen, const ScanItem& item) {
    open_rows_.push_back({seen.id, item.effort_hours, item.value_usd});
    if (seen.status == kOpen && !seen.renamed) {
      // The common case: the row already says "last seen by the last merged
      // scan", which this scan becomes; it is written only when it changed.
      if (seen.found_changed) {
        ItemRecord row;
        row.id = seen.id;
        copy_found(row, item);
        mark_seen(row);
        w_.update_sighting(row);
      } else if (!seen.last_seen_by_last_scan) {
        seen_again_after_unseen_.push_back(seen.id);
      }
      if (seen.score_changed) score(seen.id, item);
      return {seen.key, "open", seen.first_seen_at, false};
    }
    ItemRecord row = stored(seen.id);
    if (seen.renamed) {
      row.previous_path = row.path;
      row.fingerprint = item.fingerprint;
    }
    copy_found(row, item);
    mark_seen(row);
    std::string outcome = "open";
    if (seen.status == kResolved) {
      row.status = kOpen;
      ++row.reopen_count;
      row.resolved_at = 0;
      row.resolved_scan.clear();
      row.resolved_commit.clear();
      outcome = "reopened";
      ++result_.scan.reopened_items;
    } else if (seen.status == kReserved) {
      row.status = kOpen;
      mark_first_seen(row);
      outcome = "new";
      ++result_.scan.new_items;
    }
    w_.update_item(row);
    if (outcome == "reopened") event(row.id, kEventReopened);
    if (outcome == "new") event(row.id, kEventNew);
    if (seen.status != kOpen || seen.score_changed) score(row.id, item);
    return {row.key, outcome, row.first_seen_at, seen.renamed};
  }

  // Resolves the open items of complete scanners that the scan did not
  // find; returns the ids of the open items it did not find and left open
  // whose rows leave last seen implicit.
  std::vector<int64_t> resolve_absent(const Matching& m) {
    std::vector<int64_t> unseen;
    for (const Unmatched& u : m.unmatched) {
      if (u.taken || u.status != kOpen) continue;
      if (!facts_.complete_scanners.count(u.source)) {
        if (u.last_seen_by_last_scan) unseen.push_back(u.id);
        open_rows_.push_back({u.id, u.effort_hours, u.value_usd});
        continue;
      }
      ItemRecord row = stored(u.id);
      row.status = kResolved;
      row.resolved_at = facts_.finished_at;
      row.resolved_scan = facts_.scan_id;
      row.resolved_commit = facts_.commit;
      w_.update_item(row);
      event(row.id, kEventResolved);
      result_.resolved.push_back(std::move(row));
      ++result_.scan.resolved_items;
    }
    return unseen;
  }

  // Open items this scan did not see were last seen by the scan merged
  // before it, `last`: their rows now say so, since this scan becomes the
  // last merged one.
  void keep_last_seen_of_unseen(const std::vector<int64_t>& unseen, const std::optional<ScanRecord>& last) {
    if (last) w_.set_last_seen(unseen, last->finished_at, last->id);
  }

  void record_scan(bool merged) {
    ScanRecord& scan = result_.scan;
    scan.id = facts_.scan_id;
    scan.repository_id = result_.repository_id;
    scan.started_at = facts_.started_at;
    scan.finished_at = facts_.finished_at;
    scan.target = facts_.target;
    scan.commit = facts_.commit;
    scan.merged = merged;
    const OpenTotals open = open_totals(merged);
    scan.open_items = open.count;
    scan.open_effort_hours = open.effort_hours;
    scan.open_value_usd = open.value_usd;
    w_.add_scan(scan, facts_.runs);
  }

  StateWriter& w_;
  const ScanFacts& facts_;
  MergeContext& context_;
  MergeResult result_;
  std::map<std::string, int64_t> next_number_;  // the next key number per prefix
  std::vector<OpenRow> open_rows_;               // of a merged scan: every item open after it
  // Unchanged open items whose rows name the scan that saw them last (an
  // earlier scan missed them): they follow the last merged scan again.
  std::vector<int64_t> seen_again_after_unseen_;
};

}  // namespace

std::string format_key(const std::string& prefix, int64_t number) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%03lld", static_cast<long long>(number));
  return prefix + "-" + digits;
}

MergeResult merge_scan(StateWriter& writer, const ScanFacts& facts, const ScanItems& items,
                       MergeContext& context) {
  return Merge(writer, facts, context).run(items);
}

MergeResult merge_scan(StateWriter& writer, const ScanFacts& facts, const std::vector<ScanItem>& items,
                       MergeContext& context) {
  return merge_scan(writer, facts, ScanItemList(items), context);
}

}  // namespace assay::state
