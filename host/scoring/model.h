// The scoring model (docs/scoring.md): turns a finding plus what the host
// knows about its file into WSJF, ICE, technical debt, security, a composite
// score, a dollar value and a risk, each with its breakdown.
#pragma once

#include <optional>
#include <string>

#include "scoring/model_config.h"
#include "scoring/scores.h"

namespace YAML {
class Node;
}

namespace assay {
struct Finding;
}

namespace assay::scoring {

// What the host knows about the finding's file and line.
struct FileContext {
  double hotspot_multiplier = 1.0;  // churn × complexity of the file; 1 = ordinary, >= 0
  std::optional<double> age_days;   // age of the finding's line, when known; >= 0
};

class Model {
 public:
  // Reads the merged `scoring` section and picks the weights of
  // `maturity_level`. Throws std::invalid_argument naming the field that is
  // missing or wrong, or the unknown maturity level.
  static Model from_yaml(const YAML::Node& scoring_section, const std::string& maturity_level);
  // Same, from an already parsed configuration.
  Model(ModelConfig config, const std::string& maturity_level);

  // The same constants with the weights of another maturity level (the
  // level changes when the repository is assessed; the constants do not).
  Model with_maturity_level(const std::string& maturity_level) const;

  // Scores one finding. Pure and thread-safe. Throws std::invalid_argument
  // when the finding or the context holds a value outside its range (unknown
  // category or severity, confidence outside 0..1, CVSS outside 0..10,
  // negative effort, age or hotspot multiplier).
  Scores score(const Finding& finding, const FileContext& context) const;

  // score()'s numbers alone, bit for bit: the breakdowns' formulas and
  // components, most of a score's cost, are not built. For callers that
  // would drop the breakdown anyway (a scan's scoring stage). Throws like
  // score().
  ScoreValues values(const Finding& finding, const FileContext& context) const;

  // Everything score() reads of a finding and its context, as an opaque
  // byte string: findings with equal keys get equal scores and breakdowns
  // from one model, so a caller may reuse what it made of one (the report
  // stage reuses breakdown texts). Kept beside score()'s input resolution.
  static std::string score_key(const Finding& finding, const FileContext& context);

  // An item may be proposed as the next best one: composite >= next_best
  // min_score and risk <= next_best max_risk.
  bool next_best_eligible(const ScoreValues& scores) const;

  // Backlog key prefix of a category: SEC, DEP, TD, PERF, TEST, DOC, INFRA,
  // CQ, COMP, FEAT. Fixed, not configurable: keys are stored identities and
  // must not change when someone edits the configuration. Throws
  // std::invalid_argument for an unknown category.
  static std::string key_prefix(const std::string& category);

  const std::string& maturity_level() const { return maturity_level_; }
  const Weights& weights() const { return weights_; }
  const ModelConfig& config() const { return config_; }

 private:
  // score() with `explain`, values() without.
  Scores compute(const Finding& finding, const FileContext& context, bool explain) const;

  ModelConfig config_;
  std::string maturity_level_;
  Weights weights_;
};

}  // namespace assay::scoring
