#include "state/sqlite_access.h"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include "state/sqlite_db.h"

namespace assay::state {
namespace {

constexpr const char* kScanColumns =
    "id, repository_id, started_at, finished_at, target, commit_id, merged, new_items, reopened_items, "
    "resolved_items, open_items, open_effort_hours, open_value_usd";

ScanRecord read_scan(const Statement& s) {
  ScanRecord r;
  r.id = s.text(0);
  r.repository_id = s.integer(1);
  r.started_at = s.integer(2);
  r.finished_at = s.integer(3);
  r.target = s.text(4);
  r.commit = s.text(5);
  r.merged = s.integer(6) != 0;
  r.new_items = s.integer(7);
  r.reopened_items = s.integer(8);
  r.resolved_items = s.integer(9);
  r.open_items = s.integer(10);
  r.open_effort_hours = s.real(11);
  r.open_value_usd = s.real(12);
  return r;
}

// The item columns after id, in the order bind_item and read_item use.
constexpr const char* kItemColumns =
    "repository_id, fingerprint, key, status, source, rule, category, title, path, previous_path, "
    "line_start, "
    "line_end, evidence, effort_hours, value_usd, composite, first_seen_at, first_seen_scan, last_seen_at, "
    "last_seen_scan, resolved_at, resolved_scan, resolved_commit, reopen_count";
constexpr int kItemColumnCount = 24;

// Binds the item's fields to parameters 1..24.
void bind_item(Statement& s, const ItemRecord& i) {
  s.bind(1, i.repository_id).bind(2, i.fingerprint).bind(3, i.key).bind(4, i.status);
  s.bind(5, i.source).bind(6, i.rule).bind(7, i.category).bind(8, i.title);
  s.bind(9, i.path).bind(10, i.previous_path).bind(11, i.line_start).bind(12, i.line_end);
  s.bind(13, i.evidence).bind(14, i.effort_hours).bind(15, i.value_usd).bind(16, i.composite);
  s.bind(17, i.first_seen_at).bind(18, i.first_seen_scan).bind(19, i.last_seen_at).bind(20, i.last_seen_scan);
  s.bind(21, i.resolved_at).bind(22, i.resolved_scan).bind(23, i.resolved_commit).bind(24, i.reopen_count);
}

// Reads "id, <kItemColumns>" into `i`, reusing the memory its strings hold.
void read_item_into(const Statement& s, ItemRecord& i) {
  i.id = s.integer(0);
  i.repository_id = s.integer(1);
  i.fingerprint.assign(s.text_view(2));
  i.key.assign(s.text_view(3));
  i.status.assign(s.text_view(4));
  i.source.assign(s.text_view(5));
  i.rule.assign(s.text_view(6));
  i.category.assign(s.text_view(7));
  i.title.assign(s.text_view(8));
  i.path.assign(s.text_view(9));
  i.previous_path.assign(s.text_view(10));
  i.line_start = s.integer(11);
  i.line_end = s.integer(12);
  i.evidence.assign(s.text_view(13));
  i.effort_hours = s.real(14);
  i.value_usd = s.real(15);
  i.composite = s.real(16);
  i.first_seen_at = s.integer(17);
  i.first_seen_scan.assign(s.text_view(18));
  i.last_seen_at = s.integer(19);
  i.last_seen_scan.assign(s.text_view(20));
  i.resolved_at = s.integer(21);
  i.resolved_scan.assign(s.text_view(22));
  i.resolved_commit.assign(s.text_view(23));
  i.reopen_count = s.integer(24);
}

ItemRecord read_item(const Statement& s) {
  ItemRecord i;
  read_item_into(s, i);
  return i;
}

// Gives an item whose row leaves last seen implicit the time and id of its
// repository's last merged scan `last`: what the row held before the store
// stopped rewriting it on every scan (schema version 6).
void fill_last_seen(ItemRecord& item, const std::optional<ScanRecord>& last) {
  if (!last || !last_seen_by_last_scan(item.status, item.last_seen_scan)) return;
  item.last_seen_at = last->finished_at;
  item.last_seen_scan = last->id;
}

// "SELECT id, <kItemColumns> FROM items WHERE " + `condition`.
std::string select_items(const char* condition) {
  return std::string("SELECT id, ") + kItemColumns + " FROM items WHERE " + condition;
}

// The condition of a query that visits every (open) item of a repository
// in id order. The unary plus keeps SQLite from choosing an index on
// repository_id: through one it looked up each row by id and then sorted
// them all again in a temporary b-tree (which spilled to a file), twice
// the cost of reading the table in its own (id) order. A store shared by
// several repositories reads their rows too, which stays linear.
constexpr const char* kAllItemsOf = "+repository_id = ?1";

// A JSON array of the ids, for json_each().
std::string json_ids(const std::vector<int64_t>& ids) {
  std::string text = "[";
  for (size_t n = 0; n < ids.size(); ++n) text += (n > 0 ? "," : "") + std::to_string(ids[n]);
  return text + "]";
}

// Of an assessment and its scan, in the order read_assessments reads them.
constexpr const char* kAssessmentColumns =
    "a.scan_id, a.source, a.level, a.percent, s.finished_at, s.commit_id";

// "?1, ?2, ..., ?COUNT": the numbered SQL parameters of an INSERT.
std::string numbered_parameters(int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) text += (i > 1 ? ", ?" : "?") + std::to_string(i);
  return text;
}

}  // namespace

