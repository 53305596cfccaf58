#include "result_converter.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "cwe.h"
#include "json_fields.h"
#include "line_identity.h"
#include "result_classification.h"
#include "result_location.h"
#include "sarif_message.h"

namespace assay::sarif {
namespace {

using input::FieldError;
using input::JsonPath;
using nlohmann::json;
using nlohmann::ordered_json;

// Titles stay one readable line in the backlog.
constexpr size_t kMaxTitleBytes = 200;

template <class Read>
void keep_going(ProblemList& problems, Read&& read) {
  try {
    read();
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(), error.problem() + "; left out"});
  }
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
    list.push_back(std::move(value));
}

bool is_problem_kind(std::string_view kind) { return kind == "fail" || kind == "review" || kind == "open"; }
bool is_result_kind(std::string_view kind) {
  return is_problem_kind(kind) || kind == "pass" || kind == "notApplicable" || kind == "informational";
}

// What the result refers to for its rule: the component and, when found,
// the reportingDescriptor.
struct RuleRef {
  const ToolComponent* component = nullptr;
  const RuleInfo* rule = nullptr;
  std::string id;
};

const RuleInfo* rule_at(const ToolComponent& component, uint64_t index, const JsonPath& where) {
  if (index >= component.rules.size())
    throw FieldError(
        where, std::to_string(index) + " names no rule of " +
                   (component.name.empty() ? std::string("the tool") : "'" + component.name + "'") + " (" +
                   std::to_string(component.rules.size()) + " rules)");
  return &component.rules[index];
}

const RuleInfo* rule_by_id(const ToolComponent& component, const std::string& id) {
  const auto it = component.rule_by_id.find(id);
  return it == component.rule_by_id.end() ? nullptr : &component.rules[it->second];
}

RuleRef find_rule(const json& result, const RunContext& run, const JsonPath& where, ProblemList& problems) {
  RuleRef ref;
  const json* reference = nullptr;
  keep_going(problems, [&] { reference = input::object_field(result, "rule", where); });
  const JsonPath reference_at = where.child("rule");
  ref.component = run.component(reference ? input::find_field(*reference, "toolComponent") : nullptr);
  if (ref.component == nullptr) {
    problems.push_back({ProblemKind::value_ignored, reference_at.child("toolComponent").str(),
                        "names no tool component of the run; the rule's metadata is left out"});
  }
  keep_going(problems, [&] {
    ref.id = input::string_field(result, "ruleId", where).value_or("");
    if (ref.id.empty() && reference)
      ref.id = input::string_field(*reference, "id", reference_at).value_or("");
  });
  if (ref.component == nullptr) return ref;
  keep_going(problems, [&] {
    if (auto index = input::count_field(result, "ruleIndex", where)) {
      ref.rule = rule_at(*ref.component, *index, where.child("ruleIndex"));
    } else if (auto index =
                   reference ? input::count_field(*reference, "index", reference_at) : std::nullopt) {
      ref.rule = rule_at(*ref.component, *index, reference_at.child("index"));
    } else if (auto guid = reference ? input::string_field(*reference, "guid", reference_at) : std::nullopt) {
      const auto it = ref.component->rule_by_guid.find(*guid);
      if (it != ref.component->rule_by_guid.end()) ref.rule = &ref.component->rules[it->second];
    }
  });
  if (ref.rule == nullptr && !ref.id.empty()) {
    ref.rule = rule_by_id(*ref.component, ref.id);
    for (size_t i = 0; ref.rule == nullptr && ref.component == &run.driver && i < run.extensions.size(); ++i)
      ref.rule = rule_by_id(run.extensions[i], ref.id);
  }
  if (ref.id.empty() && ref.rule != nullptr) ref.id = ref.rule->id;
  return ref;
}

// Suppressed: at least one suppression, none under review or rejected.
bool is_suppressed(const json& result, const JsonPath& where, ordered_json& open_suppressions) {
  const json* list = input::array_field(result, "suppressions", where);
  if (list == nullptr || list->empty()) return false;
  bool contested = false;
  for (size_t i = 0; i < list->size(); ++i) {
    const JsonPath at = where.child("suppressions").child(i);
    const json& suppression = input::require_object((*list)[i], at);
    const std::string status = input::string_field(suppression, "status", at).value_or("accepted");
    if (status != "accepted" && status != "underReview" && status != "rejected")
      throw FieldError(at.child("status"), "'" + status + "' is not accepted, underReview or rejected");
    if (status != "accepted") contested = true;
  }
  if (contested) open_suppressions = *list;
  return !contested;
}

