// The backlog of one scan: scored findings turned into ranked items with keys,
// and their JSON form as reporters and backlog.json see it.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "finding/finding.h"
#include "scan/history_note.h"
#include "scoring/model.h"

namespace assay::scan {

struct BacklogItem {
  Finding finding;
  scoring::ScoreValues scores;
  // The explanation of `scores`; null when dropped (drop_breakdown), then
  // breakdown_of() recomputes it. Shared and immutable, so copying an item
  // does not copy it. A new item holds an empty breakdown.
  std::shared_ptr<const scoring::Breakdown> breakdown = empty_breakdown();
  std::string fingerprint;
  std::string key;    // e.g. TD-014: from the state store, else by rank within its category
  uint32_t rank = 0;  // 1-based
  uint32_t arrival = 0;  // the order the scoring stage received it in (0 first)
  HistoryNote history;        // the line's origin and the file's history, when known
  scoring::FileContext context;  // what the finding was scored in (its file's hotspot, its age)
  std::string status;         // new | open | reopened; "" without a state store
  int64_t first_seen_at = 0;  // seconds since 1970; 0 when unknown

  // One empty breakdown all new items share.
  static std::shared_ptr<const scoring::Breakdown> empty_breakdown();
};

// What the scan's scoring stage computes for a finding; the one place that
// decides the context it is scored in, so a recomputed breakdown is the same.
scoring::Scores score_finding(const scoring::Model& model, const Finding& finding,
                              const scoring::FileContext& context);

// score_finding's numbers alone (scoring::Model::values): what the scoring
// stage keeps of a finding's scores, the breakdown being recomputed when the
// item is written.
scoring::ScoreValues score_values(const scoring::Model& model, const Finding& finding,
                                  const scoring::FileContext& context);

// Gives the item `scores`: their numbers and their breakdown.
void set_scores(BacklogItem& item, scoring::Scores scores);

// Drops the item's score breakdown (seven formulas and their components,
// about half of an item's memory). A scan holds every item until it is
// reported, so it keeps only the numbers and has each breakdown recomputed
// when the item is written.
void drop_breakdown(BacklogItem& item);

// The item's score breakdown: its own, or, when dropped, recomputed by
// `model` from the finding exactly as the scan first computed it. Throws
// std::logic_error when it was dropped and no model is given.
scoring::Breakdown breakdown_of(const BacklogItem& item, const scoring::Model* model);

// Re-weights the item's scores with `model` (scoring/reweight.h); a held
// breakdown gets the new composite, a dropped one stays dropped (reports
// recompute it with `model`). Throws std::invalid_argument like reweighted.
void reweight_item(BacklogItem& item, const scoring::Model& model);

// Gives back what the item's strings and vectors reserved beyond their size:
// a scan holds every item until it is reported, tens of thousands of them.
void release_spare_capacity(BacklogItem& item);

// Gives each item its fingerprint; equal findings in one file are told apart
// by their order of appearance (line), so identities stay stable.
void assign_fingerprints(std::vector<BacklogItem>& items);

// The fingerprint of the item's finding as the first of its kind
// (occurrence 0). The scan's scoring stage gives it to each item as the
// item arrives, while the scanners still run.
void set_first_fingerprint(BacklogItem& item);

// assign_fingerprints for items that all hold their first fingerprint
// (set_first_fingerprint): only equal ones are left to tell apart, which
// spares hashing and sorting every item once the scanners are done.
void number_fingerprints(std::vector<BacklogItem>& items);

// Sorts by composite score, highest first (ties: path, line, fingerprint, so
// the order is deterministic), then numbers ranks and keys per category
// prefix. With a state store the store's stable keys replace these.
void rank_items(std::vector<BacklogItem>& items);

// Key of the first item the model finds eligible as next best, or "".
std::string next_best_key(const std::vector<BacklogItem>& items, const scoring::Model& model);

// The item as written to backlog.json (docs/report-data.md), its keys in the
// documented order (scores in the order a reader reasons: WSJF, ICE, debt,
// security, then the composite, value and risk).
// A dropped breakdown is recomputed by `model` (see breakdown_of).
nlohmann::ordered_json item_json(const BacklogItem& item, const scoring::Model* model = nullptr);

// Counts per category and source, total effort and value.
nlohmann::json summary_json(const std::vector<BacklogItem>& items);

}  // namespace assay::scan
