// Remembers the scores the model gave to the inputs it was asked about, for
// the scan's scoring stage. The model is a pure function of a few fields of a
// finding and its file context (category, severity, CVSS, effort, confidence,
// hotspot multiplier, line age), and a scan's findings repeat the same few
// combinations thousands of times: markers of one tag in files of ordinary
// churn, all scored alike. Building a score's breakdown (seven formulas as
// text) would be most of the stage's work, and the stage drops the breakdown
// anyway (drop_breakdown), so a score is computed and remembered as its
// numbers only.
//
// Thread-compatible: one memo per scoring thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

#include "scoring/model.h"
#include "scoring/scores.h"

namespace assay {
struct Finding;
}

namespace assay::scan {

class ScoreMemo {
 public:
  // The memo forgets everything when it holds this many scores (a scan whose
  // findings barely repeat would otherwise keep one entry per finding).
  static constexpr size_t kMaxEntries = 4096;

  // `model` must outlive the memo.
  explicit ScoreMemo(const scoring::Model& model) : model_(model) {}

  // The numbers of model.score(finding, context) (its breakdown is never
  // built: Model::values): remembered when the same inputs were scored
  // before. Throws what the model throws (nothing is remembered then).
  scoring::ScoreValues score(const Finding& finding, const scoring::FileContext& context);

  // Scores answered from memory / computed by the model, since construction.
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  // Exactly the inputs Model::score reads; doubles compare bit for bit.
  struct Key {
    std::string category;
    std::string severity;
    std::optional<double> cvss;
    std::optional<double> effort_hours;
    std::optional<double> confidence;
    double hotspot_multiplier = 1;
    std::optional<double> age_days;
    bool operator==(const Key& other) const;
  };
  struct KeyHash {
    size_t operator()(const Key& key) const;
  };

  const scoring::Model& model_;
  std::unordered_map<Key, scoring::ScoreValues, KeyHash> scores_;
  size_t hits_ = 0;
  size_t misses_ = 0;
};

}  // namespace assay::scan
