#include "metrics_exposition.h"

#include <charconv>
#include <ctime>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace assay::reporters {
namespace {

using nlohmann::ordered_json;

constexpr const char* kDiscovered = "assay_items_discovered_total";
constexpr const char* kCompleted = "assay_items_completed_total";
constexpr const char* kLastSuccess = "assay_last_successful_scan_timestamp_seconds";

std::string escape(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string number(double value) {
  char text[64];
  auto result = std::to_chars(text, text + sizeof text, value);
  return std::string(text, result.ptr);
}

double number_at(const ordered_json& object, const char* key, double fallback = 0) {
  if (!object.is_object()) return fallback;
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

// Writes one family: HELP and TYPE, then its series.
class Writer {
 public:
  explicit Writer(std::string repository) : label_("repository=\"" + escape(repository) + "\"") {}

  void family(const char* name, const char* type, const char* help) {
    out_ << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
    name_ = name;
  }
  void sample(double value) { out_ << name_ << '{' << label_ << "} " << number(value) << '\n'; }
  void sample(const char* label, std::string_view label_value, double value) {
    out_ << name_ << '{' << label_ << ',' << label << "=\"" << escape(label_value) << "\"} " << number(value)
         << '\n';
  }
  std::string text() const { return out_.str(); }

 private:
  std::string label_;
  std::string name_;
  std::ostringstream out_;
};

// A scan in which no scanner was cancelled or failed to load counts as a
// success for the last-success timestamp.
bool scan_succeeded(const ordered_json& scan) {
  if (!scan.contains("plugins") || !scan["plugins"].is_array()) return true;
  for (const auto& run : scan["plugins"])
    if (run.value("status", "") == "cancelled") return false;
  return true;
}

void backlog(Writer& w, const ordered_json& header, double next_best_composite) {
  const ordered_json& summary = header["summary"];
  w.family("assay_backlog_items", "gauge", "Open backlog items after the last scan, by category.");
  if (summary.contains("by_category") && summary["by_category"].is_object())
    for (const auto& [category, count] : summary["by_category"].items())
      if (count.is_number()) w.sample("category", category, count.get<double>());
  w.family("assay_backlog_effort_hours", "gauge", "Estimated effort of the open backlog, in hours.");
  w.sample(number_at(summary, "effort_hours"));
  w.family("assay_backlog_value_usd", "gauge", "Estimated value of the open backlog, in US dollars.");
  w.sample(number_at(summary, "value_usd"));
  if (next_best_composite >= 0) {
    w.family("assay_next_best_composite_score", "gauge", "Composite score of the next best item.");
    w.sample(next_best_composite);
  }
}

// maturity.percent, and maturity.dimensions as {"name": percent} or
// [{"name": …, "percent": …}] — present only when a maturity assessment ran.
void maturity(Writer& w, const ordered_json& header) {
  if (!header.contains("maturity") || !header["maturity"].is_object()) return;
  const ordered_json& m = header["maturity"];
  if (m.contains("percent") && m["percent"].is_number()) {
    w.family("assay_maturity_percent", "gauge", "Overall engineering maturity of the repository, 0 to 100.");
    w.sample(m["percent"].get<double>());
  }
  std::vector<std::pair<std::string, double>> dimensions;
  if (m.contains("dimensions") && m["dimensions"].is_object()) {
    for (const auto& [name, value] : m["dimensions"].items()) {
      double percent = value.is_number() ? value.get<double>() : number_at(value, "percent", -1);
      if (percent >= 0) dimensions.emplace_back(name, percent);
    }
  } else if (m.contains("dimensions") && m["dimensions"].is_array()) {
    for (const auto& d : m["dimensions"])
      if (d.is_object() && d.contains("name") && d["name"].is_string() && number_at(d, "percent", -1) >= 0)
        dimensions.emplace_back(d["name"].get<std::string>(), number_at(d, "percent"));
  }
  if (dimensions.empty()) return;
  w.family("assay_maturity_dimension_percent", "gauge", "Engineering maturity by dimension, 0 to 100.");
  for (const auto& [name, percent] : dimensions) w.sample("dimension", name, percent);
}

double previous(const PreviousValues& values, const char* name) {
  auto it = values.find(name);
  return it == values.end() ? 0 : it->second;
}

// The counters grow by what this scan changed in the state store; a scan
// that was not merged (a look-back) changed nothing.
void lifecycle(Writer& w, const ordered_json& header, const PreviousValues& before) {
  const ordered_json state = header.contains("state") ? header["state"] : ordered_json();
  const bool merged = state.is_object() && state.value("merged", false);
  double discovered =
      previous(before, kDiscovered) + (merged ? number_at(state, "new") + number_at(state, "reopened") : 0);
  double completed = previous(before, kCompleted) + (merged ? number_at(state, "resolved") : 0);
  w.family(kDiscovered, "counter",
           "Items the state store saw new or reopened, over the scans of this textfile.");
  w.sample(discovered);
  w.family(kCompleted, "counter", "Items the state store saw resolved, over the scans of this textfile.");
  w.sample(completed);
  const ordered_json stats = header.contains("stats") ? header["stats"] : ordered_json();
  if (!stats.is_object()) return;
  w.family("assay_value_delivered_usd", "gauge",
           "Value of the items completed in the statistics period (stats.period_days), in US dollars.");
  w.sample(number_at(stats, "value_delivered_usd"));
  w.family("assay_statistics_period_days", "gauge", "Days the period statistics cover.");
  w.sample(number_at(stats, "period_days"));
}

void scan(Writer& w, const ordered_json& header, const PreviousValues& before) {
  const ordered_json& s = header["scan"];
  w.family("assay_scan_duration_seconds", "gauge", "Wall time of the last scan.");
  w.sample(number_at(s, "duration_ms") / 1000.0);
  std::map<std::string, int> failures;
  if (s.contains("plugins") && s["plugins"].is_array())
    for (const auto& run : s["plugins"]) {
      std::string status = run.value("status", "");
      if (status == "failed" || status == "load-failed") ++failures[run.value("name", "")];
    }
  w.family("assay_scan_plugin_failures", "gauge", "Plugin runs that failed in the last scan, by plugin.");
  for (const auto& [plugin, count] : failures) w.sample("plugin", plugin, count);
  double last = previous(before, kLastSuccess);
  if (scan_succeeded(s)) {
    int64_t finished = parse_utc_seconds(s.value("finished_at", ""));
    if (finished > 0) last = static_cast<double>(finished);
  }
  if (last > 0) {
    w.family(kLastSuccess, "gauge", "When the last successful scan ended, seconds since 1970.");
    w.sample(last);
  }
}

// header.service: what the host running the scan reports about itself.
void service(Writer& w, const ordered_json& header) {
  if (!header.contains("service") || !header["service"].is_object()) return;
  const ordered_json& s = header["service"];
  if (s.contains("bus") && s["bus"].is_object()) {
    w.family("assay_bus_events_published_total", "counter", "Events the host published on its bus.");
    w.sample(number_at(s["bus"], "published"));
    w.family("assay_bus_events_dropped_total", "counter",
             "Event deliveries the host dropped because a subscriber's queue was full.");
    w.sample(number_at(s["bus"], "dropped"));
  }
  if (s.contains("outbox") && s["outbox"].is_object()) {
    w.family("assay_outbox_depth", "gauge", "Messages waiting in the delivery outbox.");
    w.sample(number_at(s["outbox"], "depth"));
  }
  if (s.contains("deliveries") && s["deliveries"].is_object()) {
    w.family("assay_webhook_deliveries_total", "counter", "Webhook deliveries, by result.");
    for (const auto& [result, count] : s["deliveries"].items())
      if (count.is_number()) w.sample("result", result, count.get<double>());
  }
}

}  // namespace

int64_t parse_utc_seconds(std::string_view text) {
  std::tm tm{};
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z')
    return -1;
  auto field = [&](size_t at, size_t size, int& out) {
    auto r = std::from_chars(text.data() + at, text.data() + at + size, out);
    return r.ec == std::errc() && r.ptr == text.data() + at + size;
  };
  int year = 0, month = 0;
  if (!field(0, 4, year) || !field(5, 2, month) || !field(8, 2, tm.tm_mday) || !field(11, 2, tm.tm_hour) ||
      !field(14, 2, tm.tm_min) || !field(17, 2, tm.tm_sec))
    return -1;
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  return static_cast<int64_t>(timegm(&tm));
}

PreviousValues read_previous_values(std::string_view text) {
  PreviousValues values;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() : end + 1;
    for (const char* name : {kDiscovered, kCompleted, kLastSuccess}) {
      std::string_view n(name);
      if (line.substr(0, n.size()) != n || line.size() <= n.size() || line[n.size()] != '{') continue;
      size_t space = line.rfind(' ');
      double value = 0;
      auto r = std::from_chars(line.data() + space + 1, line.data() + line.size(), value);
      if (r.ec == std::errc()) values[name] = value;
    }
  }
  return values;
}

std::string render_scan_metrics(const ordered_json& header, double next_best_composite,
                                const PreviousValues& before) {
  Writer w(header["repository"].value("path", ""));
  backlog(w, header, next_best_composite);
  maturity(w, header);
  lifecycle(w, header, before);
  scan(w, header, before);
  service(w, header);
  return w.text();
}

}  // namespace assay::reporters
