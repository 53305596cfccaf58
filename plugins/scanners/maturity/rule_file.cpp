#include "rule_file.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <set>

namespace assay::maturity {
namespace {

constexpr const char* kCategories[] = {"security",   "dependency",    "technical-debt", "performance",
                                       "testing",    "documentation", "infrastructure", "code-quality",
                                       "compliance", "feature"};
constexpr double kMaxEffortHours = 1000;
constexpr uint32_t kMaxDays = 36500;
constexpr uint32_t kMaxCount = 1'000'000;
// Nesting the readers accept: lists in lists (aliases), rules in `any`.
constexpr int kMaxListDepth = 4;
constexpr int kMaxRuleDepth = 4;

// Where in the file a problem is: the label, and the check being read.
struct Place {
  const std::string& label;
  std::string check;  // "check 'id' (checks[3]): " or "" outside checks
};

[[noreturn]] void fail(const Place& place, const YAML::Mark& mark, const std::string& field,
                       const std::string& problem) {
  std::string where = place.label;
  if (!mark.is_null()) where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
  throw RuleFileError(where + ": " + place.check + (field.empty() ? "" : field + ": ") + problem);
}

std::string joined(std::initializer_list<std::string_view> names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "'" + node.Scalar() + "'";
    default:
      return "nothing";
  }
}

void reject_unknown_keys(const Place& place, const YAML::Node& map, const std::string& field,
                         std::initializer_list<std::string_view> known) {
  for (const auto& entry : map) {
    const YAML::Node key = entry.first;
    const std::string name = key.IsScalar() ? key.Scalar() : "";
    if (std::find(known.begin(), known.end(), name) == known.end())
      fail(place, key.Mark(), field, "unknown key '" + name + "'; known keys: " + joined(known));
  }
}

const YAML::Node& require_map(const Place& place, const YAML::Node& node, const std::string& field) {
  if (!node.IsMap()) fail(place, node.Mark(), field, "must be a mapping, got " + describe(node));
  return node;
}

std::string read_string(const Place& place, const YAML::Node& node, const std::string& field) {
  if (!node.IsScalar()) fail(place, node.Mark(), field, "must be text, got " + describe(node));
  return node.Scalar();
}

std::string read_text(const Place& place, const YAML::Node& node, const std::string& field) {
  std::string text = read_string(place, node, field);
  if (text.find_first_not_of(" \t") == std::string::npos)
    fail(place, node.Mark(), field, "must not be empty");
  if (text.find_first_of("\r\n") != std::string::npos) fail(place, node.Mark(), field, "must be one line");
  return text;
}

double read_number(const Place& place, const YAML::Node& node, const std::string& field, double minimum,
                   double maximum, bool exclusive_minimum = false) {
  const std::string text = read_string(place, node, field);
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || !std::isfinite(value))
    fail(place, node.Mark(), field, "must be a number, got '" + text + "'");
  const bool too_low = exclusive_minimum ? value <= minimum : value < minimum;
  if (too_low || value > maximum) {
    std::string range = (exclusive_minimum ? "above " : "from ");
    auto number = [](double v) {
      std::string s = std::to_string(v);
      s.erase(s.find_last_not_of('0') + 1);
      if (s.back() == '.') s.pop_back();
      return s;
    };
    fail(place, node.Mark(), field,
         "must be a number " + range + number(minimum) + " to " + number(maximum) + ", got " + text);
  }
  return value;
}

uint32_t read_count(const Place& place, const YAML::Node& node, const std::string& field, uint32_t minimum,
                    uint32_t maximum) {
  const std::string text = read_string(place, node, field);
  uint64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || value < minimum ||
      value > maximum)
    fail(place, node.Mark(), field,
         "must be a whole number from " + std::to_string(minimum) + " to " + std::to_string(maximum) +
             ", got '" + text + "'");
  return static_cast<uint32_t>(value);
}

bool read_bool(const Place& place, const YAML::Node& node, const std::string& field) {
  const std::string text = read_string(place, node, field);
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  fail(place, node.Mark(), field, "must be true or false, got '" + text + "'");
}

