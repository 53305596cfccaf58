#include "maturity_trend.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "markdown_text.h"
#include "maturity_section.h"
#include "mermaid_chart.h"

namespace assay::reporters::markdown {
namespace {

using nlohmann::ordered_json;

// One assessment of the trend, as the section uses it.
struct Point {
  std::string date;    // YYYY-MM-DD of the scan's end
  std::string minute;  // YYYY-MM-DD HH:MM of the scan's end
  std::string commit;  // 12 hex digits, or ""
  std::string level;
  double percent = 0;
  const ordered_json* dimensions = nullptr;  // name -> percent or null
};

std::string text(const ordered_json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<Point> read_points(const ordered_json& trend) {
  static const ordered_json kNone = ordered_json::object();
  std::vector<Point> points;
  for (const auto& entry : trend) {
    if (!entry.is_object()) continue;
    auto percent = entry.find("percent");
    if (percent == entry.end() || !percent->is_number()) continue;
    auto dimensions = entry.find("dimensions");
    std::string minute = text(entry, "finished_at").substr(0, 16);
    if (minute.size() > 10 && minute[10] == 'T') minute[10] = ' ';
    points.push_back({minute.substr(0, 10), minute, text(entry, "commit").substr(0, 12), text(entry, "level"),
                      percent->get<double>(),
                      dimensions != entry.end() && dimensions->is_object() ? &*dimensions : &kNone});
  }
  return points;
}

// "+4.5" or "-2.0" percentage points; "±0.0" for no change.
std::string change_text(double change) {
  if (format_number(std::abs(change), 1) == "0") return "±0";
  return (change > 0 ? "+" : "-") + format_number(std::abs(change), 1);
}

std::optional<double> dimension_percent(const Point& p, const std::string& name) {
  auto it = p.dimensions->find(name);
  if (it == p.dimensions->end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

void write_assessments(std::string& out, const std::vector<Point>& points) {
  out += "| Scan | Commit | Level | Overall | Change |\n|------|--------|-------|--------:|-------:|\n";
  for (size_t i = 0; i < points.size(); ++i) {
    const Point& p = points[i];
    out += "| " + inline_text(p.date) + " | " + (p.commit.empty() ? "—" : code_span(p.commit)) + " | " +
           inline_text(p.level) + " | " + format_number(p.percent, 1) + "% | " +
           (i == 0 ? "—" : change_text(p.percent - points[i - 1].percent)) + " |\n";
  }
  out += "\n";
}

// Each dimension of the last assessment against the one before it.
void write_dimension_changes(std::string& out, const Point& before, const Point& now) {
  std::string rows;
  for (const auto& [name, value] : now.dimensions->items()) {
    const std::optional<double> then = dimension_percent(before, name);
    const std::optional<double> current = dimension_percent(now, name);
    const auto shown = [](const std::optional<double>& v) { return v ? format_number(*v, 1) + "%" : "n/a"; };
    rows += "| " + inline_text(dimension_label(name)) + " | " + shown(then) + " | " + shown(current) + " | " +
            (then && current ? change_text(*current - *then) : "—") + " |\n";
  }
  if (rows.empty()) return;
  out += "| Dimension | Previous | Latest | Change |\n|-----------|---------:|-------:|-------:|\n" + rows +
         "\n";
}

}  // namespace

void write_maturity_trend(std::string& out, const ordered_json& maturity) {
  auto trend = maturity.find("trend");
  if (trend == maturity.end() || !trend->is_array()) return;
  const std::vector<Point> points = read_points(*trend);
  if (points.empty()) return;
  out += "### Trend\n\n";
  if (points.size() == 1) {
    out += "The first assessment the state store holds (" + inline_text(points[0].date) +
           "); the trend starts with it.\n\n";
    return;
  }
  const Point& first = points.front();
  const Point& last = points.back();
  out += format_number(first.percent, 1) + "% (" + inline_text(first.level) + ", " + inline_text(first.date) +
         ") → " + format_number(last.percent, 1) + "% (" + inline_text(last.level) + ", " +
         inline_text(last.date) + "): " + change_text(last.percent - first.percent) +
         " percentage points over the last " + std::to_string(points.size()) + " assessments.\n\n";
  write_assessments(out, points);
  write_dimension_changes(out, points[points.size() - 2], last);
  // The chart's axis names each point by its day, or by its minute when
  // one day has several (Mermaid would merge equal labels).
  bool days_repeat = false;
  for (size_t i = 1; i < points.size(); ++i) days_repeat |= points[i].date == points[i - 1].date;
  std::vector<std::pair<std::string, double>> line;
  for (const Point& p : points) line.emplace_back(days_repeat ? p.minute : p.date, p.percent);
  out += line_chart("Maturity over the last assessments (%)", line);
}

}  // namespace assay::reporters::markdown
