#include "maturity_section.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "markdown_text.h"
#include "maturity_trend.h"
#include "mermaid_chart.h"

namespace assay::reporters::markdown {
namespace {

using nlohmann::ordered_json;

// OpenSSF Scorecard's risk weights, as the maturity scanner scores checks.
double risk_weight(const std::string& risk) {
  if (risk == "critical") return 10;
  if (risk == "high") return 7.5;
  if (risk == "medium") return 5;
  if (risk == "low") return 2.5;
  return 0;
}

struct Level {
  const char* name;
  double threshold;
};
constexpr Level kLevels[] = {{"nascent", 0}, {"developing", 25}, {"maturing", 50}, {"advanced", 75}};

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string text(const ordered_json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<double> number(const ordered_json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string percent_text(double percent) { return format_number(percent, 1) + "%"; }

// One check of the header, as the section uses it.
struct CheckRow {
  std::string id, title, dimension, risk, status, first_evidence;
  double score = -1;
  double gain = 0;  // overall percentage points it adds when it passes
};

std::vector<CheckRow> read_checks(const ordered_json& maturity) {
  std::vector<CheckRow> rows;
  auto it = maturity.find("checks");
  if (it == maturity.end() || !it->is_array()) return rows;
  for (const auto& c : *it) {
    if (!c.is_object()) continue;
    CheckRow row{
        text(c, "id"), text(c, "title"), text(c, "dimension"), text(c, "risk"), text(c, "status"), "", -1, 0};
    row.score = number(c, "score").value_or(-1);
    auto evidence = c.find("evidence");
    if (evidence != c.end() && evidence->is_array() && !evidence->empty() && (*evidence)[0].is_string())
      row.first_evidence = (*evidence)[0].get<std::string>();
    rows.push_back(std::move(row));
  }
  // What each check adds: weight × missing score over all the weight in play.
  double possible = 0;
  for (const auto& r : rows)
    if (r.status != "inconclusive") possible += risk_weight(r.risk) * 10;
  if (possible > 0) {
    for (auto& r : rows)
      if (r.status == "fail" || r.status == "partial")
        r.gain = risk_weight(r.risk) * (10 - std::max(0.0, r.score)) / possible * 100;
  }
  return rows;
}

void write_summary_line(std::string& out, const ordered_json& maturity, const std::vector<CheckRow>& checks) {
  std::map<std::string, size_t> by_status;
  for (const auto& c : checks) ++by_status[c.status];
  out += "**" + inline_text(upper(text(maturity, "level"))) + "** — " +
         percent_text(number(maturity, "percent").value_or(0)) +
         " of the risk-weighted maturity checks met (weights as OpenSSF Scorecard: critical 10, high 7.5, "
         "medium 5, "
         "low 2.5)";
  const std::string source = text(maturity, "source");
  if (!source.empty()) out += ", assessed by " + code_span(source);
  out += ": " + std::to_string(checks.size()) + " checks, " + std::to_string(by_status["pass"]) + " pass, " +
         std::to_string(by_status["partial"]) + " partial, " + std::to_string(by_status["fail"]) + " fail, " +
         std::to_string(by_status["inconclusive"]) + " inconclusive (left out of every percentage).\n\n";
}

// The nine dimensions in the order the rules list them, then any others in
// the header's order.
std::vector<std::string> dimension_order(const ordered_json& dimensions) {
  static const char* const kOrder[] = {"ci-cd",
                                       "security",
                                       "testing",
                                       "documentation",
                                       "observability",
                                       "performance",
                                       "dependency-management",
                                       "containerisation",
                                       "code-quality"};
  std::vector<std::string> ids;
  for (const char* id : kOrder)
    if (dimensions.contains(id)) ids.emplace_back(id);
  for (const auto& [id, value] : dimensions.items())
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  return ids;
}

void write_dimensions(std::string& out, const ordered_json& maturity, const std::vector<CheckRow>& checks) {
  auto it = maturity.find("dimensions");
  if (it == maturity.end() || !it->is_object() || it->empty()) return;
  std::vector<std::pair<std::string, double>> bars;
  out += "| Dimension | Score | |\n|-----------|------:|---|\n";
  for (const std::string& id : dimension_order(*it)) {
    const ordered_json& value = (*it)[id];
    const std::string label = dimension_label(id);
    if (value.is_number()) {
      const double percent = value.get<double>();
      out += "| " + inline_text(label) + " | " + percent_text(percent) + " | " +
             code_span(percent_bar(percent)) + " |\n";
      bars.emplace_back(label, percent);
      continue;
    }
    const size_t count =
        std::count_if(checks.begin(), checks.end(), [&](const CheckRow& c) { return c.dimension == id; });
    out += "| " + inline_text(label) + " | n/a | " +
           (count == 0 ? std::string("no checks") : "all " + std::to_string(count) + " checks inconclusive") +
           " |\n";
  }
  out += "\n" + bar_chart("Maturity by dimension (%)", bars);
}

void write_security_posture(std::string& out, const ordered_json& header,
                            const std::vector<CheckRow>& checks) {
  const ordered_json& maturity = header.at("maturity");
  auto dimensions = maturity.find("dimensions");
  if (dimensions == maturity.end() || !dimensions->is_object() || !dimensions->contains("security")) return;
  const ordered_json& security = (*dimensions)["security"];
  out += "### Security posture\n\n";
  if (!security.is_number()) {
    out += "Not assessed: every security check was inconclusive.\n\n";
    return;
  }
  out += "**" + percent_text(security.get<double>()) + "** of the risk-weighted security checks met";
  const auto& by_category = header.at("summary").find("by_category");
  if (by_category != header.at("summary").end() && by_category->is_object()) {
    const auto open = by_category->find("security");
    const double items = open != by_category->end() && open->is_number() ? open->get<double>() : 0;
    out +=
        "; " + format_number(items, 0) + " open security item" + (items == 1 ? "" : "s") + " in this backlog";
  }
  out += ".\n\n";
  std::vector<const CheckRow*> gaps;
  for (const auto& c : checks)
    if (c.dimension == "security" && (c.status == "fail" || c.status == "partial")) gaps.push_back(&c);
  if (gaps.empty()) return;
  out += "Security checks not met:\n\n";
  for (const CheckRow* c : gaps)
    out += "- " + inline_text(c->title) + " (" + code_span(c->id) + ", " + inline_text(c->risk) + ", score " +
           format_number(c->score, 2) + "/10)\n";
  out += "\n";
}

void write_gap(std::string& out, const ordered_json& maturity, std::vector<CheckRow> checks) {
  const double percent = number(maturity, "percent").value_or(0);
  const Level* next = nullptr;
  for (const auto& level : kLevels)
    if (level.threshold > percent) {
      next = &level;
      break;
    }
  std::erase_if(checks, [](const CheckRow& c) { return c.gain <= 0; });
  std::stable_sort(checks.begin(), checks.end(),
                   [](const CheckRow& a, const CheckRow& b) { return a.gain > b.gain; });
  if (next) {
    const double gap = next->threshold - percent;
    out += "### Gap to " + inline_text(upper(next->name)) + " (" + percent_text(next->threshold) + ")\n\n" +
           format_number(gap, 1) +
           " percentage points to go. The checks that add the most when they pass:\n\n";
    double gained = 0;
    size_t shown = 0;
    for (; shown < checks.size() && shown < 10 && gained < gap; ++shown) gained += checks[shown].gain;
    checks.resize(shown);
  } else {
    out += "### Remaining gaps\n\nADVANCED is the highest level. The checks still not met:\n\n";
    if (checks.size() > 10) checks.resize(10);
  }
  if (checks.empty()) {
    out += "None.\n\n";
    return;
  }
  out +=
      "| Check | Dimension | Risk | Score | Adds | Evidence "
      "|\n|-------|-----------|------|------:|-----:|----------|\n";
  for (const auto& c : checks)
    out += "| " + inline_text(c.title) + " (" + code_span(c.id) + ") | " +
           inline_text(dimension_label(c.dimension)) + " | " + inline_text(c.risk) + " | " +
           format_number(c.score, 2) + " | +" + format_number(c.gain, 1) + " | " +
           inline_text(c.first_evidence) + " |\n";
  out += "\n";
}

}  // namespace

std::string dimension_label(const std::string& id) {
  static const std::map<std::string, std::string> labels = {
      {"ci-cd", "CI/CD"},
      {"security", "Security"},
      {"testing", "Testing"},
      {"documentation", "Documentation"},
      {"observability", "Observability"},
      {"performance", "Performance"},
      {"dependency-management", "Dependency management"},
      {"containerisation", "Containerisation"},
      {"code-quality", "Code quality"}};
  auto it = labels.find(id);
  return it == labels.end() ? id : it->second;
}

std::string percent_bar(double percent) {
  static const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  const double clamped = std::clamp(std::isfinite(percent) ? percent : 0.0, 0.0, 100.0);
  const int eighths = static_cast<int>(std::lround(clamped / 100 * 80));
  std::string bar;
  for (int i = 0; i < eighths / 8; ++i) bar += "█";
  int cells = eighths / 8;
  if (eighths % 8 != 0) {
    bar += kEighths[eighths % 8];
    ++cells;
  }
  for (; cells < 10; ++cells) bar += "░";
  return bar;
}

void write_maturity(std::string& out, const ordered_json& header) {
  const ordered_json& maturity = header.at("maturity");
  auto assessed = maturity.find("assessed");
  if (assessed == maturity.end() || !assessed->is_boolean() || !assessed->get<bool>()) return;
  const std::vector<CheckRow> checks = read_checks(maturity);
  out += "## Maturity\n\n";
  write_summary_line(out, maturity, checks);
  write_dimensions(out, maturity, checks);
  write_maturity_trend(out, maturity);
  write_security_posture(out, header, checks);
  write_gap(out, maturity, checks);
}

}  // namespace assay::reporters::markdown
