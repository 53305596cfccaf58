#include "markdown_document.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "markdown_text.h"
#include "maturity_section.h"
#include "mermaid_chart.h"
#include "state_sections.h"

namespace assay::reporters::markdown {
namespace {

using nlohmann::ordered_json;

// The member `key` of `object` when it is present and not null.
const ordered_json* member(const ordered_json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::optional<std::string> text_of(const ordered_json& object, const char* key) {
  const ordered_json* value = member(object, key);
  if (!value || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

std::optional<double> number_of(const ordered_json& object, const char* key) {
  const ordered_json* value = member(object, key);
  if (!value || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string short_commit(const std::string& commit) { return commit.substr(0, 7); }

// "`abc1234` (branch `main`)", or "working tree …", or no git at all.
std::string describe_target(const ordered_json& repository) {
  const std::string target = text_of(repository, "target").value_or("");
  if (target == "directory") return "not a git repository — history unavailable";
  const auto commit = text_of(repository, "commit");
  const auto branch = text_of(repository, "branch");
  std::string line;
  if (target == "working-tree") {
    line = "working tree";
    if (commit) line += " on " + code_span(short_commit(*commit));
  } else {
    line = commit ? code_span(short_commit(*commit)) : "unknown commit";
  }
  if (branch) line += " (branch " + code_span(*branch) + ")";
  const ordered_json* history = member(repository, "history");
  if (history && history->is_boolean() && !history->get<bool>()) line += " — history unavailable";
  return line;
}

std::string describe_maturity(const ordered_json& maturity) {
  const auto level = text_of(maturity, "level");
  if (!level) return "";
  std::string line = inline_text(upper(*level));
  const ordered_json* assessed = member(maturity, "assessed");
  if (assessed && assessed->is_boolean() && assessed->get<bool>()) {
    if (auto percent = number_of(maturity, "percent")) line += " (" + format_number(*percent, 1) + "%)";
    return line;
  }
  const auto source = text_of(maturity, "source");
  return line + " (" + (source ? "from " + inline_text(*source) + ", " : "") + "not assessed)";
}

void write_bullet(std::string& out, const std::string& label, const std::string& value) {
  out += "- **" + label + "**: " + value + "\n";
}

// "Alice" of "Alice <alice@example.com>".
std::string author_name(const std::string& author) {
  const size_t open = author.rfind(" <");
  return open == std::string::npos ? author : author.substr(0, open);
}

std::string plural_days(long long days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

// The table's Age cell: "412 d · Alice", "≥ 412 d · Alice" (the history is
// cut there), "uncommitted", or "" when not known.
std::string age_cell(const std::optional<ItemOrigin>& origin, const std::string& now) {
  if (!origin) return "";
  if (origin->state == "uncommitted") return "uncommitted";
  const bool exact = origin->state == "committed";
  if (!exact && origin->state != "at_or_before") return "";
  const auto days = days_between(origin->time, now);
  if (!days) return "";
  std::string cell = std::string(exact ? "" : "≥ ") + std::to_string(std::max(0LL, *days)) + " d";
  if (!origin->author.empty()) cell += " · " + inline_text(author_name(origin->author));
  return cell;
}

// The next best item's origin in words, or "" when not known.
std::string describe_origin(const ItemOrigin& origin, const std::string& now) {
  if (origin.state == "uncommitted") return "not committed yet (a change in the working tree)";
  if (origin.state == "before_history") return "older than the walked history";
  const auto days = days_between(origin.time, now);
  if (!days) return "";
  const std::string ago = plural_days(std::max(0LL, *days)) + " ago";
  const std::string by = origin.author.empty() ? "" : " by " + inline_text(origin.author);
  const std::string in = origin.commit.empty() ? "" : " in " + code_span(short_commit(origin.commit));
  if (origin.state == "committed") return "added " + ago + by + in;
  return "at least " + ago + " (already there" + in + by + ", where the walked history ends)";
}

// The history line of the title block, or "" when the header has none.
std::string describe_history(const ordered_json& header) {
  const ordered_json* history = member(header, "history");
  if (!history || !history->is_object()) return "";
  const ordered_json* available = member(*history, "available");
  if (!available || !available->is_boolean()) return "";
  if (!available->get<bool>()) {
    const auto reason = text_of(*history, "reason");
    return "unavailable" + (reason ? " — " + inline_text(*reason) : std::string());
  }
  std::string line;
  if (auto commits = number_of(*history, "commits_indexed")) line = format_count(*commits) + " commits";
  if (auto since = text_of(*history, "since")) line += " since " + inline_text(format_utc(*since));
  const auto walk = text_of(*history, "walk");
  const auto walked = number_of(*history, "commits_walked");
  if (walk && walked) line += " (" + inline_text(*walk) + " walk of " + format_count(*walked) + " commits)";
  const ordered_json* shallow = member(*history, "shallow");
  if (shallow && shallow->is_boolean() && shallow->get<bool>()) line += "; shallow clone: the history is cut";
  const ordered_json* problems = member(*history, "problems");
  if (problems && problems->is_array() && !problems->empty())
    line += "; " + std::to_string(problems->size()) + " unreadable objects (commits skipped)";
  const ordered_json* submodules = member(*history, "submodules_skipped");
  if (submodules && submodules->is_array() && !submodules->empty())
    line += "; " + std::to_string(submodules->size()) + " submodules skipped";
  return line;
}

void write_title_block(std::string& out, const ordered_json& header) {
  const ordered_json& repository = header.at("repository");
  const ordered_json& scan = header.at("scan");
  const ordered_json& summary = header.at("summary");
  const auto name = text_of(repository, "name");
  out += "# assay backlog — " + inline_text(name.value_or("repository")) + "\n\n";
  if (auto path = text_of(repository, "path")) write_bullet(out, "Repository", code_span(*path));
  write_bullet(out, "Commit", describe_target(repository));
  if (auto started = text_of(scan, "started_at"))
    write_bullet(out, "Scanned", inline_text(format_utc(*started)));
  if (auto history = describe_history(header); !history.empty()) write_bullet(out, "History", history);
  if (auto maturity = describe_maturity(header.at("maturity")); !maturity.empty())
    write_bullet(out, "Maturity", maturity);
  if (auto items = number_of(summary, "items")) write_bullet(out, "Items", format_number(*items, 0));
  if (auto hours = number_of(summary, "effort_hours"))
    write_bullet(out, "Estimated effort", format_hours(*hours));
  if (auto value = number_of(summary, "value_usd"))
    write_bullet(out, "Estimated value", format_money(*value));
  out += "\n";
}

std::string score_label(const std::string& name) {
  if (name == "wsjf") return "WSJF";
  if (name == "ice") return "ICE";
  if (name == "technical_debt") return "Tech debt";
  if (name == "security") return "Security";
  if (name == "composite") return "Composite";
  if (name == "value_usd") return "Value";
  if (name == "risk") return "Risk";
  return inline_text(name);
}

std::string explained_value(const ScoreExplanation& line) {
  if (!line.value) return "";
  return line.name == "value_usd" ? format_money(*line.value) : format_number(*line.value, 2);
}

void write_breakdown(std::string& out, const std::vector<ScoreExplanation>& breakdown) {
  if (breakdown.empty()) return;
  out += "\nScore breakdown:\n\n";
  for (const auto& line : breakdown) {
    std::string text = "- **" + score_label(line.name) + "**";
    const std::string value = explained_value(line);
    if (!value.empty()) text += " " + value;
    if (!line.formula.empty()) text += " = " + inline_text(line.formula);
    out += text + "\n";
  }
}

void write_next_best(std::string& out, const BacklogTally& tally, const std::string& now) {
  out += "## Next best item\n\n";
  if (tally.item_count() == 0) {
    out += "The scan found no items.\n\n";
    return;
  }
  if (!tally.next_best()) {
    out +=
        "No item qualifies: none reaches the minimum score within the maximum risk set in the scoring "
        "configuration.\n\n";
    return;
  }
  const NextBestItem& best = *tally.next_best();
  out += "**[" + inline_text(best.row.key) + "] " + inline_text(best.row.title) + "**\n\n";
  if (!best.path.empty())
    write_bullet(out, "Location", code_span(format_location(best.path, best.line_start, best.line_end)));
  if (best.row.origin) {
    if (auto origin = describe_origin(*best.row.origin, now); !origin.empty())
      write_bullet(out, "Origin", origin);
  }
  write_bullet(out, "Composite score", format_fixed(best.row.composite, 1));
  out += "- **WSJF**: " + format_number(best.wsjf, 1) + " | **ICE**: " + format_number(best.ice, 1) +
         " | **Tech debt**: " + format_number(best.technical_debt, 1) +
         " | **Security**: " + format_number(best.security, 1) + "\n";
  write_bullet(out, "Estimated effort", format_hours(best.row.effort_hours));
  write_bullet(out, "Value", format_money(best.row.value_usd));
  write_bullet(out, "Risk", format_number(best.risk, 2));
  write_breakdown(out, best.breakdown);
  out += "\n";
}

void write_backlog_table(std::string& out, const BacklogTally& tally, const std::string& now) {
  const auto& rows = tally.top_rows();
  if (rows.empty()) return;
  out += "## Prioritized backlog (top " + std::to_string(rows.size()) + ")\n\n";
  if (rows.size() < tally.item_count())
    out += "Showing " + std::to_string(rows.size()) + " of " + std::to_string(tally.item_count()) +
           " items.\n\n";
  out += "| Rank | Key | Title | Score | Category | Est. Hours | Value | Age |\n";
  out += "|-----:|-----|-------|------:|----------|-----------:|------:|-----|\n";
  for (const auto& row : rows) {
    out += "| " + std::to_string(row.rank) + " | " + inline_text(row.key) + " | " + inline_text(row.title) +
           " | " + format_fixed(row.composite, 1) + " | " + inline_text(row.category) + " | " +
           format_number(row.effort_hours, 2) + " | " + format_money(row.value_usd) + " | " +
           age_cell(row.origin, now) + " |\n";
  }
  out += "\n";
}

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void write_hotspot_file(std::string& out, const HotspotFile& file) {
  out += "### " + code_span(file.path) + " — " + format_hours(file.effort_hours) + " in " +
         plural(file.item_count, "item") + "\n\n";
  double listed_hours = 0;
  for (const auto& entry : file.listed) {
    out += "- " + code_span(format_location(file.path, entry.line_start, entry.line_end)) + " " +
           inline_text(entry.key) + " " + inline_text(entry.title) + " (" + format_hours(entry.effort_hours) +
           ")\n";
    listed_hours += entry.effort_hours;
  }
  if (file.item_count > file.listed.size())
    out += "- and " + plural(file.item_count - file.listed.size(), "more item") + " (" +
           format_hours(file.effort_hours - listed_hours) + ")\n";
  out += "\n";
}

void write_hotspots(std::string& out, const BacklogTally& tally, size_t file_limit) {
  if (tally.hotspot_item_count() == 0) return;
  const auto files = tally.hotspot_files(file_limit);
  out += "## Technical-debt hot-spots\n\n";
  out += plural(tally.hotspot_item_count(), "technical-debt or code-quality item") + ", " +
         format_hours(tally.hotspot_effort_hours()) + " in " + plural(tally.hotspot_file_count(), "file");
  out += files.size() < tally.hotspot_file_count()
             ? "; the " + std::to_string(files.size()) + " with the most estimated effort:\n\n"
             : ", by estimated effort:\n\n";
  for (const auto& file : files) write_hotspot_file(out, file);
}

void write_share_table(std::string& out, const char* heading, const std::vector<Share>& shares,
                       size_t total) {
  out += "| " + std::string(heading) + " | Items | Share | Est. Hours |\n";
  out += "|--------|------:|------:|-----------:|\n";
  for (const auto& share : shares) {
    out += "| " + (share.name.empty() ? std::string("(unnamed)") : inline_text(share.name)) + " | " +
           std::to_string(share.items) + " | " + format_share(share.items, total) + " | " +
           format_number(share.effort_hours, 2) + " |\n";
  }
  out += "\n";
}

std::string source_chart(const std::vector<Share>& sources) {
  std::vector<std::pair<std::string, double>> slices;
  for (const auto& s : sources)
    slices.emplace_back(s.name.empty() ? "(unnamed)" : s.name, static_cast<double>(s.items));
  return pie_chart("Items by discovery source", slices);
}

void write_sources(std::string& out, const BacklogTally& tally) {
  if (tally.item_count() == 0) return;
  out += "## Discovery sources\n\n";
  write_share_table(out, "Source", tally.by_source(), tally.item_count());
  out += source_chart(tally.by_source());
  write_share_table(out, "Category", tally.by_category(), tally.item_count());
}

std::string cell_text(const ordered_json& object, const char* key) {
  auto value = text_of(object, key);
  return value ? inline_text(*value) : "";
}

void write_plugin_runs(std::string& out, const ordered_json& scan) {
  const ordered_json* plugins = member(scan, "plugins");
  if (!plugins || !plugins->is_array() || plugins->empty()) return;
  out += "## Plugin runs\n\n";
  out += "| Plugin | Kind | Version | Status | Findings | Duration | Error |\n";
  out += "|--------|------|---------|--------|---------:|---------:|-------|\n";
  for (const auto& run : *plugins) {
    const auto findings = number_of(run, "findings");
    const auto duration = number_of(run, "duration_ms");
    out += "| " + cell_text(run, "name") + " | " + cell_text(run, "kind") + " | " +
           cell_text(run, "version") + " | " + cell_text(run, "status") + " | " +
           (findings ? format_number(*findings, 0) : "") + " | " +
           (duration ? format_duration_ms(*duration) : "") + " | " + cell_text(run, "error") + " |\n";
  }
  out += "\n";
}

void write_footer(std::string& out, const ordered_json& header) {
  std::string line = "Generated by " + inline_text(header.at("generated_by").get<std::string>());
  if (auto id = text_of(header.at("scan"), "id")) line += ", scan " + code_span(*id);
  out += "---\n\n*" + line + ".*\n";
}

}  // namespace

std::string render_backlog(const ordered_json& header, const BacklogTally& tally, size_t hotspot_files,
                           size_t completed_rows) {
  std::string out;
  write_title_block(out, header);
  // Ages are counted to the start of the scan, so a report reads the same later.
  const std::string now = text_of(header.at("scan"), "started_at").value_or("");
  write_next_best(out, tally, now);
  write_backlog_table(out, tally, now);
  write_maturity(out, header);
  write_hotspots(out, tally, hotspot_files);
  write_sources(out, tally);
  write_recently_completed(out, header, completed_rows);
  write_period_performance(out, header);
  write_plugin_runs(out, header.at("scan"));
  write_footer(out, header);
  return out;
}

}  // namespace assay::reporters::markdown