template <size_t N>
std::string read_enum(const Place& place, const YAML::Node& node, const std::string& field,
                      const char* const (&allowed)[N]) {
  const std::string value = read_string(place, node, field);
  for (const char* a : allowed)
    if (value == a) return value;
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  fail(place, node.Mark(), field, "'" + value + "' is not one of " + list);
}

// Where each value of a flattened list came from.
struct ListEntry {
  std::string value;
  YAML::Node node;
  std::string field;
};

void flatten(const Place& place, const YAML::Node& node, const std::string& field, int depth,
             std::vector<ListEntry>& out) {
  if (node.IsScalar()) {
    out.push_back({read_text(place, node, field), node, field});
    return;
  }
  if (!node.IsSequence() || depth > kMaxListDepth)
    fail(place, node.Mark(), field, "must be text or a list of text, got " + describe(node));
  for (size_t i = 0; i < node.size(); ++i)
    flatten(place, node[i], field + "[" + std::to_string(i) + "]", depth + 1, out);
}

// A scalar, or a list of scalars; lists inside the list (from YAML aliases
// such as [*ci_files, Makefile]) are flattened.
std::vector<ListEntry> read_list(const Place& place, const YAML::Node& node, const std::string& field) {
  if (node.IsSequence() && node.size() == 0) fail(place, node.Mark(), field, "must not be an empty list");
  std::vector<ListEntry> entries;
  flatten(place, node, field, 0, entries);
  return entries;
}

scanners::GlobList read_globs(const Place& place, const YAML::Node& node, const std::string& field) {
  scanners::GlobList globs;
  for (const auto& entry : read_list(place, node, field)) {
    try {
      globs.add(entry.value);
    } catch (const std::invalid_argument& e) {
      fail(place, entry.node.Mark(), entry.field, e.what());
    }
  }
  return globs;
}

std::vector<std::string> read_languages(const Place& place, const YAML::Node& node,
                                        const std::string& field) {
  std::vector<std::string> languages;
  for (auto& entry : read_list(place, node, field)) {
    const bool valid = std::all_of(entry.value.begin(), entry.value.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+' || c == '#';
    });
    if (!valid)
      fail(place, entry.node.Mark(), entry.field,
           "'" + entry.value +
               "' is not a language id (lower case, as the host names languages: python, cpp, go …)");
    languages.push_back(std::move(entry.value));
  }
  return languages;
}

std::vector<ContentPattern> read_patterns(const Place& place, const YAML::Node& node,
                                          const std::string& field, bool case_sensitive) {
  std::vector<ContentPattern> patterns;
  for (const auto& entry : read_list(place, node, field)) {
    try {
      patterns.emplace_back(entry.value, case_sensitive);
    } catch (const std::invalid_argument& e) {
      fail(place, entry.node.Mark(), entry.field, std::string("invalid pattern: ") + e.what());
    }
  }
  return patterns;
}

HistoryRule read_history(const Place& place, const YAML::Node& node, const std::string& field,
                         bool has_files) {
  require_map(place, node, field);
  reject_unknown_keys(place, node, field,
                      {"changed_within_days", "commits_within_days", "min_commits", "older_than_days",
                       "lags_at_most_days", "behind"});
  HistoryRule rule;
  int kinds = 0;
  if (node["changed_within_days"]) {
    rule.kind = HistoryRule::Kind::changed_within_days;
    rule.days = read_count(place, node["changed_within_days"], field + ".changed_within_days", 1, kMaxDays);
    ++kinds;
  }
  if (node["commits_within_days"]) {
    rule.kind = HistoryRule::Kind::commits_within_days;
    rule.days = read_count(place, node["commits_within_days"], field + ".commits_within_days", 1, kMaxDays);
    ++kinds;
  }
  if (node["older_than_days"]) {
    rule.kind = HistoryRule::Kind::older_than_days;
    rule.days = read_count(place, node["older_than_days"], field + ".older_than_days", 1, kMaxDays);
    ++kinds;
  }
  if (node["lags_at_most_days"]) {
    rule.kind = HistoryRule::Kind::lags_at_most_days;
    rule.days = read_count(place, node["lags_at_most_days"], field + ".lags_at_most_days", 0, kMaxDays);
    ++kinds;
  }
  if (kinds != 1)
    fail(place, node.Mark(), field,
         "give exactly one of changed_within_days, commits_within_days, older_than_days, lags_at_most_days");
  if (rule.kind == HistoryRule::Kind::lags_at_most_days && !node["behind"])
    fail(place, node.Mark(), field, "lags_at_most_days needs 'behind': the files to keep up with");
  if (node["behind"]) {
    if (rule.kind != HistoryRule::Kind::lags_at_most_days)
      fail(place, node["behind"].Mark(), field + ".behind", "only goes with lags_at_most_days");
    rule.behind = read_globs(place, node["behind"], field + ".behind");
  }
  if (node["min_commits"]) {
    if (rule.kind != HistoryRule::Kind::commits_within_days)
      fail(place, node["min_commits"].Mark(), field + ".min_commits", "only goes with commits_within_days");
    rule.min_commits = read_count(place, node["min_commits"], field + ".min_commits", 1, kMaxCount);
  }
  if (!has_files && rule.kind != HistoryRule::Kind::commits_within_days)
    fail(place, node.Mark(), field,
         "without 'files' only commits_within_days (commits of the whole repository) can be asked");
  return rule;
}

