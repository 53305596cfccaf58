#include "scan/backlog.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <nlohmann/json.hpp>
#include <tuple>
#include <unordered_map>

#include "scan/fingerprint.h"
#include "scan/time_format.h"
#include "scoring/reweight.h"

namespace assay::scan {

std::shared_ptr<const scoring::Breakdown> BacklogItem::empty_breakdown() {
  static const std::shared_ptr<const scoring::Breakdown> empty = std::make_shared<const scoring::Breakdown>();
  return empty;
}

void release_spare_capacity(BacklogItem& item) {
  item.finding.details_json.shrink_to_fit();
  item.finding.title.shrink_to_fit();
  item.finding.evidence.shrink_to_fit();
}

scoring::Scores score_finding(const scoring::Model& model, const Finding& finding,
                              const scoring::FileContext& context) {
  return model.score(finding, context);
}

scoring::ScoreValues score_values(const scoring::Model& model, const Finding& finding,
                                  const scoring::FileContext& context) {
  return model.values(finding, context);
}

void set_scores(BacklogItem& item, scoring::Scores scores) {
  item.breakdown = std::make_shared<const scoring::Breakdown>(std::move(scores.breakdown));
  item.scores = std::move(static_cast<scoring::ScoreValues&>(scores));
}

void drop_breakdown(BacklogItem& item) { item.breakdown.reset(); }

scoring::Breakdown breakdown_of(const BacklogItem& item, const scoring::Model* model) {
  if (item.breakdown) return *item.breakdown;
  if (model == nullptr) throw std::logic_error("the breakdown of " + item.key + " was dropped and no model was given");
  return score_finding(*model, item.finding, item.context).breakdown;
}

void reweight_item(BacklogItem& item, const scoring::Model& model) {
  if (!item.breakdown) {
    // Only the number: building the formula of a breakdown nobody keeps was
    // most of a re-weighting's cost.
    item.scores.composite = scoring::reweighted_composite(model, item.scores);
    return;
  }
  scoring::Scores held;
  static_cast<scoring::ScoreValues&>(held) = item.scores;
  held.breakdown = *item.breakdown;
  set_scores(item, scoring::reweighted(model, held));
}

namespace {

// Puts the item at order[i] at position i, for every i: each cycle of the
// permutation is followed with one item aside. `order` is used up.
void put_in_order(std::vector<BacklogItem>& items, std::vector<uint32_t>& order) {
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;  // in place, or placed by an earlier cycle
    BacklogItem aside = std::move(items[start]);
    size_t at = start;
    while (order[at] != start) {
      const size_t from = order[at];
      items[at] = std::move(items[from]);
      order[at] = static_cast<uint32_t>(at);
      at = from;
    }
    items[at] = std::move(aside);
    order[at] = static_cast<uint32_t>(at);
  }
}

// "PREFIX-007": the number with at least three digits, as "%03u" writes it.
std::string item_key(const std::string& prefix, unsigned number) {
  char digits[16];
  const char* end = std::to_chars(digits, digits + sizeof(digits), number).ptr;
  const auto count = static_cast<size_t>(end - digits);
  std::string key;
  key.reserve(prefix.size() + 1 + std::max<size_t>(count, 3));
  key += prefix;
  key += '-';
  if (count < 3) key.append(3 - count, '0');
  key.append(digits, count);
  return key;
}

}  // namespace

void assign_fingerprints(std::vector<BacklogItem>& items) {
  for (BacklogItem& item : items) set_first_fingerprint(item);
  number_fingerprints(items);
}

void set_first_fingerprint(BacklogItem& item) { item.fingerprint = fingerprint(item.finding, 0); }

void number_fingerprints(std::vector<BacklogItem>& items) {
  std::vector<size_t> repeated;  // items whose first fingerprint another item has too
  {
    std::unordered_map<std::string_view, uint32_t> count;
    count.reserve(items.size());
    for (const BacklogItem& item : items) ++count[item.fingerprint];
    for (size_t i = 0; i < items.size(); ++i) {
      if (count[items[i].fingerprint] > 1) repeated.push_back(i);
    }
  }
  // Occurrence order must not depend on the order scanners emitted in, which
  // varies between runs with the thread schedule.
  std::sort(repeated.begin(), repeated.end(), [&](size_t a, size_t b) {
    const Finding& x = items[a].finding;
    const Finding& y = items[b].finding;
    return std::tie(x.source, x.path, x.line_start, x.rule, x.evidence) <
           std::tie(y.source, y.path, y.line_start, y.rule, y.evidence);
  });
  std::unordered_map<std::string, unsigned> seen;
  for (size_t i : repeated) {
    const unsigned occurrence = seen[items[i].fingerprint]++;
    if (occurrence > 0) items[i].fingerprint = fingerprint(items[i].finding, occurrence);
  }
}