int SqliteAccess::schema_version() { return static_cast<int>(db_.query_integer("PRAGMA user_version")); }

std::vector<RepositoryRecord> SqliteAccess::repositories() {
  std::vector<RepositoryRecord> out;
  Statement& s = db_.cached("SELECT id, path, name FROM repositories ORDER BY id");
  while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2)});
  return out;
}

std::optional<RepositoryRecord> SqliteAccess::find_repository(const std::string& path) {
  Statement& s = db_.cached("SELECT id, path, name FROM repositories WHERE path = ?1");
  s.bind(1, path);
  if (!s.step()) return std::nullopt;
  RepositoryRecord r{s.integer(0), s.text(1), s.text(2)};
  s.reset();
  return r;
}

std::vector<ScanRecord> SqliteAccess::scans(int64_t repository_id) {
  std::vector<ScanRecord> out;
  Statement& s = db_.cached(std::string("SELECT ") + kScanColumns +
                            " FROM scans WHERE repository_id = ?1 ORDER BY rowid");
  s.bind(1, repository_id);
  while (s.step()) out.push_back(read_scan(s));
  return out;
}

std::optional<ScanRecord> SqliteAccess::last_merged_scan(int64_t repository_id,
                                                         std::optional<int64_t> at_or_before) {
  // Without a time, "last" is the order of commits (rowid), which a clock
  // that moved or a scan that waited for the lock cannot confuse.
  Statement& s =
      at_or_before
          ? db_.cached(std::string("SELECT ") + kScanColumns +
                       " FROM scans WHERE repository_id = ?1 AND merged = 1 AND finished_at <= ?2"
                       " ORDER BY finished_at DESC, rowid DESC LIMIT 1")
          : db_.cached(std::string("SELECT ") + kScanColumns +
                       " FROM scans WHERE repository_id = ?1 AND merged = 1 ORDER BY rowid DESC LIMIT 1");
  s.bind(1, repository_id);
  if (at_or_before) s.bind(2, *at_or_before);
  if (!s.step()) return std::nullopt;
  ScanRecord r = read_scan(s);
  s.reset();
  return r;
}

std::vector<RunRecord> SqliteAccess::runs(const std::string& scan_id) {
  std::vector<RunRecord> out;
  Statement& s = db_.cached(
      "SELECT scan_id, plugin, kind, version, status, findings, duration_ms, error FROM scan_runs"
      " WHERE scan_id = ?1 ORDER BY id");
  s.bind(1, scan_id);
  while (s.step()) {
    out.push_back(
        {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.integer(5), s.integer(6), s.text(7)});
  }
  return out;
}