RatioRule read_ratio(const Place& place, const YAML::Node& node, const std::string& field) {
  require_map(place, node, field);
  reject_unknown_keys(place, node, field, {"of", "to", "at_least"});
  for (const char* key : {"of", "to", "at_least"})
    if (!node[key]) fail(place, node.Mark(), field, std::string("missing required key '") + key + "'");
  RatioRule rule;
  rule.of = read_globs(place, node["of"], field + ".of");
  rule.to = read_globs(place, node["to"], field + ".to");
  rule.at_least = read_number(place, node["at_least"], field + ".at_least", 0, 1000, true);
  return rule;
}

void check_rule_shape(const Place& place, const YAML::Node& node, const std::string& field,
                      const EvidenceRule& r) {
  const bool files = !r.files.empty();
  if (!r.any.empty()) {
    for (const char* key : {"files", "exclude", "min_files", "contains", "case_sensitive", "every_file",
                            "absent", "history", "ratio"})
      if (node[key])
        fail(place, node[key].Mark(), field + "." + key, "does not go with 'any' (give it to a rule inside)");
    return;
  }
  if (!files && !r.history && !r.ratio)
    fail(place, node.Mark(), field,
         "give 'files', 'history', 'ratio' or 'any': a rule must look at something");
  if (r.ratio &&
      (files || r.history || node["contains"] || node["absent"] || node["min_files"] || node["exclude"]))
    fail(place, node.Mark(), field, "'ratio' stands alone (its 'of' and 'to' are the globs)");
  if (node["contains"] && !files)
    fail(place, node["contains"].Mark(), field + ".contains", "needs 'files' to search");
  if (node["exclude"] && !files) fail(place, node["exclude"].Mark(), field + ".exclude", "needs 'files'");
  if (node["every_file"] && r.contains.empty())
    fail(place, node["every_file"].Mark(), field + ".every_file", "only goes with 'contains'");
  if (node["case_sensitive"] && r.contains.empty())
    fail(place, node["case_sensitive"].Mark(), field + ".case_sensitive", "only goes with 'contains'");
  if (node["min_files"] && (!files || !r.contains.empty() || r.history || r.absent))
    fail(place, node["min_files"].Mark(), field + ".min_files",
         "only goes with 'files' alone (counting files; not with contains, history or absent)");
  if (r.absent && (r.history || r.every_file))
    fail(place, node["absent"].Mark(), field + ".absent", "does not go with history or every_file");
  if (r.history && !r.contains.empty())
    fail(place, node["history"].Mark(), field + ".history", "does not go with 'contains'");
}

