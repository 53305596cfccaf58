#include "sarif_reader.h"

#include <nlohmann/json.hpp>

#include "json_fields.h"
#include "result_classification.h"

namespace assay::sarif {
namespace {

using input::FieldError;
using input::JsonPath;
using input::Selection;
using input::ValueKind;
using nlohmann::json;

constexpr std::string_view kSarifVersion = "2.1.0";

bool is_captured_run_member(std::string_view key) {
  return key == "tool" || key == "originalUriBaseIds" || key == "taxonomies" || key == "automationDetails";
}

bool is_indexed_run_member(std::string_view key) { return key == "artifacts" || key == "logicalLocations"; }

// runs[i]...: the run index, when the path starts there.
bool in_run(const JsonPath& path) { return path.size() >= 2 && path.key(0) == "runs" && path.is_index(1); }

// The first pass: everything of each run but its results.
class MetadataPass {
 public:
  explicit MetadataPass(ProblemList& problems) : problems_(problems) {}

  Selection select(const JsonPath& p, ValueKind kind) {
    if (p.empty()) return kind == ValueKind::object ? Selection::descend : Selection::capture;
    if (p.size() == 1) {
      if (p.is_index(0)) return Selection::skip;
      if (p.key(0) == "version") return Selection::capture;
      if (p.key(0) != "runs") return Selection::skip;
      has_runs_ = true;
      return kind == ValueKind::array ? Selection::descend : Selection::capture;
    }
    if (!in_run(p)) return Selection::skip;
    RunContext& run = run_at(p.index(1));
    if (p.size() == 2) {
      run.present = kind == ValueKind::object;
      return kind == ValueKind::object ? Selection::descend : Selection::capture;
    }
    const std::string_view member = p.is_index(2) ? std::string_view() : p.key(2);
    if (p.size() == 3) {
      if (is_indexed_run_member(member))
        return kind == ValueKind::array ? Selection::descend : Selection::capture;
      return is_captured_run_member(member) ? Selection::capture : Selection::skip;
    }
    return p.size() == 4 && is_indexed_run_member(member) ? Selection::capture : Selection::skip;
  }

  bool take(const JsonPath& p, json&& value) {
    if (p.empty()) {
      fatal(p, "a SARIF log must be a JSON object, got " + input::describe_json_type(value));
    } else if (p.size() == 1 && p.key(0) == "version") {
      version_ = value.is_string() ? value.get<std::string>() : value.dump();
    } else if (p.size() == 1) {
      fatal(p, "must be an array of runs, got " + input::describe_json_type(value));
    } else if (p.size() == 2) {
      skip_run(p, "must be an object, got " + input::describe_json_type(value));
    } else if (p.size() == 3 && is_indexed_run_member(p.key(2))) {
      problems_.push_back({ProblemKind::value_ignored, p.str(), "must be an array; left out"});
    } else if (p.size() == 3) {
      read_member(p, value);
    } else if (p.key(2) == "artifacts") {
      run_at(p.index(1)).read_artifact(p.index(3), value, p, problems_);
    } else {
      run_at(p.index(1)).read_logical_location(p.index(3), value, p, problems_);
    }
    return true;
  }

  // Problems with the file as a whole, once the text was read.
  void check_document() {
    if (fatal_) return;
    if (!version_) {
      fatal(JsonPath().child("version"), "is missing: this is not a SARIF log");
    } else if (*version_ != kSarifVersion) {
      fatal(JsonPath().child("version"),
            "is '" + *version_ + "'; only SARIF " + std::string(kSarifVersion) + " is read");
    } else if (!has_runs_) {
      fatal(JsonPath().child("runs"), "is missing");
    }
  }

  void check_runs() {
    for (size_t i = 0; i < runs_.size(); ++i) {
      RunContext& run = runs_[i];
      if (run.present && !run.has_tool && !skipped_[i]) {
        skip_run(JsonPath().child("runs").child(i).child("tool").child("driver").child("name"),
                 "is missing; the run's results are skipped");
      }
    }
  }

  bool fatal() const { return fatal_; }
  std::vector<RunContext>& runs() { return runs_; }

 private:
  RunContext& run_at(size_t index) {
    if (runs_.size() <= index) {
      runs_.resize(index + 1);
      skipped_.resize(index + 1, false);
    }
    return runs_[index];
  }

  void read_member(const JsonPath& p, const json& value) {
    RunContext& run = run_at(p.index(1));
    try {
      run.read_member(p.key(2), value, p, problems_);
    } catch (const FieldError& error) {
      run.has_tool = false;
      skip_run_at(p.index(1), error.path(), error.problem() + "; the run's results are skipped");
    }
  }

  void skip_run(const JsonPath& p, const std::string& message) { skip_run_at(p.index(1), p.str(), message); }
  void skip_run_at(size_t index, const std::string& path, const std::string& message) {
    run_at(index);
    skipped_[index] = true;
    problems_.push_back({ProblemKind::run_skipped, path, message});
  }

