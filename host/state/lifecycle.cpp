#include "state/lifecycle.h"

#include <cstdio>
#include <optional>

namespace assay::state {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// Which stored item each scan item is. Direct fingerprint matches win over
// matches through a rename, so a file renamed and re-created under its old
// name keeps both identities apart.
struct Matching {
  std::vector<ItemRecord> stored;
  std::vector<size_t> row_of_item;  // index into stored, or kNone
  std::vector<bool> renamed;
  std::vector<bool> row_taken;
};

Matching match(std::vector<ItemRecord> stored, const std::vector<ScanItem>& items,
               const std::unordered_map<size_t, std::string>& previous) {
  Matching m{std::move(stored),
             std::vector<size_t>(items.size(), kNone),
             std::vector<bool>(items.size(), false),
             {}};
  m.row_taken.assign(m.stored.size(), false);
  std::unordered_map<std::string, size_t> by_fingerprint;
  for (size_t r = 0; r < m.stored.size(); ++r) by_fingerprint.emplace(m.stored[r].fingerprint, r);
  for (size_t i = 0; i < items.size(); ++i) {
    auto it = by_fingerprint.find(items[i].fingerprint);
    if (it == by_fingerprint.end() || m.row_taken[it->second]) continue;
    m.row_of_item[i] = it->second;
    m.row_taken[it->second] = true;
  }
  for (const auto& [i, old_fingerprint] : previous) {
    if (i >= items.size() || m.row_of_item[i] != kNone) continue;
    auto it = by_fingerprint.find(old_fingerprint);
    if (it == by_fingerprint.end() || m.row_taken[it->second]) continue;
    m.row_of_item[i] = it->second;
    m.row_taken[it->second] = true;
    m.renamed[i] = true;
  }
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

// Paths of open items in which the scan found nothing.
std::set<std::string> vanished_paths(const std::vector<ItemRecord>& stored,
                                     const std::vector<ScanItem>& items) {
  std::set<std::string> found;
  for (const auto& item : items) found.insert(item.path);
  std::set<std::string> vanished;
  for (const auto& row : stored) {
    if (row.status == kOpen && !found.count(row.path)) vanished.insert(row.path);
  }
  return vanished;
}

class Merge {
 public:
  Merge(StateWriter& writer, const ScanFacts& facts, MergeContext& context)
      : w_(writer), facts_(facts), context_(context) {}

  MergeResult run(const std::vector<ScanItem>& items) {
    result_.repository_id = repository_id();
    const std::optional<ScanRecord> last = w_.last_merged_scan(result_.repository_id, std::nullopt);
    const std::string last_commit = last ? last->commit : "";
    const bool look_back = !last_commit.empty() && !facts_.commit.empty() && last_commit != facts_.commit &&
                           context_.looks_back_from(last_commit);
    std::vector<ItemRecord> stored = w_.items(result_.repository_id);
    std::unordered_map<size_t, std::string> previous;
    if (!last_commit.empty()) {
      const std::set<std::string> vanished = vanished_paths(stored, items);
      if (!vanished.empty()) previous = context_.previous_fingerprints(last_commit, vanished);
    }
    Matching m = match(std::move(stored), items, previous);

    result_.items.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const size_t row = m.row_of_item[i];
      if (look_back) {
        result_.items[i] =
            row == kNone ? reserve(items[i])
                         : ItemOutcome{m.stored[row].key, "open", m.stored[row].first_seen_at, m.renamed[i]};
      } else if (row == kNone) {
        result_.items[i] = add_new(items[i]);
      } else {
        result_.items[i] = see_again(m.stored[row], items[i], m.renamed[i]);
      }
    }
    if (!look_back) resolve_absent(m);
    record_scan(m, !look_back);
    return std::move(result_);
  }

 private:
  int64_t repository_id() {
    if (auto found = w_.find_repository(facts_.repository_path)) return found->id;
    return w_.add_repository(facts_.repository_path, facts_.repository_name);
  }

  ItemRecord fresh_row(const ScanItem& item, const char* status) {
    ItemRecord row;
    row.repository_id = result_.repository_id;
    row.fingerprint = item.fingerprint;
    row.key = format_key(item.key_prefix, w_.next_key_number(result_.repository_id, item.key_prefix));
    row.status = status;
    copy_found(row, item);
    return row;
  }

  void mark_seen(ItemRecord& row) {
    row.last_seen_at = facts_.finished_at;
    row.last_seen_scan = facts_.scan_id;
  }

  void mark_first_seen(ItemRecord& row) {
    row.first_seen_at = facts_.finished_at;
    row.first_seen_scan = facts_.scan_id;
  }

  void event(const ItemRecord& row, const char* kind) {
    w_.add_event({row.id, facts_.scan_id, facts_.finished_at, kind, facts_.commit});
  }

  void score(const ItemRecord& row) {
    w_.add_score({row.id, facts_.scan_id, facts_.finished_at, row.composite, row.value_usd});
  }

  // A look-back finds an item no merged scan has seen: its key is taken now
  // so that it is the same key whenever the item is seen again.
  ItemOutcome reserve(const ScanItem& item) {
    ItemRecord row = fresh_row(item, kReserved);
    row.id = w_.add_item(row);
    added_.push_back(row);
    return {row.key, "open", 0, false};
  }

  ItemOutcome add_new(const ScanItem& item) {
    ItemRecord row = fresh_row(item, kOpen);
    mark_first_seen(row);
    mark_seen(row);
    row.id = w_.add_item(row);
    event(row, kEventNew);
    score(row);
    added_.push_back(row);
    ++result_.scan.new_items;
    return {row.key, "new", row.first_seen_at, false};
  }

  ItemOutcome see_again(ItemRecord& row, const ScanItem& item, bool renamed) {
    const std::string status_before = row.status;
    const bool score_changed = row.composite != item.composite || row.value_usd != item.value_usd;
    if (renamed) {
      row.previous_path = row.path;
      row.fingerprint = item.fingerprint;
    }
    copy_found(row, item);
    mark_seen(row);
    std::string outcome = "open";
    if (status_before == kResolved) {
      row.status = kOpen;
      ++row.reopen_count;
      row.resolved_at = 0;
      row.resolved_scan.clear();
      row.resolved_commit.clear();
      outcome = "reopened";
      ++result_.scan.reopened_items;
    } else if (status_before == kReserved) {
      row.status = kOpen;
      mark_first_seen(row);
      outcome = "new";
      ++result_.scan.new_items;
    }
    if (status_before == kOpen && !renamed)
      w_.update_sighting(row);
    else
      w_.update_item(row);
    if (outcome == "reopened") event(row, kEventReopened);
    if (outcome == "new") event(row, kEventNew);
    if (status_before != kOpen || score_changed) score(row);
    return {row.key, outcome, row.first_seen_at, renamed};
  }

  void resolve_absent(Matching& m) {
    for (size_t r = 0; r < m.stored.size(); ++r) {
      ItemRecord& row = m.stored[r];
      if (m.row_taken[r] || row.status != kOpen || !facts_.complete_scanners.count(row.source)) continue;
      row.status = kResolved;
      row.resolved_at = facts_.finished_at;
      row.resolved_scan = facts_.scan_id;
      row.resolved_commit = facts_.commit;
      w_.update_item(row);
      event(row, kEventResolved);
      result_.resolved.push_back(row);
      ++result_.scan.resolved_items;
    }
  }

  void record_scan(const Matching& m, bool merged) {
    ScanRecord& scan = result_.scan;
    scan.id = facts_.scan_id;
    scan.repository_id = result_.repository_id;
    scan.started_at = facts_.started_at;
    scan.finished_at = facts_.finished_at;
    scan.target = facts_.target;
    scan.commit = facts_.commit;
    scan.merged = merged;
    const std::vector<ItemRecord>* lists[] = {&m.stored, &added_};
    for (const auto* rows : lists) {
      for (const auto& row : *rows) {
        if (row.status != kOpen) continue;
        ++scan.open_items;
        scan.open_effort_hours += row.effort_hours;
        scan.open_value_usd += row.value_usd;
      }
    }
    w_.add_scan(scan, facts_.runs);
  }

  StateWriter& w_;
  const ScanFacts& facts_;
  MergeContext& context_;
  MergeResult result_;
  std::vector<ItemRecord> added_;
};

}  // namespace

std::string format_key(const std::string& prefix, int64_t number) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%03lld", static_cast<long long>(number));
  return prefix + "-" + digits;
}

MergeResult merge_scan(StateWriter& writer, const ScanFacts& facts, const std::vector<ScanItem>& items,
                       MergeContext& context) {
  return Merge(writer, facts, context).run(items);
}

}  // namespace assay::state