EvidenceRule read_rule(const Place& place, const YAML::Node& node, const std::string& field, int depth = 0) {
  require_map(place, node, field);
  reject_unknown_keys(place, node, field,
                      {"name", "weight", "languages", "files", "exclude", "min_files", "contains",
                       "case_sensitive", "every_file", "absent", "history", "ratio", "any", "applies_if"});
  EvidenceRule r;
  r.line = node.Mark().is_null() ? 0 : static_cast<uint32_t>(node.Mark().line + 1);
  if (node["name"]) r.name = read_text(place, node["name"], field + ".name");
  if (node["weight"]) r.weight = read_number(place, node["weight"], field + ".weight", 0, 100, true);
  if (node["languages"]) r.languages = read_languages(place, node["languages"], field + ".languages");
  if (node["files"]) r.files = read_globs(place, node["files"], field + ".files");
  if (node["exclude"]) r.exclude = read_globs(place, node["exclude"], field + ".exclude");
  if (node["min_files"])
    r.min_files = read_count(place, node["min_files"], field + ".min_files", 1, kMaxCount);
  const bool case_sensitive =
      node["case_sensitive"] ? read_bool(place, node["case_sensitive"], field + ".case_sensitive") : false;
  if (node["contains"])
    r.contains = read_patterns(place, node["contains"], field + ".contains", case_sensitive);
  if (node["every_file"]) r.every_file = read_bool(place, node["every_file"], field + ".every_file");
  if (node["absent"]) r.absent = read_bool(place, node["absent"], field + ".absent");
  if (node["history"]) r.history = read_history(place, node["history"], field + ".history", !r.files.empty());
  if (node["ratio"]) r.ratio = read_ratio(place, node["ratio"], field + ".ratio");
  if (node["any"]) {
    const YAML::Node any = node["any"];
    if (!any.IsSequence() || any.size() == 0)
      fail(place, any.Mark(), field + ".any", "must be a non-empty list of rules, got " + describe(any));
    if (depth >= kMaxRuleDepth)
      fail(place, any.Mark(), field + ".any",
           "nests deeper than " + std::to_string(kMaxRuleDepth) + " levels");
    for (size_t i = 0; i < any.size(); ++i)
      r.any.push_back(read_rule(place, any[i], field + ".any[" + std::to_string(i) + "]", depth + 1));
  }
  if (node["applies_if"]) {
    if (depth >= kMaxRuleDepth)
      fail(place, node["applies_if"].Mark(), field + ".applies_if",
           "nests deeper than " + std::to_string(kMaxRuleDepth) + " levels");
    r.applies_if.push_back(read_rule(place, node["applies_if"], field + ".applies_if", depth + 1));
  }
  check_rule_shape(place, node, field, r);
  return r;
}

std::string check_id(const Place& place, const YAML::Node& node) {
  const std::string id = read_string(place, node, "id");
  const bool valid = !id.empty() && id.front() != '-' && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!valid) fail(place, node.Mark(), "id", "'" + id + "' is not an id: use a-z, 0-9 and '-'");
  return id;
}

Check read_check(const std::string& label, const YAML::Node& node, size_t index) {
  const std::string position = "checks[" + std::to_string(index) + "]";
  Place place{label, "check " + position + ": "};
  require_map(place, node, "");
  if (!node["id"]) fail(place, node.Mark(), "", "missing required key 'id'");
  Check c;
  c.id = check_id(place, node["id"]);
  place.check = "check '" + c.id + "' (" + position + "): ";
  reject_unknown_keys(place, node, "",
                      {"id", "title", "fix", "dimension", "risk", "category", "effort_hours", "confidence",
                       "require", "languages", "applies_if", "evidence"});
  for (const char* key : {"title", "fix", "dimension", "risk", "category", "evidence"})
    if (!node[key]) fail(place, node.Mark(), "", std::string("missing required key '") + key + "'");
  c.origin = label + ":" + std::to_string(node.Mark().line + 1);
  c.title = read_text(place, node["title"], "title");
  c.fix = read_text(place, node["fix"], "fix");
  c.dimension = read_enum(place, node["dimension"], "dimension", kDimensions);
  static constexpr const char* kRisks[] = {"low", "medium", "high", "critical"};
  const std::string risk = read_enum(place, node["risk"], "risk", kRisks);
  c.risk = risk == "critical" ? Risk::critical
           : risk == "high"   ? Risk::high
           : risk == "medium" ? Risk::medium
                              : Risk::low;
  c.category = read_enum(place, node["category"], "category", kCategories);
  if (node["effort_hours"])
    c.effort_hours = read_number(place, node["effort_hours"], "effort_hours", 0, kMaxEffortHours);
  if (node["confidence"]) c.confidence = read_number(place, node["confidence"], "confidence", 0, 1);
  if (node["require"]) {
    static constexpr const char* kRequire[] = {"all", "any"};
    c.require_all = read_enum(place, node["require"], "require", kRequire) == "all";
  }
  if (node["languages"]) c.languages = read_languages(place, node["languages"], "languages");
  if (node["applies_if"]) c.applies_if = read_rule(place, node["applies_if"], "applies_if");
  const YAML::Node evidence = node["evidence"];
  if (!evidence.IsSequence() || evidence.size() == 0)
    fail(place, evidence.Mark(), "evidence", "must be a non-empty list of rules, got " + describe(evidence));
  for (size_t i = 0; i < evidence.size(); ++i)
    c.evidence.push_back(read_rule(place, evidence[i], "evidence[" + std::to_string(i) + "]"));
  return c;
}