std::vector<KeyCounter> SqliteAccess::key_counters(int64_t repository_id) {
  std::vector<KeyCounter> out;
  Statement& s = db_.cached(
      "SELECT repository_id, prefix, last_number FROM key_counters WHERE repository_id = ?1 ORDER BY prefix");
  s.bind(1, repository_id);
  while (s.step()) out.push_back({s.integer(0), s.text(1), s.integer(2)});
  return out;
}

std::vector<ItemRecord> SqliteAccess::items(int64_t repository_id) {
  std::vector<ItemRecord> out;
  // Sized first: a repository holds tens of thousands of rows, and a vector
  // grown row by row would hold up to twice their size.
  Statement& count = db_.cached("SELECT COUNT(*) FROM items WHERE repository_id = ?1");
  count.bind(1, repository_id);
  if (count.step()) out.reserve(static_cast<size_t>(count.integer(0)));
  count.reset();
  const std::optional<ScanRecord>& last = remembered_last_merged_scan(repository_id);
  Statement& s = db_.cached(select_items((kAllItemsOf + std::string(" ORDER BY id")).c_str()));
  s.bind(1, repository_id);
  while (s.step()) {
    out.push_back(read_item(s));
    fill_last_seen(out.back(), last);
  }
  return out;
}

void SqliteAccess::for_each_item(int64_t repository_id, const std::function<void(const ItemView&)>& visit) {
  // The leading columns of the row, up to last_seen_scan: SQLite decodes a
  // row's columns only as far as the last one asked for.
  Statement& s = db_.cached(
      std::string("SELECT id, fingerprint, key, status, source, rule, category, title, path, line_start, line_end,"
                  " evidence, effort_hours, value_usd, composite, first_seen_at, last_seen_scan FROM items WHERE ") +
      kAllItemsOf + " ORDER BY id");
  s.bind(1, repository_id);
  ItemView row;
  try {
    while (s.step()) {
      row.id = s.integer(0);
      row.fingerprint = s.text_view(1);
      row.key = s.text_view(2);
      row.status = s.text_view(3);
      row.source = s.text_view(4);
      row.rule = s.text_view(5);
      row.category = s.text_view(6);
      row.title = s.text_view(7);
      row.path = s.text_view(8);
      row.line_start = s.integer(9);
      row.line_end = s.integer(10);
      row.evidence = s.text_view(11);
      row.effort_hours = s.real(12);
      row.value_usd = s.real(13);
      row.composite = s.real(14);
      row.first_seen_at = s.integer(15);
      row.last_seen_by_last_scan = last_seen_by_last_scan(row.status, s.text_view(16));
      visit(row);
    }
  } catch (...) {
    s.reset();  // the statement is cached: leave it ready for the next use
    throw;
  }
}

std::optional<ItemRecord> SqliteAccess::item(int64_t id) {
  Statement& s = db_.cached(select_items("id = ?1"));
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  ItemRecord row = read_item(s);
  s.reset();
  if (last_seen_by_last_scan(row.status, row.last_seen_scan))
    fill_last_seen(row, remembered_last_merged_scan(row.repository_id));
  return row;
}

const std::optional<ScanRecord>& SqliteAccess::remembered_last_merged_scan(int64_t repository_id) {
  auto it = last_merged_.find(repository_id);
  if (it == last_merged_.end()) it = last_merged_.emplace(repository_id, last_merged_scan(repository_id, std::nullopt)).first;
  return it->second;
}

OpenTotals SqliteAccess::open_totals(int64_t repository_id) {
  Statement& s =
      db_.cached(std::string("SELECT effort_hours, value_usd FROM items WHERE ") + kAllItemsOf +
                 " AND status = 'open' ORDER BY id");
  s.bind(1, repository_id);
  OpenTotals totals;
  while (s.step()) {
    ++totals.count;
    totals.effort_hours += s.real(0);
    totals.value_usd += s.real(1);
  }
  return totals;
}