std::map<std::string, std::string> string_map(const json& result, std::string_view key,
                                              const JsonPath& where) {
  std::map<std::string, std::string> map;
  const json* object = input::object_field(result, key, where);
  if (object == nullptr) return map;
  for (const auto& [name, value] : object->items()) {
    if (!value.is_string()) throw FieldError(where.child(key).child(name), "must be a string");
    map[name] = value.get<std::string>();
  }
  return map;
}

// The parts of a result the finding is built from.
struct Reading {
  RuleRef rule;
  std::string kind = "fail";
  std::string level;
  std::string baseline_state;
  std::string message;
  std::vector<ResultLocation> locations;
  ordered_json related = ordered_json::array();
  ordered_json code_flows = ordered_json::array();
  ordered_json refused = ordered_json::array();
  ordered_json open_suppressions;
  std::optional<double> security_severity;
  std::string precision;
  std::vector<std::string> result_tags;
  std::vector<std::string> cwes;
  std::map<std::string, std::string> partial_fingerprints;
  std::map<std::string, std::string> fingerprints;
  const json* properties = nullptr;
};

class Converter {
 public:
  Converter(const SarifOptions& options, const UriResolver& resolver, const RunContext& run,
            const JsonPath& where, ProblemList& problems)
      : options_(options), resolver_(resolver), run_(run), where_(where), problems_(problems) {}

  ResultOutcome read(const json& result, Reading& r) {
    input::require_object(result, where_);
    keep_going(problems_, [&] {
      r.kind = input::string_field(result, "kind", where_).value_or("fail");
      if (!is_result_kind(r.kind)) {
        const std::string kind = r.kind;
        r.kind = "fail";
        throw FieldError(where_.child("kind"), "'" + kind + "' is not a SARIF result kind; taken as fail");
      }
    });
    if (!is_problem_kind(r.kind)) return ResultOutcome::not_a_problem;
    bool suppressed = false;
    keep_going(problems_, [&] { suppressed = is_suppressed(result, where_, r.open_suppressions); });
    if (suppressed) return ResultOutcome::suppressed;
    keep_going(problems_, [&] { r.baseline_state = read_baseline_state(result); });
    if (!r.baseline_state.empty() &&
        std::find(options_.baseline_states.begin(), options_.baseline_states.end(), r.baseline_state) ==
            options_.baseline_states.end())
      return ResultOutcome::baseline_filtered;

    r.rule = find_rule(result, run_, where_, problems_);
    r.message = read_message(result, r.rule);
    if (!read_locations(result, r)) return ResultOutcome::refused;
    read_related(result, r);
    read_code_flows(result, r);
    read_levels_and_tags(result, r);
    keep_going(problems_,
               [&] { r.partial_fingerprints = string_map(result, "partialFingerprints", where_); });
    keep_going(problems_, [&] { r.fingerprints = string_map(result, "fingerprints", where_); });
    return ResultOutcome::finding;
  }

 private:
  std::string read_baseline_state(const json& result) {
    const std::string state = input::string_field(result, "baselineState", where_).value_or("");
    if (!state.empty() && state != "new" && state != "unchanged" && state != "updated" && state != "absent")
      throw FieldError(where_.child("baselineState"),
                       "'" + state + "' is not new, unchanged, updated or absent");
    return state;
  }

  std::string read_message(const json& result, const RuleRef& rule) {
    const json* message = input::object_field(result, "message", where_);
    if (message != nullptr)
      return format_message(*message, rule.rule, rule.component, where_.child("message"));
    const std::string fallback = rule.rule
                                     ? (rule.rule->short_description.empty() ? rule.rule->full_description
                                                                             : rule.rule->short_description)
                                     : std::string();
    if (fallback.empty())
      throw FieldError(where_.child("message"), "is missing and the rule has no description");
    problems_.push_back({ProblemKind::value_ignored, where_.child("message").str(),
                         "is missing; the rule's description is used"});
    return fallback;
  }

