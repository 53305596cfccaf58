// What an item of the backlog says about the history of its line and file
// (docs/report-data.md: "origin" and "file_history").
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace assay::scan {

// Where the finding's line came from, as the scanner stated it.
struct OriginNote {
  std::string state;   // committed | at_or_before | before_history | uncommitted
  std::string commit;  // 40-hex, "" unless committed or at_or_before
  std::string author;  // "Name <email>", likewise
  std::string time;    // ISO 8601 UTC, likewise
};

// The history facts of the finding's file, from the host's index.
struct FileHistoryNote {
  uint32_t commits = 0;  // in the window
  uint32_t authors = 0;
  double median_commits = 0;  // of the scanned files that changed in the window
  double hotspot_multiplier = 1.0;
  std::string window;  // history.since as configured
};

struct HistoryNote {
  std::optional<OriginNote> origin;
  std::optional<FileHistoryNote> file_history;
};

// Adds "origin" and "file_history" (each null when unknown) to an item's JSON.
void add_history_json(nlohmann::ordered_json& item, const HistoryNote& note);

// The values of "origin" and "file_history" as compact JSON text, the same
// bytes add_history_json's values dump to (for scan/item_text.h).
void append_origin_text(std::string& out, const std::optional<OriginNote>& origin);
void append_file_history_text(std::string& out, const std::optional<FileHistoryNote>& file_history);

}  // namespace assay::scan