YAML::Node load_document(std::string_view text, const std::string& label) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    throw RuleFileError(label + ":" + std::to_string(e.mark.line + 1) + ":" +
                        std::to_string(e.mark.column + 1) + ": YAML syntax error: " + e.msg);
  }
}

}  // namespace

double risk_weight(Risk risk) {
  switch (risk) {
    case Risk::critical:
      return 10;
    case Risk::high:
      return 7.5;
    case Risk::medium:
      return 5;
    case Risk::low:
      return 2.5;
  }
  return 0;
}

const char* risk_name(Risk risk) {
  switch (risk) {
    case Risk::critical:
      return "critical";
    case Risk::high:
      return "high";
    case Risk::medium:
      return "medium";
    case Risk::low:
      return "low";
  }
  return "low";
}

RuleSet parse_rule_file(std::string_view yaml_text, const std::string& label) {
  const YAML::Node root = load_document(yaml_text, label);
  const Place place{label, ""};
  if (!root.IsMap())
    fail(place, root.Mark(), "",
         "the top level must be a mapping with 'version' and 'checks', got " + describe(root));
  reject_unknown_keys(place, root, "", {"version", "language_share", "ignore", "checks"});
  if (!root["version"]) fail(place, root.Mark(), "", "missing required key 'version'");
  const uint32_t version = read_count(place, root["version"], "version", 0, kMaxCount);
  if (version != kRuleFileVersion)
    fail(place, root["version"].Mark(), "version",
         "is " + std::to_string(version) + "; this assay reads rule files of version " +
             std::to_string(kRuleFileVersion));
  RuleSet rules;
  if (root["language_share"])
    rules.language_share = read_number(place, root["language_share"], "language_share", 0, 1);
  if (root["ignore"]) rules.ignore = read_globs(place, root["ignore"], "ignore");
  if (!root["checks"]) fail(place, root.Mark(), "", "missing required key 'checks'");
  const YAML::Node checks = root["checks"];
  if (!checks.IsSequence() && !checks.IsNull())
    fail(place, checks.Mark(), "checks", "must be a list of checks, got " + describe(checks));
  std::set<std::string> ids;
  for (size_t i = 0; i < checks.size(); ++i) {
    Check check = read_check(label, checks[i], i);
    if (!ids.insert(check.id).second)
      fail(Place{label, "check '" + check.id + "' (checks[" + std::to_string(i) + "]): "},
           checks[i]["id"].Mark(), "id", "is defined twice in this file");
    rules.checks.push_back(std::move(check));
  }
  return rules;
}

void merge_rule_sets(RuleSet& into, RuleSet&& more) {
  for (auto& check : more.checks) {
    for (const auto& existing : into.checks) {
      if (existing.id == check.id)
        throw RuleFileError(check.origin + ": check '" + check.id + "' is already defined at " +
                            existing.origin);
    }
  }
  for (auto& check : more.checks) into.checks.push_back(std::move(check));
  for (const auto& glob : more.ignore.globs()) into.ignore.add(glob.text());
}

}  // namespace assay::maturity