  void refuse(const ResultLocation& location, const JsonPath& at, ordered_json& refused) {
    problems_.push_back({ProblemKind::location_refused, at.str(),
                         "uri '" + location.uri + "': " + location.refused + "; this location is not used"});
    refused.push_back({{"where", at.str()}, {"uri", location.uri}, {"reason", location.refused}});
  }

  // False when the first location is refused: the result is then refused.
  bool read_locations(const json& result, Reading& r) {
    const json* list = input::array_field(result, "locations", where_);
    if (list == nullptr) return true;
    for (size_t i = 0; i < list->size(); ++i) {
      const JsonPath at = where_.child("locations").child(i);
      ResultLocation location = read_location((*list)[i], run_, resolver_, at, problems_);
      if (!location.refused.empty()) {
        refuse(location, at, r.refused);
        if (i == 0) return false;
        continue;
      }
      r.locations.push_back(std::move(location));
    }
    return true;
  }

  void read_related(const json& result, Reading& r) {
    keep_going(problems_, [&] {
      const json* list = input::array_field(result, "relatedLocations", where_);
      if (list == nullptr) return;
      for (size_t i = 0; i < list->size(); ++i) {
        const JsonPath at = where_.child("relatedLocations").child(i);
        const ResultLocation location = read_location((*list)[i], run_, resolver_, at, problems_);
        if (!location.refused.empty()) {
          refuse(location, at, r.refused);
          continue;
        }
        r.related.push_back(location.details());
      }
    });
  }

  // Each code flow as one list of steps, its thread flows one after another.
  void read_code_flows(const json& result, Reading& r) {
    keep_going(problems_, [&] {
      const json* flows = input::array_field(result, "codeFlows", where_);
      if (flows == nullptr) return;
      for (size_t f = 0; f < flows->size(); ++f) {
        const JsonPath flow_at = where_.child("codeFlows").child(f);
        const json* threads =
            input::array_field(input::require_object((*flows)[f], flow_at), "threadFlows", flow_at);
        ordered_json steps = ordered_json::array();
        for (size_t t = 0; threads && t < threads->size(); ++t) {
          const JsonPath thread_at = flow_at.child("threadFlows").child(t);
          const json* list =
              input::array_field(input::require_object((*threads)[t], thread_at), "locations", thread_at);
          for (size_t s = 0; list && s < list->size(); ++s) {
            const JsonPath step_at = thread_at.child("locations").child(s);
            const json* location =
                input::object_field(input::require_object((*list)[s], step_at), "location", step_at);
            if (location == nullptr) continue;
            const ResultLocation step =
                read_location(*location, run_, resolver_, step_at.child("location"), problems_);
            if (!step.refused.empty()) {
              refuse(step, step_at.child("location"), r.refused);
              continue;
            }
            steps.push_back(step.details());
          }
        }
        r.code_flows.push_back(std::move(steps));
      }
    });
  }

  void read_taxa(const json& result, Reading& r) {
    const json* taxa = input::array_field(result, "taxa", where_);
    for (size_t i = 0; taxa && i < taxa->size(); ++i) {
      const JsonPath at = where_.child("taxa").child(i);
      const json& taxon = input::require_object((*taxa)[i], at);
      if (!run_.names_cwe_taxonomy(taxon)) continue;
      if (auto id = input::string_field(taxon, "id", at))
        if (auto cwe = cwe_from_taxon_id(*id)) add_unique(r.cwes, *cwe);
    }
  }

