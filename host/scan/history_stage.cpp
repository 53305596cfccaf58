#include "scan/history_stage.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "config/config.h"
#include "finding/compact_json.h"
#include "finding/finding.h"
#include "history/history_service.h"
#include "history/time_text.h"
#include "log/log.h"
#include "repo/repo_view.h"

namespace assay::scan {
namespace {

constexpr int64_t kSecondsPerDay = 24 * 60 * 60;

std::string text_field(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The string members of the object the reader is at into `note` (a member
// of another type reads as ""); false when the text needs nlohmann::json.
bool read_origin_object(CompactJsonReader& in, OriginNote& note) {
  if (!in.consume('{')) return false;
  if (in.consume('}')) return true;
  do {
    std::string_view key;
    if (!in.read_key(key)) return false;
    std::string* field = key == "state"    ? &note.state
                         : key == "commit" ? &note.commit
                         : key == "author" ? &note.author
                         : key == "time"   ? &note.time
                                           : nullptr;
    std::string_view skipped;
    if (field != nullptr && in.next_is('"')) {
      if (!in.read_string(*field)) return false;
    } else if (!in.read_canonical(skipped)) {
      return false;
    } else if (field != nullptr) {
      field->clear();
    }
  } while (in.consume(','));
  return in.consume('}');
}

// The "origin" member of compact details text (Finding::details_json) read
// without building a document: true when it could be read, with `found`
// telling whether there is an origin object; false when the text needs
// nlohmann::json.
bool read_compact_origin(std::string_view details, bool& found, OriginNote& note) {
  CompactJsonReader in(details);
  found = false;
  if (!in.consume('{')) return false;
  if (in.consume('}')) return in.at_end();
  do {
    std::string_view key;
    std::string_view skipped;
    if (!in.read_key(key)) return false;
    if (key == "origin" && in.next_is('{')) {
      if (!read_origin_object(in, note)) return false;
      found = true;
    } else if (!in.read_canonical(skipped)) {
      return false;
    }
  } while (in.consume(','));
  return in.consume('}') && in.at_end();
}

// The "origin" object of the finding's details, its text members read.
std::optional<OriginNote> origin_members(const std::string& details_json) {
  OriginNote note;
  bool found = false;
  if (read_compact_origin(details_json, found, note)) return found ? std::optional(note) : std::nullopt;
  const nlohmann::json details = nlohmann::json::parse(details_json, nullptr, false);
  if (!details.is_object()) return std::nullopt;
  auto it = details.find("origin");
  if (it == details.end() || !it->is_object()) return std::nullopt;
  return OriginNote{text_field(*it, "state"), text_field(*it, "commit"), text_field(*it, "author"),
                    text_field(*it, "time")};
}

// The origin a scanner put into the finding's details, when well-formed.
std::optional<OriginNote> stated_origin(const Finding& finding) {
  if (finding.details_json.find("\"origin\"") == std::string::npos) return std::nullopt;
  std::optional<OriginNote> members = origin_members(finding.details_json);
  if (!members) return std::nullopt;
  OriginNote note = std::move(*members);
  const bool dated = note.state == "committed" || note.state == "at_or_before";
  if (!dated && note.state != "uncommitted" && note.state != "before_history") return std::nullopt;
  int64_t seconds = 0;
  if (dated && !history::parse_iso8601(note.time, seconds)) return std::nullopt;
  if (!dated) note.commit = note.author = note.time = "";
  return note;
}

std::optional<double> age_days(const OriginNote& origin, int64_t now) {
  if (origin.state == "uncommitted") return 0.0;
  int64_t seconds = 0;
  if (!history::parse_iso8601(origin.time, seconds)) return std::nullopt;
  return seconds >= now ? 0.0 : std::floor(static_cast<double>(now - seconds) / kSecondsPerDay);
}

}  // namespace

std::unique_ptr<history::HistoryService> open_history(const config::Config& config,
                                                      const repo::RepoView& repo, int64_t now,
                                                      const std::atomic<bool>& cancel) {
  history::HistoryOptions options;
  try {
    options = history::HistoryOptions::from_yaml(config.root()["history"]);
  } catch (const std::invalid_argument& e) {
    log::write(log::Level::error, "history",
               std::string("configuration refused, history left out: ") + e.what());
    options.enabled = false;
  }
  return history::HistoryService::open(repo, options, now, &cancel);
}

FindingHistory finding_history(const Finding& finding, const history::HistoryService* history, int64_t now) {
  FindingHistory result;
  result.note.origin = stated_origin(finding);
  if (result.note.origin) result.context.age_days = age_days(*result.note.origin, now);
  if (history == nullptr || !history->available() || finding.path.empty()) return result;
  const std::optional<size_t> file = history->file_index(finding.path);
  if (!file) return result;
  const history::Hotspot hotspot = history->hotspot(*file);
  result.context.hotspot_multiplier = hotspot.multiplier;
  FileHistoryNote note;
  note.commits = hotspot.commits;
  note.authors = history->facts(*file)->authors;
  note.median_commits = hotspot.median_commits;
  note.hotspot_multiplier = hotspot.multiplier;
  note.window = history->options().window_text;
  result.note.file_history = note;
  return result;
}

}  // namespace assay::scan