  void fatal(const JsonPath& p, const std::string& message) {
    if (fatal_) return;
    fatal_ = true;
    problems_.push_back({ProblemKind::file_unreadable, p.str(), message});
  }

  ProblemList& problems_;
  std::vector<RunContext> runs_;
  std::vector<bool> skipped_;
  std::optional<std::string> version_;
  bool has_runs_ = false;
  bool fatal_ = false;
};

bool usable(const std::vector<RunContext>& runs, size_t index) {
  return index < runs.size() && runs[index].present && runs[index].has_tool;
}

// The second pass: the results of the usable runs, one at a time.
class ResultsPass {
 public:
  ResultsPass(const std::vector<RunContext>& runs, const ResultConverter& converter, SarifEvents& events,
              SarifFileSummary& summary)
      : runs_(runs), converter_(converter), events_(events), summary_(summary) {}

  Selection select(const JsonPath& p, ValueKind kind) const {
    if (p.size() <= 1)
      return p.empty() || (!p.is_index(0) && p.key(0) == "runs") ? Selection::descend : Selection::skip;
    if (!in_run(p) || !usable(runs_, p.index(1))) return Selection::skip;
    if (p.size() == 2) return Selection::descend;
    if (p.is_index(2) || p.key(2) != "results") return Selection::skip;
    if (p.size() == 3) return kind == ValueKind::array ? Selection::descend : Selection::capture;
    return p.size() == 4 ? Selection::capture : Selection::skip;
  }

  bool take(const JsonPath& p, json&& value) {
    if (p.size() == 3) {
      if (!value.is_null())
        report(
            {ProblemKind::run_skipped, p.str(), "must be an array, got " + input::describe_json_type(value)});
      return true;
    }
    ++summary_.results;
    ProblemList problems;
    ConvertedResult converted;
    try {
      converted = converter_.convert(value, runs_[p.index(1)], p.index(1), p.index(3), p, problems);
    } catch (const FieldError& error) {
      problems.push_back(
          {ProblemKind::result_skipped, error.path(), error.problem() + "; the result is skipped"});
      ++summary_.malformed;
      for (const SarifProblem& problem : problems) report(problem);
      return true;
    }
    for (const SarifProblem& problem : problems) report(problem);
    return count(std::move(converted));
  }

 private:
  bool count(ConvertedResult&& converted) {
    switch (converted.outcome) {
      case ResultOutcome::finding:
        ++summary_.findings;
        if (!events_.on_finding(std::move(converted.finding))) {
          summary_.stopped = true;
          return false;
        }
        break;
      case ResultOutcome::not_a_problem:
        ++summary_.not_a_problem;
        break;
      case ResultOutcome::suppressed:
        ++summary_.suppressed;
        break;
      case ResultOutcome::baseline_filtered:
        ++summary_.baseline_filtered;
        break;
      case ResultOutcome::refused:
        ++summary_.refused;
        break;
    }
    return true;
  }

  void report(const SarifProblem& problem) { events_.on_problem(problem); }

  const std::vector<RunContext>& runs_;
  const ResultConverter& converter_;
  SarifEvents& events_;
  SarifFileSummary& summary_;
};

std::string syntax_problem(const input::JsonReadError& error) {
  return "line " + std::to_string(error.line) + ", column " + std::to_string(error.column) + ": " +
         error.message;
}

}  // namespace

SarifFileSummary read_sarif(std::string_view text, const std::string& sarif_path, const SarifOptions& options,
                            const UriResolver& resolver, const LineHashSource& line_hashes,
                            SarifEvents& events, const input::JsonReadOptions& json_options) {
  SarifFileSummary summary;
  ProblemList problems;
  MetadataPass metadata(problems);
  const input::JsonReadResult first = input::read_json_selectively(
      text, [&](const JsonPath& p, ValueKind k) { return metadata.select(p, k); },
      [&](const JsonPath& p, json&& v) { return metadata.take(p, std::move(v)); }, json_options);
  if (first.error) {
    events.on_problem({ProblemKind::file_unreadable, first.error->path, syntax_problem(*first.error)});
    return summary;
  }
  metadata.check_document();
  if (!metadata.fatal()) metadata.check_runs();
  for (const SarifProblem& problem : problems) events.on_problem(problem);
  if (metadata.fatal()) return summary;
  summary.readable = true;

  std::vector<RunContext>& runs = metadata.runs();
  summary.runs = runs.size();
  for (RunContext& run : runs) run.security_tool = is_security_tool(run.driver.name, options.security_tools);
  const ResultConverter converter(options, resolver, sarif_path, line_hashes);
  ResultsPass results(runs, converter, events, summary);
  input::read_json_selectively(
      text, [&](const JsonPath& p, ValueKind k) { return results.select(p, k); },
      [&](const JsonPath& p, json&& v) { return results.take(p, std::move(v)); }, json_options);
  return summary;
}

}  // namespace assay::sarif