  void read_levels_and_tags(const json& result, Reading& r) {
    const RuleInfo* rule = r.rule.rule;
    keep_going(problems_, [&] {
      r.level = input::string_field(result, "level", where_).value_or("");
      if (!r.level.empty() && !is_sarif_level(r.level)) {
        const std::string level = r.level;
        r.level.clear();
        throw FieldError(where_.child("level"),
                         "'" + level + "' is not a SARIF level (none, note, warning, error)");
      }
    });
    if (r.level.empty()) r.level = rule && !rule->default_level.empty() ? rule->default_level : "warning";
    if (rule) r.cwes = rule->cwes;
    keep_going(problems_, [&] { r.properties = input::object_field(result, "properties", where_); });
    if (r.properties != nullptr) {
      const JsonPath at = where_.child("properties");
      keep_going(problems_, [&] {
        r.security_severity = input::number_or_numeric_string(*r.properties, "security-severity", at);
        if (r.security_severity && (*r.security_severity < 0 || *r.security_severity > 10)) {
          r.security_severity.reset();
          throw FieldError(at.child("security-severity"), "must be between 0 and 10");
        }
      });
      keep_going(problems_, [&] {
        r.precision = input::string_field(*r.properties, "precision", at).value_or("");
        if (r.precision.empty())
          r.precision = input::string_field(*r.properties, "issue_confidence", at).value_or("");
      });
      keep_going(problems_, [&] {
        const json* tags = input::array_field(*r.properties, "tags", at);
        for (size_t i = 0; tags && i < tags->size(); ++i) {
          if (!(*tags)[i].is_string()) throw FieldError(at.child("tags").child(i), "must be a string");
          add_unique(r.result_tags, (*tags)[i].get<std::string>());
          if (auto cwe = cwe_from_tag((*tags)[i].get<std::string>())) add_unique(r.cwes, *cwe);
        }
      });
    }
    if (!r.security_severity && rule) r.security_severity = rule->security_severity;
    if (r.precision.empty() && rule) r.precision = rule->precision;
    keep_going(problems_, [&] { read_taxa(result, r); });
  }

  const SarifOptions& options_;
  const UriResolver& resolver_;
  const RunContext& run_;
  const JsonPath& where_;
  ProblemList& problems_;
};

std::string identity_of(const Reading& r, const std::string& tool, const LineHashSource& line_hashes,
                        std::string& source) {
  if (!r.partial_fingerprints.empty()) {
    source = "partialFingerprints";
    return fingerprint_identity(tool, r.partial_fingerprints);
  }
  if (!r.fingerprints.empty()) {
    source = "fingerprints";
    return fingerprint_identity(tool, r.fingerprints);
  }
  if (!r.locations.empty()) {
    const ResultLocation& primary = r.locations.front();
    if (!primary.path.empty() && primary.line_start > 0 && line_hashes) {
      if (auto hash = line_hashes(primary.path, primary.line_start)) {
        source = "line-text";
        return line_identity(tool, source, *hash);
      }
    }
    if (!primary.snippet.empty()) {
      source = "snippet";
      return line_identity(tool, source, line_text_hash(first_line(primary.snippet)));
    }
  }
  source = "message";
  return line_identity(tool, source, line_text_hash(r.message));
}

std::vector<std::string> tags_of(const Reading& r, const std::string& tool) {
  std::vector<std::string> tags = {"sarif"};
  add_unique(tags, lower(tool));
  for (const std::string& cwe : r.cwes) add_unique(tags, lower(cwe));
  if (r.rule.rule) {
    for (const std::string& tag : r.rule.rule->tags) {
      if (!cwe_from_tag(tag)) add_unique(tags, tag);
    }
  }
  for (const std::string& tag : r.result_tags) {
    if (!cwe_from_tag(tag)) add_unique(tags, tag);
  }
  return tags;
}

void put_if_present(ordered_json& details, const char* name, const json& result, std::string_view key) {
  const json* value = input::find_field(result, key);
  if (value != nullptr) details[name] = *value;
}