std::vector<ItemRecord> SqliteAccess::resolved_items(int64_t repository_id, int64_t after, int64_t until) {
  std::vector<ItemRecord> out;
  Statement& s = db_.cached(select_items(
      "repository_id = ?1 AND status = 'resolved' AND resolved_at > ?2 AND resolved_at <= ?3 ORDER BY id"));
  s.bind(1, repository_id).bind(2, after).bind(3, until);
  while (s.step()) out.push_back(read_item(s));
  return out;
}

std::vector<EventCount> SqliteAccess::event_counts(int64_t repository_id, int64_t after, int64_t until) {
  // The rows are counted here rather than by GROUP BY: SQLite sorted every
  // event of the period (a rescan after a first scan has one per item) in a
  // temporary b-tree to count a handful of groups. A few kinds times a few
  // sources: a linear search of the groups is the cheapest lookup.
  std::vector<EventCount> out;
  Statement& s = db_.cached(
      "SELECT e.kind, i.source FROM item_events e JOIN items i ON i.id = e.item_id"
      // The events of the period through their time index, each item by
      // its id (not every item of the repository and all its events).
      " WHERE +i.repository_id = ?1 AND e.at > ?2 AND e.at <= ?3");
  s.bind(1, repository_id).bind(2, after).bind(3, until);
  while (s.step()) {
    const std::string_view kind = s.text_view(0);
    const std::string_view source = s.text_view(1);
    auto group = std::find_if(out.begin(), out.end(), [&](const EventCount& c) {
      return c.kind == kind && c.source == source;
    });
    if (group == out.end()) group = out.insert(out.end(), {std::string(kind), std::string(source), 0});
    ++group->count;
  }
  // The order of the former ORDER BY kind, source: bytewise, as SQLite's
  // BINARY collation and std::string compare.
  std::sort(out.begin(), out.end(), [](const EventCount& a, const EventCount& b) {
    return std::tie(a.kind, a.source) < std::tie(b.kind, b.source);
  });
  return out;
}

std::vector<EventRecord> SqliteAccess::events(int64_t repository_id, int64_t after, int64_t until) {
  std::vector<EventRecord> out;
  Statement& s = db_.cached(
      "SELECT e.item_id, e.scan_id, e.at, e.kind, e.commit_id FROM item_events e"
      " JOIN items i ON i.id = e.item_id"
      " WHERE i.repository_id = ?1 AND e.at > ?2 AND e.at <= ?3 ORDER BY e.at, e.id");
  s.bind(1, repository_id).bind(2, after).bind(3, until);
  while (s.step()) out.push_back({s.integer(0), s.text(1), s.integer(2), s.text(3), s.text(4)});
  return out;
}

std::vector<ScoreRecord> SqliteAccess::scores(int64_t repository_id) {
  std::vector<ScoreRecord> out;
  Statement& s = db_.cached(
      "SELECT h.item_id, h.scan_id, h.at, h.composite, h.value_usd FROM score_history h"
      " JOIN items i ON i.id = h.item_id WHERE i.repository_id = ?1 ORDER BY h.at, h.id");
  s.bind(1, repository_id);
  while (s.step()) out.push_back({s.integer(0), s.text(1), s.integer(2), s.real(3), s.real(4)});
  return out;
}

std::vector<AssessmentRecord> SqliteAccess::read_assessments(Statement& s) {
  std::vector<AssessmentRecord> out;
  while (s.step()) {
    AssessmentRecord a;
    a.scan_id = s.text(0);
    a.source = s.text(1);
    a.level = s.text(2);
    a.percent = s.real(3);
    a.finished_at = s.integer(4);
    a.commit = s.text(5);
    out.push_back(std::move(a));
  }
  Statement& d = db_.cached(
      "SELECT dimension, percent FROM assessment_dimensions WHERE scan_id = ?1 ORDER BY dimension");
  for (auto& a : out) {
    d.bind(1, a.scan_id);
    while (d.step())
      a.dimensions.push_back({d.text(0), d.is_null(1) ? std::nullopt : std::optional<double>(d.real(1))});
  }
  return out;
}

