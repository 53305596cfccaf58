// The constants of the scoring model, read from the `scoring:` section of the
// configuration (defaults in config/assay.yaml, explained in docs/scoring.md).
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

namespace YAML {
class Node;
}

namespace assay::scoring {

// One value per severity, indexed like known_severities():
// info, low, medium, high, critical.
using PerSeverity = std::array<double, 5>;

// What a category is worth before the finding's own facts raise it.
struct CategoryTable {
  double business_value = 0;    // 1..10, WSJF component
  double time_criticality = 0;  // 1..10, WSJF component
  double risk_reduction = 0;    // 1..10, WSJF component
  double opportunity = 0;       // 1..10, WSJF opportunity enablement
  double impact = 0;            // 1..10, ICE impact
  double debt_impact = 0;       // 0..100, technical debt base; 0 = no debt score
  double boost = 0;             // multiplies the composite
  double usd_per_point = 0;     // dollars per cost-of-delay point
  double base_risk = 0;         // 0..1
  double effort_hours = 0;      // effort when the finding states none
};

// Weights of the normalised scores in the composite, for one maturity level.
struct Weights {
  double wsjf = 0;
  double ice = 0;
  double technical_debt = 0;
  double security = 0;
};

// Lower CVSS v3 bound of each severity band; below `low` is info ("none").
struct CvssBands {
  double low = 0;
  double medium = 0;
  double high = 0;
  double critical = 0;
};

// Old lines carry interest: they raise time criticality and technical debt.
struct AgeRules {
  double days_per_point = 0;         // + 1 time criticality per this many days
  double max_points = 0;             // cap of the time criticality raise
  double monthly_interest_rate = 0;  // debt interest compounds per 30 days
  double max_interest = 0;           // cap of the debt interest, debt points
};

// Files that change often and are complex (hotspots) make their items urgent.
struct HotspotRules {
  double points_per_unit = 0;  // time criticality + (multiplier - 1) × this
  double max_points = 0;       // cap of that raise
};

// A row of the effort → ease table: efforts up to `max_hours` get `ease`.
struct EaseStep {
  double max_hours = 0;
  double ease = 0;
};

struct SecurityRules {
  double cvss_multiplier = 0;  // security score = CVSS × this
  PerSeverity by_severity{};   // security score of a rated finding without CVSS
  double unrated = 0;          // security finding with neither severity nor CVSS
};

struct RiskRules {
  double per_effort_hour = 0;     // large changes are riskier
  double uncertainty_weight = 0;  // weight of (1 - confidence)
};

struct NextBestRules {
  double min_score = 0;  // composite at least this
  double max_risk = 0;   // risk at most this
};

struct ModelConfig {
  std::string default_category;
  double default_confidence = 0;
  double min_effort_hours = 0;  // WSJF divisor floor
  double wsjf_scale = 0;        // WSJF that counts as 100 in the composite
  PerSeverity severity_bonus{};
  CvssBands cvss_bands;
  AgeRules age;
  HotspotRules hotspot;
  std::vector<EaseStep> ease;  // ascending max_hours
  double ease_beyond = 0;      // ease of efforts beyond the last row
  SecurityRules security;
  RiskRules risk;
  std::map<std::string, Weights> weights;  // by maturity level
  NextBestRules next_best;
  std::map<std::string, CategoryTable> categories;  // every known category
};

// Reads and checks the whole `scoring` section. Every key is required (the
// merged configuration always holds the defaults) and unknown keys are
// refused. Throws std::invalid_argument naming the field, e.g.
// "scoring.weights.developing.wsjf: must be a number in [0, 1]".
ModelConfig parse_model_config(const YAML::Node& scoring_section);

// The maturity levels, lowest first: nascent, developing, maturing, advanced.
const std::vector<std::string>& maturity_levels();

}  // namespace assay::scoring
