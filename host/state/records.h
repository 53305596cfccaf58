// The rows of the state store as plain values, the same for every backend.
// Times are seconds since 1970 (UTC); 0 means "never" where a field says so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::state {

// One scanned repository, identified by its root path.
struct RepositoryRecord {
  int64_t id = 0;
  std::string path;
  std::string name;
};

// One scan of a repository and the backlog's size right after it.
struct ScanRecord {
  std::string id;  // the scan id of the report and the events
  int64_t repository_id = 0;
  int64_t started_at = 0;
  int64_t finished_at = 0;
  std::string target;     // working-tree | commit | directory
  std::string commit;     // 40 hex, "" when there is none
  bool merged = true;     // false for a look-back (docs/state.md): the items were not changed
  int64_t new_items = 0;  // counts of this scan's lifecycle changes
  int64_t reopened_items = 0;
  int64_t resolved_items = 0;
  int64_t open_items = 0;  // the backlog after the scan
  double open_effort_hours = 0;
  double open_value_usd = 0;
};

// One plugin's part in a scan.
struct RunRecord {
  std::string scan_id;
  std::string plugin;
  std::string kind;  // scanner | reporter | "" when it never loaded
  std::string version;
  std::string status;  // ok | failed | cancelled | load-failed
  int64_t findings = 0;
  int64_t duration_ms = 0;
  std::string error;
};

// The status an item has in the store.
inline constexpr const char* kOpen = "open";
inline constexpr const char* kResolved = "resolved";
// Known only from a look-back scan: its key is taken, but no merged scan has
// seen it, so it has no lifecycle yet.
inline constexpr const char* kReserved = "reserved";

// One backlog item across scans.
struct ItemRecord {
  int64_t id = 0;
  int64_t repository_id = 0;
  std::string fingerprint;
  std::string key;  // e.g. TD-014; never changes, never reused
  std::string status;
  std::string source;
  std::string rule;
  std::string category;
  std::string title;
  std::string path;
  std::string previous_path;  // the path before the last rename that moved it, or ""
  int64_t line_start = 0;
  int64_t line_end = 0;
  std::string evidence;
  double effort_hours = 0;  // the last scan's estimate and scores
  double value_usd = 0;
  double composite = 0;
  int64_t first_seen_at = 0;  // 0 while reserved
  std::string first_seen_scan;
  // As read: the last merged scan that found the item. As written: 0 and ""
  // on an open item stand for "the scan being merged", which the store keeps
  // implicit (last_seen_by_last_scan).
  int64_t last_seen_at = 0;
  std::string last_seen_scan;
  int64_t resolved_at = 0;  // 0 unless resolved
  std::string resolved_scan;
  std::string resolved_commit;
  int64_t reopen_count = 0;
};

// What a scan's merge compares of a stored item, viewed in the store's row:
// the text is valid only while the row is visited.
struct ItemView {
  int64_t id = 0;
  std::string_view fingerprint;
  std::string_view key;
  std::string_view status;
  std::string_view source;
  std::string_view rule;
  std::string_view category;
  std::string_view title;
  std::string_view path;
  int64_t line_start = 0;
  int64_t line_end = 0;
  std::string_view evidence;
  double effort_hours = 0;
  double value_usd = 0;
  double composite = 0;
  int64_t first_seen_at = 0;
  bool last_seen_by_last_scan = false;  // its row leaves last seen implicit
};

// Whether a stored row leaves last seen implicit: an open item last seen by
// its repository's last merged scan (in commit order) holds neither a time
// nor a scan id, and reading it gives that scan's. A scan that finds the
// item again unchanged then writes nothing to its row.
inline bool last_seen_by_last_scan(std::string_view status, std::string_view last_seen_scan) {
  return status == kOpen && last_seen_scan.empty();
}

// What happened to an item in a scan.
inline constexpr const char* kEventNew = "new";
inline constexpr const char* kEventResolved = "resolved";
inline constexpr const char* kEventReopened = "reopened";

struct EventRecord {
  int64_t item_id = 0;
  std::string scan_id;
  int64_t at = 0;
  std::string kind;  // new | resolved | reopened
  std::string commit;
};

// An item's score whenever it changed (and when it was first or again seen).
struct ScoreRecord {
  int64_t item_id = 0;
  std::string scan_id;
  int64_t at = 0;
  double composite = 0;
  double value_usd = 0;
};

// One dimension of a maturity assessment: its percentage, or nullopt when
// every check of the dimension was inconclusive.
struct DimensionPercent {
  std::string name;  // e.g. ci-cd, security
  std::optional<double> percent;
};

// The maturity assessment a scan recorded (schema 3): the repository's level
// and percentages at that scan, so reports can show how they moved.
struct AssessmentRecord {
  std::string scan_id;
  std::string source;                        // the plugin that assessed
  std::string level;                         // nascent | developing | maturing | advanced
  double percent = 0;                        // 0..100
  std::vector<DimensionPercent> dimensions;  // by name
  // Read from the scan, never written with the assessment: when it finished
  // and the commit it scanned ("" when none).
  int64_t finished_at = 0;
  std::string commit;
};

// What the findings cache of one file-local scanner in one repository was
// computed with (schema 4). Its files' findings are usable only while the
// scanner's version and configuration digest stay the same.
struct FindingCacheRecord {
  int64_t repository_id = 0;
  std::string scanner;
  std::string version;
  std::string config_digest;
  std::string scan_id;  // the scan that last wrote the cache
};

// The findings a file-local scanner emitted for one file, and the key they
// hold for: the file's content and what the host said about its history.
struct CachedFileRecord {
  std::string path;
  std::string content_digest;  // the git blob id of the content
  std::string context_digest;  // of the file's history facts, "" without history
  std::string findings;        // JSON array of findings (the bus's finding objects)
};

// A CachedFileRecord as the store reads it, without copies: the views are
// valid only during the call that gives them.
struct CachedFileView {
  std::string_view path;
  std::string_view content_digest;
  std::string_view context_digest;
  std::string_view findings;
};

// The open items of a repository, summed.
struct OpenTotals {
  int64_t count = 0;
  double effort_hours = 0;
  double value_usd = 0;
};

// How many events of one kind a source's items had in a period.
struct EventCount {
  std::string kind;  // new | resolved | reopened
  std::string source;
  int64_t count = 0;
};

// The highest key number handed out for a prefix; numbers are never reused.
struct KeyCounter {
  int64_t repository_id = 0;
  std::string prefix;
  int64_t last_number = 0;
};

}  // namespace assay::state