void rank_items(std::vector<BacklogItem>& items) {
  // The order is sorted as indexes and the items are then moved into place
  // once each: an item is large, and sorting the items themselves moved
  // each of them many times. The composite scores are copied beside the
  // indexes, so that most comparisons read no item. Fingerprints are
  // unique, so there are no ties whose order could differ between the two.
  struct Ranked {
    double composite;
    uint32_t index;
  };
  std::vector<Ranked> ranked(items.size());
  for (size_t i = 0; i < items.size(); ++i) ranked[i] = {items[i].scores.composite, static_cast<uint32_t>(i)};
  std::sort(ranked.begin(), ranked.end(), [&](const Ranked& x, const Ranked& y) {
    if (x.composite != y.composite) return x.composite > y.composite;
    const BacklogItem& a = items[x.index];
    const BacklogItem& b = items[y.index];
    return std::tie(a.finding.path, a.finding.line_start, a.fingerprint) <
           std::tie(b.finding.path, b.finding.line_start, b.fingerprint);
  });
  std::vector<uint32_t> order(items.size());
  for (size_t i = 0; i < ranked.size(); ++i) order[i] = ranked[i].index;
  put_in_order(items, order);
  std::map<std::string, unsigned> per_prefix;
  for (size_t i = 0; i < items.size(); ++i) {
    items[i].rank = static_cast<uint32_t>(i + 1);
    std::string prefix = scoring::Model::key_prefix(items[i].scores.category);
    const unsigned number = ++per_prefix[prefix];
    items[i].key = item_key(prefix, number);
  }
}

std::string next_best_key(const std::vector<BacklogItem>& items, const scoring::Model& model) {
  for (const auto& item : items) {
    if (model.next_best_eligible(item.scores)) return item.key;
  }
  return "";
}

nlohmann::ordered_json item_json(const BacklogItem& item, const scoring::Model* model) {
  const Finding& f = item.finding;
  const scoring::ScoreValues& s = item.scores;
  nlohmann::ordered_json j;
  j["key"] = item.key;
  j["fingerprint"] = item.fingerprint;
  j["title"] = f.title;
  j["category"] = s.category;
  j["source"] = f.source;
  j["rule"] = f.rule;
  j["location"] = {{"path", f.path}, {"line_start", f.line_start}, {"line_end", f.line_end}};
  j["evidence"] = f.evidence;
  j["effort_hours"] = s.effort_hours;
  j["confidence"] = s.confidence;
  j["severity"] = f.severity.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.severity);
  j["tags"] = f.tags;
  j["scores"] = {{"wsjf", s.wsjf},
                 {"ice", s.ice},
                 {"technical_debt", s.technical_debt},
                 {"security", s.security},
                 {"composite", s.composite}};
  j["value_usd"] = s.value_usd;
  j["risk"] = s.risk;
  j["rank"] = item.rank;
  j["status"] = item.status.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(item.status);
  j["first_seen"] = item.first_seen_at == 0 ? nlohmann::ordered_json(nullptr)
                                            : nlohmann::ordered_json(utc_iso8601_seconds(item.first_seen_at));
  j["details"] = f.details_json.empty() ? nlohmann::ordered_json(nullptr)
                                        : nlohmann::ordered_json::parse(f.details_json);
  add_history_json(j, item.history);
  const scoring::Breakdown b = breakdown_of(item, model);
  nlohmann::ordered_json breakdown;
  for (const auto& [name, part] : {std::pair{"wsjf", &b.wsjf},
                                   {"ice", &b.ice},
                                   {"technical_debt", &b.technical_debt},
                                   {"security", &b.security},
                                   {"composite", &b.composite},
                                   {"value_usd", &b.value_usd},
                                   {"risk", &b.risk}}) {
    breakdown[name] = nlohmann::ordered_json(scoring::to_json(*part));
  }
  j["breakdown"] = std::move(breakdown);
  return j;
}

nlohmann::json summary_json(const std::vector<BacklogItem>& items) {
  std::map<std::string, uint64_t> by_category;
  std::map<std::string, uint64_t> by_source;
  double effort = 0;
  double value = 0;
  for (const auto& item : items) {
    ++by_category[item.scores.category];
    ++by_source[item.finding.source];
    effort += item.scores.effort_hours;
    value += item.scores.value_usd;
  }
  auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
  return {{"items", items.size()},
          {"by_category", by_category},
          {"by_source", by_source},
          {"effort_hours", round2(effort)},
          {"value_usd", round2(value)}};
}

}  // namespace assay::scan
