#include "evaluator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "number_text.h"
#include "path_index.h"
#include "pattern_outcome.h"

namespace assay::maturity {

using scanners::format_number;
using scanners::round_to;

namespace {

constexpr int64_t kSecondsPerDay = 86400;
// File texts kept across rules.
constexpr size_t kCacheBytes = 16 * 1024 * 1024;
// Matched files the history does not know: not committed yet, changed only
// by merges (which the host does not count), or unchanged in the host's
// history window.
constexpr const char* kWithoutHistory =
    " without history (not committed, changed only by merges, or unchanged in the history window)";

// What one evidence rule found.
struct RuleOutcome {
  enum class Kind { decided, not_applicable, inconclusive };
  Kind kind = Kind::decided;
  double fraction = 0;  // 0..1 when decided
  std::vector<std::string> evidence;
};

RuleOutcome decided(double fraction, std::vector<std::string> evidence) {
  return {RuleOutcome::Kind::decided, std::clamp(fraction, 0.0, 1.0), std::move(evidence)};
}

RuleOutcome not_applicable(std::string why) {
  return {RuleOutcome::Kind::not_applicable, 0, {std::move(why)}};
}

RuleOutcome inconclusive(std::string why) { return {RuleOutcome::Kind::inconclusive, 0, {std::move(why)}}; }

std::string plural(size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

// The paths of the files `ignore` does not match, in ASCII lower case;
// their indices go to `visible`.
scanners::PathIndex visible_paths(const scanners::GlobList& ignore, const RepositorySnapshot& repository,
                                  std::vector<size_t>& visible) {
  std::vector<std::string> paths;
  for (size_t i = 0; i < repository.files.size(); ++i) {
    std::string folded = scanners::lower_ascii(repository.files[i].path);
    if (ignore.matches_folded(folded)) continue;
    visible.push_back(i);
    paths.push_back(std::move(folded));
  }
  return scanners::PathIndex(std::move(paths));
}

class Evaluation {
 public:
  Evaluation(const RuleSet& rules, const RepositorySnapshot& repository, const HistoryFacts& history,
             const EvaluationLimits& limits)
      : rules_(rules),
        repository_(repository),
        history_(history),
        limits_(limits),
        visible_paths_(visible_paths(rules.ignore, repository, visible_)) {
    count_languages();
  }

  Assessment run() {
    Assessment assessment;
    for (const auto& check : rules_.checks) assessment.checks.push_back(evaluate_check(check));
    std::vector<const CheckResult*> all;
    for (const auto& r : assessment.checks) all.push_back(&r);
    for (const char* name : kDimensions) {
      DimensionResult d;
      d.name = name;
      std::vector<const CheckResult*> of_dimension;
      for (const auto& r : assessment.checks) {
        if (r.check->dimension != name) continue;
        of_dimension.push_back(&r);
        ++d.checks;
        d.conclusive += r.status != Status::inconclusive ? 1 : 0;
      }
      d.percent = weighted_percent(of_dimension);
      assessment.dimensions.push_back(std::move(d));
    }
    assessment.percent = weighted_percent(all).value_or(0);
    assessment.level = level_for(assessment.percent);
    assessment.languages.assign(present_.begin(), present_.end());
    return assessment;
  }

 private:
  // Languages the rules name, counted over the visible files; present when
  // their share reaches language_share.
  void count_languages() {
    std::set<std::string> named;
    for (const auto& check : rules_.checks) {
      named.insert(check.languages.begin(), check.languages.end());
      if (check.applies_if) collect_languages(*check.applies_if, named);
      for (const auto& rule : check.evidence) collect_languages(rule, named);
    }
    std::map<std::string, size_t> counts;
    size_t total = 0;
    for (size_t i : visible_) {
      const std::string& language = repository_.files[i].language;
      if (named.count(language) == 0) continue;
      ++counts[language];
      ++total;
    }
    for (const auto& [language, count] : counts) {
      if (count > 0 && static_cast<double>(count) >= rules_.language_share * static_cast<double>(total))
        present_.insert(language);
    }
  }

  static void collect_languages(const EvidenceRule& rule, std::set<std::string>& named) {
    named.insert(rule.languages.begin(), rule.languages.end());
    for (const auto& alternative : rule.any) collect_languages(alternative, named);
    for (const auto& gate : rule.applies_if) collect_languages(gate, named);
  }

  bool any_present(const std::vector<std::string>& languages) const {
    return std::any_of(languages.begin(), languages.end(),
                       [&](const std::string& l) { return present_.count(l) > 0; });
  }

  std::string labelled(const EvidenceRule& rule, const std::string& text) const {
    return rule.name.empty() ? text : rule.name + ": " + text;
  }

  // The visible files `globs` matches (indices into repository_.files,
  // ascending).
  std::vector<size_t> visible_matching(const scanners::GlobList& globs) const {
    std::vector<size_t> matched = visible_paths_.matching(globs);
    for (size_t& m : matched) m = visible_[m];
    return matched;
  }

  // The folded path of file `index`, which must be visible.
  const std::string& folded(size_t index) const {
    const size_t position =
        static_cast<size_t>(std::lower_bound(visible_.begin(), visible_.end(), index) - visible_.begin());
    return visible_paths_.path(position);
  }

  std::vector<size_t> matching(const scanners::GlobList& files, const scanners::GlobList& exclude) const {
    std::vector<size_t> matched;
    for (size_t i : visible_matching(files)) {
      if (!exclude.matches_folded(folded(i))) matched.push_back(i);
    }
    return matched;
  }

  // Up to evidence_lines paths, then "and N more".
  std::string path_list(const std::vector<size_t>& indices) const {
    std::vector<std::string> shown;
    for (size_t k = 0; k < indices.size() && k < limits_.evidence_lines; ++k)
      shown.push_back(repository_.files[indices[k]].path);
    std::string text = joined(shown);
    if (indices.size() > shown.size())
      text += " and " + std::to_string(indices.size() - shown.size()) + " more";
    return text;
  }

  std::optional<std::string> read_limited(size_t index) const {
    if (repository_.files[index].size > limits_.max_file_size || !repository_.read) return std::nullopt;
    std::optional<std::string> text = repository_.read(index);
    if (!text.has_value() || text->size() > limits_.max_file_size) return std::nullopt;
    return text;
  }

  // The text of file `index`, or nullopt when unreadable or too large. Texts
  // are kept while they fit kCacheBytes (CI files and manifests are asked for
  // by many rules); beyond that a text lives until the next call.
  const std::optional<std::string>& contents(size_t index) {
    auto it = cache_.find(index);
    if (it != cache_.end()) return it->second;
    std::optional<std::string> text = read_limited(index);
    const size_t size = repository_.files[index].size;
    if (cached_bytes_ + size > kCacheBytes) {
      uncached_ = std::move(text);
      return uncached_;
    }
    cached_bytes_ += size;
    return cache_.emplace(index, std::move(text)).first->second;
  }

  struct ContentHit {
    size_t index;
    PatternMatch match;
  };

  // The outcome of `pattern` in file `index` kept in the host's cache, or
  // nullopt; `key` is set to the key to store a new outcome under ("" when
  // the file's outcomes are not cached).
  std::optional<PatternOutcome> cached_outcome(const ContentPattern& pattern, size_t index,
                                               std::string& key) {
    key.clear();
    if (!repository_.cache_get) return std::nullopt;
    key = pattern_cache_key(pattern, repository_.files[index].blob_id);
    if (key.empty()) return std::nullopt;
    const std::optional<std::string> value = repository_.cache_get(key);
    return value ? decode_outcome(*value) : std::nullopt;
  }

  // The first match of any of the rule's patterns in file `index`. A
  // pattern's outcome comes from the host's cache when the file's blob was
  // searched before; the file is read only for a pattern that was not.
  std::optional<ContentHit> search(const EvidenceRule& rule, size_t index, size_t& unreadable,
                                   size_t& gave_up) {
    if (repository_.files[index].size > limits_.max_file_size || !repository_.read) {
      ++unreadable;
      return std::nullopt;
    }
    const std::optional<std::string>* text = nullptr;  // read on the first uncached pattern
    size_t stopped_patterns = 0;                       // counted only for a file that is searched
    std::string key;
    for (const auto& pattern : rule.contains) {
      std::optional<PatternOutcome> outcome = cached_outcome(pattern, index, key);
      if (!outcome) {
        if (text == nullptr) text = &contents(index);
        if (!*text) {
          ++unreadable;
          return std::nullopt;
        }
        outcome.emplace();
        outcome->match = pattern.find(**text, outcome->gave_up);
        if (!key.empty()) repository_.cache_put(key, encode_outcome(*outcome));
      }
      if (outcome->match) {
        gave_up += stopped_patterns;
        return ContentHit{index, std::move(*outcome->match)};
      }
      stopped_patterns += outcome->gave_up ? 1 : 0;
    }
    gave_up += stopped_patterns;
    return std::nullopt;
  }

  std::string hit_text(const ContentHit& hit) const {
    return repository_.files[hit.index].path + ":" + std::to_string(hit.match.line) + ": " +
           hit.match.line_text;
  }

  static std::string patterns_text(const EvidenceRule& rule) {
    std::string out;
    for (const auto& p : rule.contains) out += (out.empty() ? "/" : " or /") + p.expression() + "/";
    return out;
  }

  void note_skipped(std::vector<std::string>& evidence, size_t unreadable, size_t gave_up) const {
    if (unreadable > 0)
      evidence.push_back(plural(unreadable, "file") + " not searched (unreadable or larger than " +
                         std::to_string(limits_.max_file_size) + " bytes)");
    if (gave_up > 0) evidence.push_back("a pattern gave up on " + plural(gave_up, "file") + " (match limit)");
  }

  RuleOutcome files_rule(const EvidenceRule& rule, const std::vector<size_t>& matched) const {
    if (matched.size() >= rule.min_files) return decided(1, {labelled(rule, "found " + path_list(matched))});
    if (matched.empty()) return decided(0, {labelled(rule, "no file matches " + rule.files.describe())});
    return decided(static_cast<double>(matched.size()) / rule.min_files,
                   {labelled(rule, plural(matched.size(), "file") + " of " + std::to_string(rule.min_files) +
                                       " wanted: " + path_list(matched))});
  }

  RuleOutcome content_rule(const EvidenceRule& rule, const std::vector<size_t>& matched) {
    if (matched.empty()) return decided(0, {labelled(rule, "no file matches " + rule.files.describe())});
    size_t unreadable = 0;
    size_t gave_up = 0;
    std::vector<ContentHit> hits;
    std::vector<size_t> missing;
    for (size_t index : matched) {
      if (auto hit = search(rule, index, unreadable, gave_up)) {
        hits.push_back(std::move(*hit));
        if (!rule.every_file) break;
      } else {
        missing.push_back(index);
      }
    }
    std::vector<std::string> evidence;
    double fraction = 0;
    if (rule.every_file) {
      fraction = static_cast<double>(hits.size()) / static_cast<double>(matched.size());
      evidence.push_back(labelled(rule, std::to_string(hits.size()) + " of " +
                                            plural(matched.size(), "file") + " match " +
                                            patterns_text(rule)));
      if (!missing.empty()) evidence.push_back("no match in " + path_list(missing));
    } else if (!hits.empty()) {
      fraction = 1;
      evidence.push_back(labelled(rule, hit_text(hits.front())));
    } else {
      evidence.push_back(labelled(rule, "no match for " + patterns_text(rule) + " in " + path_list(matched)));
    }
    note_skipped(evidence, unreadable, gave_up);
    return decided(fraction, std::move(evidence));
  }

  RuleOutcome absent_rule(const EvidenceRule& rule, const std::vector<size_t>& matched) {
    std::vector<std::string> found;
    size_t unreadable = 0;
    size_t gave_up = 0;
    size_t count = 0;
    for (size_t index : matched) {
      if (rule.contains.empty()) {
        ++count;
        if (found.size() < limits_.evidence_lines) found.push_back(repository_.files[index].path);
      } else if (auto hit = search(rule, index, unreadable, gave_up)) {
        ++count;
        if (found.size() < limits_.evidence_lines) found.push_back(hit_text(*hit));
      }
    }
    std::vector<std::string> evidence;
    if (count == 0) {
      const std::string what = rule.contains.empty()
                                   ? "no file matches " + rule.files.describe()
                                   : "no match for " + patterns_text(rule) + " in " + rule.files.describe();
      evidence.push_back(labelled(rule, what));
    } else {
      evidence.push_back(labelled(rule, rule.contains.empty()
                                            ? "found " + plural(count, "file") + " that should not be here:"
                                            : "found in " + plural(count, "file") + ":"));
      evidence.insert(evidence.end(), found.begin(), found.end());
      if (count > found.size()) evidence.push_back("and " + std::to_string(count - found.size()) + " more");
    }
    note_skipped(evidence, unreadable, gave_up);
    return decided(count == 0 ? 1 : 0, std::move(evidence));
  }

  RuleOutcome history_rule(const EvidenceRule& rule, const std::vector<size_t>& matched) const {
    if (auto reason = history_.unavailable_reason())
      return inconclusive(labelled(rule, "history: " + *reason));
    const HistoryRule& h = *rule.history;
    const int64_t since = history_.now() - static_cast<int64_t>(h.days) * kSecondsPerDay;
    const std::string window = plural(h.days, "day");
    if (rule.files.empty()) {
      const uint64_t commits = history_.commits_since(since);
      return decided(std::min(1.0, static_cast<double>(commits) / h.min_commits),
                     {labelled(rule, plural(commits, "commit") + " in the last " + window + " (" +
                                         std::to_string(h.min_commits) + " wanted)")});
    }
    if (matched.empty()) return decided(0, {labelled(rule, "no file matches " + rule.files.describe())});
    if (h.kind == HistoryRule::Kind::lags_at_most_days) return lag_rule(rule, matched);
    // The matched file that best meets the rule decides it.
    std::optional<std::pair<size_t, int64_t>> best;  // file, its fact
    size_t unknown = 0;
    for (size_t index : matched) {
      const auto facts = history_.file(repository_.files[index].path);
      if (!facts) {
        ++unknown;
        continue;
      }
      int64_t fact = 0;
      switch (h.kind) {
        case HistoryRule::Kind::changed_within_days:
          fact = facts->last_change;
          break;
        case HistoryRule::Kind::older_than_days:
          fact = -facts->first_change;  // the oldest file is the best
          break;
        case HistoryRule::Kind::commits_within_days:
          fact = std::count_if(facts->change_times.begin(), facts->change_times.end(),
                               [&](int64_t t) { return t >= since; });
          break;
        case HistoryRule::Kind::lags_at_most_days:
          break;
      }
      if (!best || fact > best->second) best = std::make_pair(index, fact);
    }
    if (!best) return inconclusive(labelled(rule, "history: no history for " + path_list(matched)));
    const std::string& path = repository_.files[best->first].path;
    const auto days_ago = [&](int64_t t) {
      return std::max<int64_t>(0, (history_.now() - t) / kSecondsPerDay);
    };
    std::vector<std::string> evidence;
    double fraction = 0;
    switch (h.kind) {
      case HistoryRule::Kind::changed_within_days:
        fraction = best->second >= since ? 1 : 0;
        evidence.push_back(labelled(rule, path + " last changed " + plural(days_ago(best->second), "day") +
                                              " ago (within " + window + " wanted)"));
        break;
      case HistoryRule::Kind::older_than_days:
        fraction = -best->second <= since ? 1 : 0;
        evidence.push_back(labelled(rule, path + " added " + plural(days_ago(-best->second), "day") +
                                              " ago (at least " + window + " wanted)"));
        break;
      case HistoryRule::Kind::commits_within_days:
        fraction = std::min(1.0, static_cast<double>(best->second) / h.min_commits);
        evidence.push_back(labelled(rule, path + ": " + plural(static_cast<size_t>(best->second), "commit") +
                                              " in the last " + window + " (" +
                                              std::to_string(h.min_commits) + " wanted)"));
        break;
      case HistoryRule::Kind::lags_at_most_days:
        break;
    }
    if (unknown > 0) evidence.push_back(plural(unknown, "matched file") + kWithoutHistory);
    return decided(fraction, std::move(evidence));
  }

  // The newest of the matched files against the latest change of the files
  // it keeps up with (`behind`, the matched files left out): met when it is
  // at most `days` older. Nothing behind it changed in the history: met.
  RuleOutcome lag_rule(const EvidenceRule& rule, const std::vector<size_t>& matched) const {
    const HistoryRule& h = *rule.history;
    const auto newest = [&](const std::vector<size_t>& files) {
      std::optional<std::pair<size_t, int64_t>> best;  // file, its last change
      for (size_t index : files) {
        const auto last = history_.last_change(repository_.files[index].path);
        if (last && (!best || *last > best->second)) best = std::make_pair(index, *last);
      }
      return best;
    };
    const auto kept = newest(matched);
    if (!kept) return inconclusive(labelled(rule, "history: no history for " + path_list(matched)));
    std::vector<size_t> behind;
    const std::set<size_t> own(matched.begin(), matched.end());
    for (size_t i : visible_matching(h.behind))
      if (!own.count(i)) behind.push_back(i);
    const auto latest = newest(behind);
    const std::string& kept_path = repository_.files[kept->first].path;
    if (!latest)
      return decided(
          1, {labelled(rule, "no file matching " + h.behind.describe() +
                                 " changed in the history: nothing for " + kept_path + " to keep up with")});
    const int64_t lag_days = std::max<int64_t>(0, (latest->second - kept->second) / kSecondsPerDay);
    const std::string& latest_path = repository_.files[latest->first].path;
    const std::string lag = latest->second <= kept->second
                                ? kept_path + " last changed after the latest change of " + latest_path
                                : kept_path + " last changed " + plural(lag_days, "day") +
                                      " before the latest change of " + latest_path;
    return decided(lag_days <= h.days ? 1 : 0,
                   {labelled(rule, lag + " (at most " + plural(h.days, "day") + " wanted)")});
  }

  RuleOutcome ratio_rule(const EvidenceRule& rule) const {
    const RatioRule& r = *rule.ratio;
    // A file that matches both counts as `of` only.
    const std::vector<size_t> of_files = visible_matching(r.of);
    const size_t of = of_files.size();
    size_t to = 0;
    for (size_t i : visible_matching(r.to))
      to += std::binary_search(of_files.begin(), of_files.end(), i) ? 0 : 1;
    if (to == 0) return not_applicable(labelled(rule, "no file matches " + r.to.describe()));
    const double ratio = static_cast<double>(of) / static_cast<double>(to);
    // A named rule says what it counts; an unnamed one shows its globs.
    const std::string counted = rule.name.empty()
                                    ? plural(of, "file") + " like " + r.of.describe() + " per " +
                                          std::to_string(to) + " like " + r.to.describe()
                                    : std::to_string(of) + " per " + std::to_string(to);
    return decided(ratio / r.at_least,
                   {labelled(rule, counted + ": ratio " + format_number(round_to(ratio, 2)) + " (" +
                                       format_number(r.at_least) + " counts as full)")});
  }

  // Met as well as the best applicable alternative.
  RuleOutcome any_rule(const EvidenceRule& rule) {
    std::vector<RuleOutcome> outcomes;
    for (const auto& alternative : rule.any) {
      RuleOutcome o = evaluate_rule(alternative);
      if (o.kind != RuleOutcome::Kind::not_applicable) outcomes.push_back(std::move(o));
    }
    if (outcomes.empty()) return not_applicable(labelled(rule, "no alternative applies"));
    const RuleOutcome* best = nullptr;
    bool undecided = false;
    std::vector<std::string> all;
    for (const auto& o : outcomes) {
      undecided |= o.kind == RuleOutcome::Kind::inconclusive;
      if (o.kind == RuleOutcome::Kind::decided && (!best || o.fraction > best->fraction)) best = &o;
      for (const auto& line : o.evidence) all.push_back(labelled(rule, line));
    }
    if (best && best->fraction >= 1) {
      std::vector<std::string> evidence;
      for (const auto& line : best->evidence) evidence.push_back(labelled(rule, line));
      return decided(1, std::move(evidence));
    }
    if (undecided) return {RuleOutcome::Kind::inconclusive, 0, std::move(all)};
    return decided(best ? best->fraction : 0, std::move(all));
  }

  RuleOutcome evaluate_rule(const EvidenceRule& rule) {
    if (!rule.languages.empty() && !any_present(rule.languages))
      return not_applicable(labelled(rule, "no " + joined(rule.languages) + " code here"));
    if (!rule.applies_if.empty()) {
      RuleOutcome gate = evaluate_rule(rule.applies_if.front());
      if (gate.kind == RuleOutcome::Kind::inconclusive) {
        for (auto& line : gate.evidence) line = labelled(rule, line);
        return gate;
      }
      if (gate.kind == RuleOutcome::Kind::not_applicable || gate.fraction < 1)
        return not_applicable(labelled(rule, "not applicable: " + joined(gate.evidence)));
    }
    if (!rule.any.empty()) return any_rule(rule);
    if (rule.ratio) return ratio_rule(rule);
    const std::vector<size_t> matched =
        rule.files.empty() ? std::vector<size_t>{} : matching(rule.files, rule.exclude);
    if (rule.history) return history_rule(rule, matched);
    if (rule.absent) return absent_rule(rule, matched);
    if (!rule.contains.empty()) return content_rule(rule, matched);
    return files_rule(rule, matched);
  }

  static CheckResult inconclusive_result(const Check& check, std::vector<std::string> evidence) {
    CheckResult r;
    r.check = &check;
    r.status = Status::inconclusive;
    r.evidence = std::move(evidence);
    return r;
  }

  CheckResult evaluate_check(const Check& check) {
    if (!check.languages.empty() && !any_present(check.languages))
      return inconclusive_result(check, {"not applicable: no " + joined(check.languages) + " code here"});
    if (check.applies_if) {
      RuleOutcome gate = evaluate_rule(*check.applies_if);
      if (gate.kind == RuleOutcome::Kind::inconclusive) return inconclusive_result(check, gate.evidence);
      if (gate.kind == RuleOutcome::Kind::not_applicable || gate.fraction < 1) {
        std::vector<std::string> evidence{"not applicable:"};
        evidence.insert(evidence.end(), gate.evidence.begin(), gate.evidence.end());
        return inconclusive_result(check, std::move(evidence));
      }
    }
    std::vector<RuleOutcome> outcomes;
    std::vector<const EvidenceRule*> applicable;
    std::vector<std::string> evidence;
    bool any_inconclusive = false;
    std::vector<std::string> not_applicable_evidence;
    for (const auto& rule : check.evidence) {
      RuleOutcome outcome = evaluate_rule(rule);
      auto& into = outcome.kind == RuleOutcome::Kind::not_applicable ? not_applicable_evidence : evidence;
      into.insert(into.end(), outcome.evidence.begin(), outcome.evidence.end());
      if (outcome.kind == RuleOutcome::Kind::not_applicable) continue;
      any_inconclusive |= outcome.kind == RuleOutcome::Kind::inconclusive;
      applicable.push_back(&rule);
      outcomes.push_back(std::move(outcome));
    }
    if (outcomes.empty()) {
      not_applicable_evidence.insert(not_applicable_evidence.begin(), "not applicable:");
      return inconclusive_result(check, std::move(not_applicable_evidence));
    }
    double fraction = 0;
    if (check.require_all) {
      if (any_inconclusive) return inconclusive_result(check, std::move(evidence));
      double weighted = 0;
      double weights = 0;
      for (size_t i = 0; i < outcomes.size(); ++i) {
        weighted += applicable[i]->weight * outcomes[i].fraction;
        weights += applicable[i]->weight;
      }
      fraction = weighted / weights;
    } else {
      const RuleOutcome* best = nullptr;
      for (const auto& o : outcomes)
        if (o.kind == RuleOutcome::Kind::decided && (!best || o.fraction > best->fraction)) best = &o;
      fraction = best ? best->fraction : 0;
      // An undecided rule might have met the check in full.
      if (fraction < 1 && any_inconclusive) return inconclusive_result(check, std::move(evidence));
      // A met check shows what met it; an unmet one everything that was tried.
      if (best && fraction >= 1) evidence = best->evidence;
    }
    CheckResult r;
    r.check = &check;
    r.fraction = fraction;
    r.score = round_to(10 * fraction, 2);
    r.status = r.score >= 10 ? Status::pass : r.score <= 0 ? Status::fail : Status::partial;
    r.evidence = std::move(evidence);
    return r;
  }

  const RuleSet& rules_;
  const RepositorySnapshot& repository_;
  const HistoryFacts& history_;
  const EvaluationLimits limits_;
  std::vector<size_t> visible_;  // the files no ignore glob matches (indices, ascending)
  // Their paths in ASCII lower case (each path's case is folded once: every
  // rule matches every visible path), by position in visible_.
  scanners::PathIndex visible_paths_;
  std::set<std::string> present_;
  std::unordered_map<size_t, std::optional<std::string>> cache_;
  size_t cached_bytes_ = 0;
  std::optional<std::string> uncached_;
};

}  // namespace

const char* status_name(Status status) {
  switch (status) {
    case Status::pass:
      return "pass";
    case Status::partial:
      return "partial";
    case Status::fail:
      return "fail";
    case Status::inconclusive:
      return "inconclusive";
  }
  return "inconclusive";
}

std::string level_for(double percent) {
  if (percent >= 75) return "advanced";
  if (percent >= 50) return "maturing";
  if (percent >= 25) return "developing";
  return "nascent";
}

std::optional<double> weighted_percent(const std::vector<const CheckResult*>& results) {
  double earned = 0;
  double possible = 0;
  for (const CheckResult* r : results) {
    if (r->status == Status::inconclusive) continue;
    const double weight = risk_weight(r->check->risk);
    earned += weight * r->score;
    possible += weight * 10;
  }
  if (possible <= 0) return std::nullopt;
  return round_to(earned / possible * 100, 1);
}

Assessment assess(const RuleSet& rules, const RepositorySnapshot& repository, const HistoryFacts& history,
                  const EvaluationLimits& limits) {
  return Evaluation(rules, repository, history, limits).run();
}

}  // namespace assay::maturity
