#include "scan/score_memo.h"

#include <bit>
#include <cstdint>
#include <functional>

#include "finding/finding.h"
#include "scan/backlog.h"

namespace assay::scan {
namespace {

uint64_t bits(double value) { return std::bit_cast<uint64_t>(value); }

bool same(const std::optional<double>& a, const std::optional<double>& b) {
  return a.has_value() == b.has_value() && (!a || bits(*a) == bits(*b));
}

void mix(size_t& seed, size_t value) { seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2); }

void mix(size_t& seed, const std::optional<double>& value) {
  mix(seed, value ? std::hash<uint64_t>()(bits(*value)) : 0x5bd1e995u);
}

}  // namespace

bool ScoreMemo::Key::operator==(const Key& other) const {
  return category == other.category && severity == other.severity && same(cvss, other.cvss) &&
         same(effort_hours, other.effort_hours) && same(confidence, other.confidence) &&
         bits(hotspot_multiplier) == bits(other.hotspot_multiplier) && same(age_days, other.age_days);
}

size_t ScoreMemo::KeyHash::operator()(const Key& key) const {
  size_t seed = std::hash<std::string>()(key.category);
  mix(seed, std::hash<std::string>()(key.severity));
  mix(seed, key.cvss);
  mix(seed, key.effort_hours);
  mix(seed, key.confidence);
  mix(seed, std::hash<uint64_t>()(bits(key.hotspot_multiplier)));
  mix(seed, key.age_days);
  return seed;
}

scoring::ScoreValues ScoreMemo::score(const Finding& finding, const scoring::FileContext& context) {
  Key key{finding.category,      finding.severity,           finding.cvss,     finding.effort_hours,
          finding.confidence,    context.hotspot_multiplier, context.age_days};
  if (auto it = scores_.find(key); it != scores_.end()) {
    ++hits_;
    return it->second;
  }
  scoring::ScoreValues scores = score_values(model_, finding, context);
  ++misses_;
  if (scores_.size() >= kMaxEntries) scores_.clear();
  scores_.emplace(std::move(key), scores);
  return scores;
}

}  // namespace assay::scan
