// The maturity checks as the rule file (config/maturity.yaml) defines them:
// what a check is about, how much it weighs, and the evidence rules that
// decide it. Pure data, built by parse_rule_file, read by the evaluator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content_pattern.h"
#include "path_glob.h"

namespace assay::maturity {

// The nine dimensions, in the order reports list them.
inline constexpr const char* kDimensions[] = {"ci-cd",
                                              "security",
                                              "testing",
                                              "documentation",
                                              "observability",
                                              "performance",
                                              "dependency-management",
                                              "containerisation",
                                              "code-quality"};

// Risk of failing a check; its weight in every percentage, as OpenSSF
// Scorecard weighs its checks: critical 10, high 7.5, medium 5, low 2.5.
enum class Risk { low, medium, high, critical };

double risk_weight(Risk risk);
const char* risk_name(Risk risk);

// A history fact a rule asks for (see history_facts.h).
struct HistoryRule {
  enum class Kind {
    changed_within_days,  // a matched file changed within `days`
    commits_within_days,  // at least `min_commits` commits within `days`
    older_than_days,      // a matched file was added at least `days` ago
    lags_at_most_days     // a matched file changed at most `days` before the latest change of `behind`
  };
  Kind kind = Kind::changed_within_days;
  uint32_t days = 0;
  uint32_t min_commits = 1;
  scanners::GlobList behind;  // lags_at_most_days: the files it keeps up with (e.g. the code)
};

// files matched by `of`, per file matched by `to` (and not by `of`), against a target.
struct RatioRule {
  scanners::GlobList of;
  scanners::GlobList to;
  double at_least = 1;  // the ratio that counts as fully met, > 0
};

// One piece of evidence. Exactly one of: files (optionally with contains or
// history), history alone (the whole repository), ratio, or any (a list of
// rules, met as well as the best of them).
struct EvidenceRule {
  std::string name;                    // label in evidence lines, may be empty
  double weight = 1;                   // share in a check that requires all rules
  std::vector<std::string> languages;  // applies only when one of them is present
  scanners::GlobList files;
  scanners::GlobList exclude;
  uint32_t min_files = 1;  // files needed for full marks (fewer give a fraction)
  std::vector<ContentPattern> contains;
  bool every_file = false;  // contains: the share of matched files that match
  bool absent = false;      // met when nothing matches (files, or contains in them)
  std::optional<HistoryRule> history;
  std::optional<RatioRule> ratio;
  std::vector<EvidenceRule> any;
  // At most one rule: this rule applies only when that one is fully met
  // (a vector because a rule cannot hold an optional of its own type).
  std::vector<EvidenceRule> applies_if;
  uint32_t line = 0;  // in the rule file, for messages
};

struct Check {
  std::string id;         // [a-z0-9-]+, unique
  std::string title;      // what the check looks for, e.g. "Security policy"
  std::string fix;        // the backlog item's title when the check fails
  std::string dimension;  // one of kDimensions
  Risk risk = Risk::medium;
  std::string category;  // the failed check's backlog category
  double effort_hours = 1;
  double confidence = 0.9;
  bool require_all = true;                 // all rules (weighted share) or any rule (best one)
  std::vector<std::string> languages;      // the check applies only when one is present
  std::optional<EvidenceRule> applies_if;  // the check applies only when this is fully met
  std::vector<EvidenceRule> evidence;
  std::string origin;  // "file:line" where the check is defined
};

struct RuleSet {
  std::vector<Check> checks;
  // Paths no rule sees (vendored code, generated files).
  scanners::GlobList ignore;
  // A language counts as present when at least this share of the files in
  // the languages the rules name are in it (and at least one file is).
  double language_share = 0.1;
};

}  // namespace assay::maturity
