#include "scan/maturity_assessment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "scan/scan_target.h"

namespace assay::scan {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 4> kLevels = {"nascent", "developing", "maturing", "advanced"};
constexpr std::array<std::string_view, 4> kStatuses = {"pass", "partial", "fail", "inconclusive"};

[[noreturn]] void invalid(const std::string& path, const std::string& problem) {
  throw std::invalid_argument("maturity assessment: " + (path.empty() ? "" : path + ": ") + problem);
}

template <size_t N>
std::string one_of(const json& value, const std::string& path,
                   const std::array<std::string_view, N>& allowed) {
  if (!value.is_string()) invalid(path, "must be text, got " + value.dump());
  const std::string text = value.get<std::string>();
  if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return text;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  invalid(path, "'" + text + "' is not one of " + list);
}

double number_in(const json& value, const std::string& path, double low, double high) {
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < low ||
      value.get<double>() > high)
    invalid(path, "must be a number from " + json(low).dump() + " to " + json(high).dump() + ", got " +
                      value.dump());
  return value.get<double>();
}

const json& member(const json& object, const char* key, const std::string& path) {
  auto it = object.find(key);
  if (it == object.end()) invalid(path, std::string("missing '") + key + "'");
  return *it;
}

void check_dimensions(const json& dimensions) {
  if (!dimensions.is_object()) invalid("dimensions", "must be an object, got " + dimensions.dump());
  for (const auto& [name, percent] : dimensions.items()) {
    if (name.empty()) invalid("dimensions", "a dimension name is empty");
    if (!percent.is_null()) number_in(percent, "dimensions." + name, 0, 100);
  }
}

void check_check(const json& check, const std::string& path) {
  if (!check.is_object()) invalid(path, "must be an object, got " + check.dump());
  const json& id = member(check, "id", path);
  if (!id.is_string() || id.get<std::string>().empty()) invalid(path + ".id", "must be non-empty text");
  if (!member(check, "dimension", path).is_string()) invalid(path + ".dimension", "must be text");
  const std::string status = one_of(member(check, "status", path), path + ".status", kStatuses);
  const json& score = member(check, "score", path);
  if (status == "inconclusive") {
    if (!score.is_number() || score.get<double>() != -1)
      invalid(path + ".score", "must be -1 for an inconclusive check");
  } else {
    number_in(score, path + ".score", 0, 10);
  }
  const json& evidence = member(check, "evidence", path);
  if (!evidence.is_array()) invalid(path + ".evidence", "must be a list of text");
  for (size_t i = 0; i < evidence.size(); ++i)
    if (!evidence[i].is_string()) invalid(path + ".evidence[" + std::to_string(i) + "]", "must be text");
}

}  // namespace

MaturityAssessment parse_assessment(std::string_view json_text, const std::string& source) {
  const json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) invalid("", "not valid JSON");
  if (!j.is_object()) invalid("", "must be a JSON object");
  MaturityAssessment a;
  a.source = source;
  a.level = one_of(member(j, "level", ""), "level", kLevels);
  a.percent = number_in(member(j, "percent", ""), "percent", 0, 100);
  check_dimensions(member(j, "dimensions", ""));
  const json& checks = member(j, "checks", "");
  if (!checks.is_array()) invalid("checks", "must be a list, got " + checks.dump());
  for (size_t i = 0; i < checks.size(); ++i) check_check(checks[i], "checks[" + std::to_string(i) + "]");
  a.json = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return a;
}

bool AssessmentInbox::accept(MaturityAssessment assessment) {
  std::lock_guard lock(mutex_);
  if (assessment_) return false;
  assessment_ = std::move(assessment);
  return true;
}

std::optional<MaturityAssessment> AssessmentInbox::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(assessment_, std::nullopt);
}

assay_status report_assessment(const assay_scan* scan, const char* assessment_json) {
  if (!scan || !assessment_json) return ASSAY_INVALID;
  if (scan->cancelled->load(std::memory_order_relaxed)) return ASSAY_CANCELLED;
  try {
    if (!scan->assessments) throw std::invalid_argument("maturity assessment: this scan takes none");
    MaturityAssessment assessment = parse_assessment(assessment_json, scan->plugin);
    if (!scan->assessments->accept(std::move(assessment))) {
      if (scan->log)
        scan->log(ASSAY_LOG_WARN,
                  "maturity assessment refused: another plugin's assessment was accepted first");
      return ASSAY_INVALID;
    }
    return ASSAY_OK;
  } catch (const std::exception& e) {
    if (scan->log) scan->log(ASSAY_LOG_WARN, std::string(e.what()) + "; assessment refused");
    return ASSAY_INVALID;
  }
}

}  // namespace assay::scan
