#include "state/export.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

#include "state/timestamps.h"

namespace assay::state {
namespace {

using nlohmann::ordered_json;

ordered_json time_or_null(int64_t seconds) {
  return seconds == 0 ? ordered_json(nullptr) : ordered_json(iso8601(seconds));
}

ordered_json text_or_null(const std::string& text) {
  return text.empty() ? ordered_json(nullptr) : ordered_json(text);
}

ordered_json scan_json(StateReader& reader, const ScanRecord& s, const std::string& repository) {
  ordered_json runs = ordered_json::array();
  for (const auto& r : reader.runs(s.id)) {
    runs.push_back({{"plugin", r.plugin},
                    {"kind", text_or_null(r.kind)},
                    {"version", text_or_null(r.version)},
                    {"status", r.status},
                    {"findings", r.findings},
                    {"duration_ms", r.duration_ms},
                    {"error", text_or_null(r.error)}});
  }
  return {{"type", "scan"},
          {"repository", repository},
          {"id", s.id},
          {"started_at", iso8601(s.started_at)},
          {"finished_at", iso8601(s.finished_at)},
          {"target", s.target},
          {"commit", text_or_null(s.commit)},
          {"merged", s.merged},
          {"new_items", s.new_items},
          {"reopened_items", s.reopened_items},
          {"resolved_items", s.resolved_items},
          {"open_items", s.open_items},
          {"open_effort_hours", s.open_effort_hours},
          {"open_value_usd", s.open_value_usd},
          {"runs", std::move(runs)}};
}

ordered_json assessment_json(const AssessmentRecord& a, const std::string& repository) {
  ordered_json dimensions = ordered_json::object();
  for (const auto& d : a.dimensions)
    dimensions[d.name] = d.percent ? ordered_json(*d.percent) : ordered_json(nullptr);
  return {{"type", "assessment"},
          {"repository", repository},
          {"scan_id", a.scan_id},
          {"source", a.source},
          {"level", a.level},
          {"percent", a.percent},
          {"dimensions", std::move(dimensions)}};
}

ordered_json item_json(const ItemRecord& i, const std::string& repository) {
  return {{"type", "item"},
          {"repository", repository},
          {"key", i.key},
          {"fingerprint", i.fingerprint},
          {"status", i.status},
          {"source", i.source},
          {"rule", i.rule},
          {"category", i.category},
          {"title", i.title},
          {"location", {{"path", i.path}, {"line_start", i.line_start}, {"line_end", i.line_end}}},
          {"previous_path", text_or_null(i.previous_path)},
          {"evidence", i.evidence},
          {"effort_hours", i.effort_hours},
          {"value_usd", i.value_usd},
          {"composite", i.composite},
          {"first_seen", time_or_null(i.first_seen_at)},
          {"first_seen_scan", text_or_null(i.first_seen_scan)},
          {"last_seen", time_or_null(i.last_seen_at)},
          {"last_seen_scan", text_or_null(i.last_seen_scan)},
          {"resolved_at", time_or_null(i.resolved_at)},
          {"resolved_scan", text_or_null(i.resolved_scan)},
          {"resolved_commit", text_or_null(i.resolved_commit)},
          {"reopen_count", i.reopen_count}};
}

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void line(const ordered_json& j) {
    out_ << j.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
    ++lines_;
  }
  size_t lines() const { return lines_; }

 private:
  std::ostream& out_;
  size_t lines_ = 0;
};

void export_repository(StateReader& reader, const RepositoryRecord& repo, Writer& w) {
  w.line({{"type", "repository"}, {"path", repo.path}, {"name", repo.name}});
  for (const auto& c : reader.key_counters(repo.id))
    w.line({{"type", "key_counter"},
            {"repository", repo.path},
            {"prefix", c.prefix},
            {"last_number", c.last_number}});
  for (const auto& scan : reader.scans(repo.id)) w.line(scan_json(reader, scan, repo.path));
  for (const auto& assessment : reader.assessments(repo.id)) w.line(assessment_json(assessment, repo.path));
  std::unordered_map<int64_t, std::string> keys;
  for (const auto& item : reader.items(repo.id)) {
    keys[item.id] = item.key;
    w.line(item_json(item, repo.path));
  }
  for (const auto& e :
       reader.events(repo.id, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max())) {
    w.line({{"type", "event"},
            {"repository", repo.path},
            {"key", keys[e.item_id]},
            {"kind", e.kind},
            {"at", iso8601(e.at)},
            {"scan_id", e.scan_id},
            {"commit", text_or_null(e.commit)}});
  }
  for (const auto& s : reader.scores(repo.id)) {
    w.line({{"type", "score"},
            {"repository", repo.path},
            {"key", keys[s.item_id]},
            {"at", iso8601(s.at)},
            {"scan_id", s.scan_id},
            {"composite", s.composite},
            {"value_usd", s.value_usd}});
  }
}

}  // namespace

size_t export_json_lines(StateReader& reader, std::ostream& out) {
  Writer w(out);
  w.line({{"type", "store"},
          {"schema_version", reader.schema_version()},
          {"exported_at", iso8601(now_seconds())}});
  for (const auto& repo : reader.repositories()) export_repository(reader, repo, w);
  return w.lines();
}

}  // namespace assay::state
