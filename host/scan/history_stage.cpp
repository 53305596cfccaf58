#include "scan/history_stage.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "config/config.h"
#include "finding/canonical_json.h"
#include "finding/finding.h"
#include "history/cache_read_ahead.h"
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

OriginNote fields_of(const nlohmann::json& origin) {
  return {text_field(origin, "state"), text_field(origin, "commit"), text_field(origin, "author"),
          text_field(origin, "time")};
}

// The text of a string member's value as it stands in a compact object: ""
// when it is missing or not a string (as text_field), nullopt when the
// string holds an escape and must be parsed.
std::optional<std::string> plain_text(const std::optional<std::string_view>& value) {
  if (!value || value->front() != '"') return std::string();
  const std::string_view inner = value->substr(1, value->size() - 2);
  if (inner.find('\\') != std::string_view::npos) return std::nullopt;
  return std::string(inner);
}

// The fields of a compact "origin" object, read in one pass without the
// JSON library when none of them holds an escape (the usual case: states,
// hex ids, ISO times and most names).
std::optional<OriginNote> plain_origin(std::string_view object) {
  static constexpr std::array<std::string_view, 4> kKeys = {"state", "commit", "author", "time"};
  std::array<std::optional<std::string_view>, kKeys.size()> values;
  if (!find_compact_members(object, kKeys, values)) return std::nullopt;
  auto state = plain_text(values[0]);
  auto commit = plain_text(values[1]);
  auto author = plain_text(values[2]);
  auto time = plain_text(values[3]);
  if (!state || !commit || !author || !time) return std::nullopt;
  return OriginNote{std::move(*state), std::move(*commit), std::move(*author), std::move(*time)};
}

// The fields of the "origin" object of a finding's details, as they stand.
// Details in compact form (as Finding::from_abi leaves those of most
// plugins) are not parsed whole: only the origin object is read.
std::optional<OriginNote> origin_fields(const std::string& details_json) {
  if (details_json.find("\"origin\"") == std::string::npos) return std::nullopt;
  const CompactMember member = find_compact_member(details_json, "origin");
  if (member.compact) {
    if (!member.value || member.value->front() != '{') return std::nullopt;
    if (auto note = plain_origin(*member.value)) return note;
    return fields_of(nlohmann::json::parse(*member.value, nullptr, false));
  }
  const nlohmann::json details = nlohmann::json::parse(details_json, nullptr, false);
  if (!details.is_object()) return std::nullopt;
  auto it = details.find("origin");
  if (it == details.end() || !it->is_object()) return std::nullopt;
  return fields_of(*it);
}

// The origin a scanner put into the finding's details, when well-formed.
std::optional<OriginNote> stated_origin(const Finding& finding) {
  std::optional<OriginNote> fields = origin_fields(finding.details_json);
  if (!fields) return std::nullopt;
  OriginNote note = std::move(*fields);
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
                                                      const std::atomic<bool>& cancel,
                                                      history::CacheReadAhead* cache_ahead) {
  history::HistoryOptions options;
  try {
    options = history::HistoryOptions::from_yaml(config.root()["history"]);
  } catch (const std::invalid_argument& e) {
    log::write(log::Level::error, "history",
               std::string("configuration refused, history left out: ") + e.what());
    options.enabled = false;
  }
  return history::HistoryService::open(repo, options, now, &cancel, cache_ahead);
}

std::unique_ptr<history::CacheReadAhead> read_history_cache_ahead(const config::Config& config,
                                                                  const std::filesystem::path& root) {
  history::HistoryOptions options;
  try {
    options = history::HistoryOptions::from_yaml(config.root()["history"]);
  } catch (const std::invalid_argument&) {
    return nullptr;  // open_history says why
  }
  if (!options.enabled || options.cache_file.empty()) return nullptr;
  // `root` stands for the repository's root, which the listing finds: when
  // it turns out to be another, the build reads the file itself.
  return std::make_unique<history::CacheReadAhead>(options.cache_path(root));
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