ordered_json details_of(const Reading& r, const json& result, const RunContext& run,
                        const std::string& sarif_path, size_t run_index, size_t result_index,
                        const std::string& identity_source) {
  ordered_json d;
  d["sarif_file"] = sarif_path;
  d["run"] = run_index;
  d["result"] = result_index;
  ordered_json tool = {{"name", run.driver.name}};
  if (!run.driver.version.empty()) tool["version"] = run.driver.version;
  if (r.rule.component && r.rule.component != &run.driver) tool["component"] = r.rule.component->name;
  d["tool"] = std::move(tool);
  d["rule"] = r.rule.rule ? r.rule.rule->details() : ordered_json{{"id", r.rule.id}};
  d["level"] = r.level;
  d["kind"] = r.kind;
  if (!r.baseline_state.empty()) d["baseline_state"] = r.baseline_state;
  d["message"] = r.message;
  if (r.security_severity) d["security_severity"] = *r.security_severity;
  if (!r.cwes.empty()) d["cwe"] = r.cwes;
  d["identity"] = identity_source;
  ordered_json locations = ordered_json::array();
  for (const ResultLocation& location : r.locations) locations.push_back(location.details());
  d["locations"] = std::move(locations);
  if (!r.related.empty()) d["related_locations"] = r.related;
  if (!r.code_flows.empty()) d["code_flows"] = r.code_flows;
  if (!r.refused.empty()) d["refused_locations"] = r.refused;
  if (!r.partial_fingerprints.empty()) d["partial_fingerprints"] = r.partial_fingerprints;
  if (!r.fingerprints.empty()) d["fingerprints"] = r.fingerprints;
  if (!r.open_suppressions.is_null()) d["suppressions"] = r.open_suppressions;
  put_if_present(d, "taxa", result, "taxa");
  put_if_present(d, "fixes", result, "fixes");
  put_if_present(d, "rank", result, "rank");
  put_if_present(d, "occurrence_count", result, "occurrenceCount");
  put_if_present(d, "guid", result, "guid");
  put_if_present(d, "correlation_guid", result, "correlationGuid");
  put_if_present(d, "hosted_viewer_uri", result, "hostedViewerUri");
  put_if_present(d, "work_item_uris", result, "workItemUris");
  if (!run.automation_id.empty()) d["automation_id"] = run.automation_id;
  if (r.properties != nullptr) d["properties"] = *r.properties;
  return d;
}

std::string title_of(const Reading& r) {
  std::string text = first_line(r.message);
  if (text.empty() && r.rule.rule) text = first_line(r.rule.rule->short_description);
  if (text.empty()) text = "result without message";
  // A message that already starts with its rule id and a colon ("FIXME: ...",
  // as assay's own SARIF titles do) gets no second prefix.
  const bool named = r.rule.id.empty() || text.starts_with(r.rule.id + ":");
  const std::string prefix = named ? std::string() : r.rule.id + ": ";
  return shorten_utf8(prefix + text, kMaxTitleBytes);
}

}  // namespace

ResultConverter::ResultConverter(const SarifOptions& options, const UriResolver& resolver,
                                 std::string sarif_path, LineHashSource line_hashes)
    : options_(options),
      resolver_(resolver),
      sarif_path_(std::move(sarif_path)),
      line_hashes_(std::move(line_hashes)) {}

ConvertedResult ResultConverter::convert(const json& result, const RunContext& run, size_t run_index,
                                         size_t result_index, const JsonPath& where,
                                         ProblemList& problems) const {
  Reading r;
  Converter converter(options_, resolver_, run, where, problems);
  ConvertedResult converted;
  converted.outcome = converter.read(result, r);
  if (converted.outcome != ResultOutcome::finding) return converted;

  const std::string& tool = run.driver.name;
  sdk::Finding& f = converted.finding;
  f.rule = r.rule.id.empty() ? tool : r.rule.id;
  f.title = title_of(r);
  f.evidence = r.message;
  if (!r.locations.empty()) {
    f.path = r.locations.front().path;
    f.line_start = f.path.empty() ? 0 : r.locations.front().line_start;
    f.line_end = f.path.empty() ? 0 : r.locations.front().line_end;
  }
  if (r.security_severity) {
    f.severity = severity_for_security_score(*r.security_severity);
    f.cvss = *r.security_severity;
  } else {
    f.severity = severity_for_level(r.level);
  }
  f.confidence = confidence_for_precision(r.precision);
  CategoryEvidence evidence;
  evidence.result_tags = r.result_tags;
  evidence.rule_tags = r.rule.rule ? r.rule.rule->tags : std::vector<std::string>{};
  evidence.has_cwe = std::any_of(r.cwes.begin(), r.cwes.end(), [&](const std::string& cwe) {
    return std::find(options_.non_security_cwes.begin(), options_.non_security_cwes.end(), cwe) ==
           options_.non_security_cwes.end();
  });
  evidence.has_security_severity = r.security_severity.has_value();
  evidence.security_tool = run.security_tool;
  f.category = category_for(evidence, options_);
  f.tags = tags_of(r, tool);
  std::string identity_source;
  f.identity = identity_of(r, tool, line_hashes_, identity_source);
  f.details_json = details_of(r, result, run, sarif_path_, run_index, result_index, identity_source)
                       .dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  return converted;
}

}  // namespace assay::sarif
