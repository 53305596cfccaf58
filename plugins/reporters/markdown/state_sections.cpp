#include "state_sections.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "markdown_text.h"

namespace assay::reporters::markdown {
namespace {

using nlohmann::ordered_json;

const ordered_json* object_member(const ordered_json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::optional<double> number(const ordered_json& object, const char* key) {
  const ordered_json* value = object_member(object, key);
  if (!value || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

std::string text(const ordered_json& object, const char* key) {
  const ordered_json* value = object_member(object, key);
  return value && value->is_string() ? value->get<std::string>() : "";
}

// The statistics object, or null when the header has none.
const ordered_json* stats_of(const ordered_json& header) {
  const ordered_json* stats = object_member(header, "stats");
  return stats && stats->is_object() ? stats : nullptr;
}

std::string signed_count(double value) { return (value > 0 ? "+" : "") + format_number(value, 0); }

void bullet(std::string& out, const std::string& label, const std::string& value) {
  out += "- **" + label + "**: " + value + "\n";
}

std::string plural_items(double n) { return format_number(n, 0) + (n == 1 ? " item" : " items"); }

std::string cycle_time(const ordered_json& stats) {
  const ordered_json* cycle = object_member(stats, "cycle_time_hours");
  const auto mean = cycle ? number(*cycle, "mean") : std::nullopt;
  const auto median = cycle ? number(*cycle, "median") : std::nullopt;
  if (!mean || !median) return "";
  return format_hours(*mean) + " on average, median " + format_hours(*median);
}

std::string debt_trend(const ordered_json& stats) {
  const ordered_json* trend = object_member(stats, "debt_trend");
  if (!trend) return "";
  const auto start = number(*trend, "effort_hours_start");
  const auto end = number(*trend, "effort_hours_end");
  const auto change = number(*trend, "change");
  if (!end) return "";
  if (!start || !change)
    return format_hours(*end) + " of estimated effort open (no scan as old as the period)";
  return format_hours(*start) + " → " + format_hours(*end) + " of estimated effort open (" +
         (*change > 0 ? "+" : "") + format_hours(*change) + ")";
}

void write_sources(std::string& out, const ordered_json& stats, double discovered) {
  const ordered_json* sources = object_member(stats, "sources");
  if (!sources || !sources->is_object() || sources->empty() || discovered <= 0) return;
  out += "\nDiscovered by source:\n\n| Source | Items | Share |\n|--------|------:|------:|\n";
  for (const auto& [name, count] : sources->items()) {
    if (!count.is_number()) continue;
    const double n = count.get<double>();
    out += "| " + inline_text(name) + " | " + format_number(n, 0) + " | " +
           format_share(static_cast<size_t>(n), static_cast<size_t>(discovered)) + " |\n";
  }
}

}  // namespace

void write_recently_completed(std::string& out, const ordered_json& header, size_t rows) {
  const ordered_json* stats = stats_of(header);
  if (!stats) return;
  const ordered_json* completed = object_member(header, "completed");
  const auto days = number(*stats, "period_days");
  out += "## Recently completed\n\n";
  if (!completed || !completed->is_array() || completed->empty()) {
    out += "No item was completed in the last " + (days ? format_number(*days, 0) + " days" : "period") +
           ".\n\n";
    return;
  }
  const size_t shown = std::min(rows, completed->size());
  if (shown < completed->size())
    out += "Showing the " + std::to_string(shown) + " most recent of " + std::to_string(completed->size()) +
           " completed items.\n\n";
  out += "| Key | Title | Resolved | Commit | Cycle time | Value |\n";
  out += "|-----|-------|----------|--------|-----------:|------:|\n";
  for (size_t i = 0; i < shown; ++i) {
    const ordered_json& item = (*completed)[i];
    const std::string commit = text(item, "commit");
    const auto hours = number(item, "cycle_time_hours");
    const auto value = number(item, "value_usd");
    out += "| " + inline_text(text(item, "key")) + " | " + inline_text(text(item, "title")) + " | " +
           inline_text(format_utc(text(item, "resolved_at"))) + " | " +
           (commit.empty() ? std::string() : code_span(commit.substr(0, 7))) + " | " +
           (hours ? format_hours(*hours) : "") + " | " + (value ? format_money(*value) : "") + " |\n";
  }
  out += "\n";
}

void write_period_performance(std::string& out, const ordered_json& header) {
  const ordered_json* stats = stats_of(header);
  if (!stats) return;
  const auto days = number(*stats, "period_days");
  out += "## This period's performance\n\n";
  if (days) out += "The last " + format_number(*days, 0) + " days, from the state store.\n\n";
  const double discovered = number(*stats, "discovered").value_or(0);
  if (auto v = number(*stats, "discovered")) bullet(out, "Items discovered", format_number(*v, 0));
  if (auto v = number(*stats, "completed")) bullet(out, "Items completed", format_number(*v, 0));
  if (auto v = number(*stats, "reopened"); v && *v > 0) bullet(out, "Items reopened", format_number(*v, 0));
  if (auto v = number(*stats, "net_change")) bullet(out, "Net backlog change", signed_count(*v));
  if (auto c = cycle_time(*stats); !c.empty()) bullet(out, "Cycle time", c);
  if (auto v = number(*stats, "value_delivered_usd")) bullet(out, "Value delivered", format_money(*v));
  if (auto v = number(*stats, "backlog_size")) bullet(out, "Backlog size", plural_items(*v));
  if (auto t = debt_trend(*stats); !t.empty()) bullet(out, "Debt trend", t);
  write_sources(out, *stats, discovered);
  out += "\n";
}

}  // namespace assay::reporters::markdown
