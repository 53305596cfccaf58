#include "scan/history_note.h"

#include <nlohmann/json.hpp>

#include "scan/json_text.h"

namespace assay::scan {
namespace {

nlohmann::ordered_json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

void append_text_or_null(std::string& out, const std::string& text) {
  if (text.empty()) {
    out += "null";
  } else {
    append_json_string(out, text);
  }
}

}  // namespace

void append_origin_text(std::string& out, const std::optional<OriginNote>& origin) {
  if (!origin) {
    out += "null";
    return;
  }
  out += "{\"commit\":";
  append_text_or_null(out, origin->commit);
  out += ",\"author\":";
  append_text_or_null(out, origin->author);
  out += ",\"time\":";
  append_text_or_null(out, origin->time);
  out += ",\"state\":";
  append_json_string(out, origin->state);
  out += '}';
}

void append_file_history_text(std::string& out, const std::optional<FileHistoryNote>& file_history) {
  if (!file_history) {
    out += "null";
    return;
  }
  out += "{\"commits\":";
  append_json_number(out, uint64_t{file_history->commits});
  out += ",\"authors\":";
  append_json_number(out, uint64_t{file_history->authors});
  out += ",\"median_commits\":";
  append_json_number(out, file_history->median_commits);
  out += ",\"hotspot_multiplier\":";
  append_json_number(out, file_history->hotspot_multiplier);
  out += ",\"window\":";
  append_json_string(out, file_history->window);
  out += '}';
}

void add_history_json(nlohmann::ordered_json& item, const HistoryNote& note) {
  if (note.origin) {
    const OriginNote& o = *note.origin;
    item["origin"] = {{"commit", text_or_null(o.commit)},
                      {"author", text_or_null(o.author)},
                      {"time", text_or_null(o.time)},
                      {"state", o.state}};
  } else {
    item["origin"] = nullptr;
  }
  if (note.file_history) {
    const FileHistoryNote& f = *note.file_history;
    item["file_history"] = {{"commits", f.commits},
                            {"authors", f.authors},
                            {"median_commits", f.median_commits},
                            {"hotspot_multiplier", f.hotspot_multiplier},
                            {"window", f.window}};
  } else {
    item["file_history"] = nullptr;
  }
}

}  // namespace assay::scan
