#include "scan/history_note.h"

#include <nlohmann/json.hpp>

namespace assay::scan {
namespace {

nlohmann::ordered_json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

}  // namespace

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
