// The backlog of one scan: scored findings turned into ranked items with keys,
// and their JSON form as reporters and backlog.json see it.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "finding/finding.h"
#include "scan/history_note.h"
#include "scoring/model.h"

namespace assay::scan {

struct BacklogItem {
  Finding finding;
  scoring::Scores scores;
  std::string fingerprint;
  std::string key;    // e.g. TD-014: from the state store, else by rank within its category
  uint32_t rank = 0;  // 1-based
  HistoryNote history;        // the line's origin and the file's history, when known
  std::string status;         // new | open | reopened; "" without a state store
  int64_t first_seen_at = 0;  // seconds since 1970; 0 when unknown
};

// Gives each item its fingerprint; equal findings in one file are told apart
// by their order of appearance (line), so identities stay stable.
void assign_fingerprints(std::vector<BacklogItem>& items);

// Sorts by composite score, highest first (ties: path, line, fingerprint, so
// the order is deterministic), then numbers ranks and keys per category
// prefix. With a state store the store's stable keys replace these.
void rank_items(std::vector<BacklogItem>& items);

// Key of the first item the model finds eligible as next best, or "".
std::string next_best_key(const std::vector<BacklogItem>& items, const scoring::Model& model);

// The item as written to backlog.json (docs/report-data.md), its keys in the
// documented order (scores in the order a reader reasons: WSJF, ICE, debt,
// security, then the composite, value and risk).
nlohmann::ordered_json item_json(const BacklogItem& item);

// Counts per category and source, total effort and value.
nlohmann::json summary_json(const std::vector<BacklogItem>& items);

}  // namespace assay::scan