std::vector<AssessmentRecord> SqliteAccess::assessments(int64_t repository_id) {
  Statement& s = db_.cached(std::string("SELECT ") + kAssessmentColumns +
                            " FROM assessments a JOIN scans s ON s.id = a.scan_id"
                            " WHERE s.repository_id = ?1 ORDER BY s.rowid");
  s.bind(1, repository_id);
  return read_assessments(s);
}

std::vector<AssessmentRecord> SqliteAccess::assessment_trend(int64_t repository_id, size_t count) {
  // The newest `count` in commit order (rowid), then turned oldest first.
  Statement& s = db_.cached(std::string("SELECT ") + kAssessmentColumns +
                            " FROM assessments a JOIN scans s ON s.id = a.scan_id"
                            " WHERE s.repository_id = ?1 AND s.merged = 1 ORDER BY s.rowid DESC LIMIT ?2");
  s.bind(1, repository_id).bind(2, static_cast<int64_t>(count));
  std::vector<AssessmentRecord> out = read_assessments(s);
  std::reverse(out.begin(), out.end());
  return out;
}

int64_t SqliteAccess::add_repository(const std::string& path, const std::string& name) {
  db_.cached("INSERT INTO repositories (path, name) VALUES (?1, ?2)").bind(1, path).bind(2, name).run();
  return sqlite3_last_insert_rowid(db_.handle());
}

int64_t SqliteAccess::next_key_numbers(int64_t repository_id, const std::string& prefix, int64_t count) {
  if (count < 1) throw std::invalid_argument("cannot take " + std::to_string(count) + " key numbers");
  Statement& s = db_.cached(
      "INSERT INTO key_counters (repository_id, prefix, last_number) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (repository_id, prefix) DO UPDATE SET last_number = last_number + ?3"
      " RETURNING last_number");
  s.bind(1, repository_id).bind(2, prefix).bind(3, count);
  if (!s.step()) db_.fail("cannot allocate a key for prefix " + prefix, SQLITE_ERROR);
  const int64_t last = s.integer(0);
  s.run();  // finish the statement so the change is complete
  return last - count + 1;
}

int64_t SqliteAccess::add_item(const ItemRecord& item) {
  // Built once: a first scan adds tens of thousands of items.
  static const std::string sql =
      std::string("INSERT INTO items (") + kItemColumns + ") VALUES (" + numbered_parameters(kItemColumnCount) + ")";
  Statement& s = db_.cached(sql);
  bind_item(s, item);
  s.run();
  return sqlite3_last_insert_rowid(db_.handle());
}

void SqliteAccess::update_item(const ItemRecord& item) {
  Statement& s = db_.cached(
      "UPDATE items SET repository_id = ?1, fingerprint = ?2, key = ?3, status = ?4, source = ?5, rule = ?6,"
      " category = ?7, title = ?8, path = ?9, previous_path = ?10, line_start = ?11, line_end = ?12,"
      " evidence = ?13, effort_hours = ?14, value_usd = ?15, composite = ?16, first_seen_at = ?17,"
      " first_seen_scan = ?18, last_seen_at = ?19, last_seen_scan = ?20, resolved_at = ?21,"
      " resolved_scan = ?22, resolved_commit = ?23, reopen_count = ?24 WHERE id = ?25");
  bind_item(s, item);
  s.bind(25, item.id);
  s.run();
}

void SqliteAccess::update_sighting(const ItemRecord& item) {
  db_.cached(
         "UPDATE items SET source = ?1, rule = ?2, category = ?3, title = ?4, path = ?5, line_start = ?6,"
         " line_end = ?7, evidence = ?8, effort_hours = ?9, value_usd = ?10, composite = ?11, last_seen_at = "
         "?12,"
         " last_seen_scan = ?13 WHERE id = ?14")
      .bind(1, item.source)
      .bind(2, item.rule)
      .bind(3, item.category)
      .bind(4, item.title)
      .bind(5, item.path)
      .bind(6, item.line_start)
      .bind(7, item.line_end)
      .bind(8, item.evidence)
      .bind(9, item.effort_hours)
      .bind(10, item.value_usd)
      .bind(11, item.composite)
      .bind(12, item.last_seen_at)
      .bind(13, item.last_seen_scan)
      .bind(14, item.id)
      .run();
}

void SqliteAccess::set_last_seen(const std::vector<int64_t>& ids, int64_t at, const std::string& scan_id) {
  if (ids.empty()) return;
  db_.cached("UPDATE items SET last_seen_at = ?1, last_seen_scan = ?2 WHERE id IN (SELECT value FROM json_each(?3))")
      .bind(1, at)
      .bind(2, scan_id)
      .bind(3, json_ids(ids))
      .run();
}

void SqliteAccess::add_event(const EventRecord& event) {
  db_.cached("INSERT INTO item_events (item_id, scan_id, at, kind, commit_id) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, event.item_id)
      .bind(2, event.scan_id)
      .bind(3, event.at)
      .bind(4, event.kind)
      .bind(5, event.commit)
      .run();
}

void SqliteAccess::add_score(const ScoreRecord& score) {
  db_.cached(
         "INSERT INTO score_history (item_id, scan_id, at, composite, value_usd) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, score.item_id)
      .bind(2, score.scan_id)
      .bind(3, score.at)
      .bind(4, score.composite)
      .bind(5, score.value_usd)
      .run();
}

void SqliteAccess::add_scan(const ScanRecord& scan, const std::vector<RunRecord>& runs) {
  Statement& s =
      db_.cached(std::string("INSERT INTO scans (") + kScanColumns + ") VALUES (" + numbered_parameters(13) + ")");
  s.bind(1, scan.id).bind(2, scan.repository_id).bind(3, scan.started_at).bind(4, scan.finished_at);
  s.bind(5, scan.target).bind(6, scan.commit).bind(7, static_cast<int64_t>(scan.merged ? 1 : 0));
  s.bind(8, scan.new_items).bind(9, scan.reopened_items).bind(10, scan.resolved_items);
  s.bind(11, scan.open_items).bind(12, scan.open_effort_hours).bind(13, scan.open_value_usd);
  s.run();
  last_merged_.erase(scan.repository_id);
  Statement& r = db_.cached(
      "INSERT INTO scan_runs (scan_id, plugin, kind, version, status, findings, duration_ms, error)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& run : runs) {
    r.reset();
    r.bind(1, scan.id).bind(2, run.plugin).bind(3, run.kind).bind(4, run.version).bind(5, run.status);
    r.bind(6, run.findings).bind(7, run.duration_ms).bind(8, run.error);
    r.run();
  }
}

void SqliteAccess::add_assessment(const AssessmentRecord& assessment) {
  db_.cached("INSERT INTO assessments (scan_id, source, level, percent) VALUES (?1, ?2, ?3, ?4)")
      .bind(1, assessment.scan_id)
      .bind(2, assessment.source)
      .bind(3, assessment.level)
      .bind(4, assessment.percent)
      .run();
  Statement& d =
      db_.cached("INSERT INTO assessment_dimensions (scan_id, dimension, percent) VALUES (?1, ?2, ?3)");
  for (const auto& dimension : assessment.dimensions) {
    d.bind(1, assessment.scan_id).bind(2, dimension.name);
    if (dimension.percent)
      d.bind(3, *dimension.percent);
    else
      d.bind_null(3);
    d.run();
  }
}

}  // namespace assay::state
