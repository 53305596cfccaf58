#include "digest.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <stdexcept>

namespace assay::reporters::slack {
namespace {

using nlohmann::ordered_json;

// Item titles are one line of the digest; longer ones are clipped.
constexpr size_t kTitleChars = 200;

std::string text_at(const ordered_json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

double number_at(const ordered_json& object, const char* key) {
  if (!object.is_object()) return 0;
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : 0;
}

const ordered_json& member(const ordered_json& object, const char* key) {
  static const ordered_json null_value;
  if (!object.is_object()) return null_value;
  auto it = object.find(key);
  return it == object.end() ? null_value : *it;
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string money(double value) { return "$" + fixed(std::round(value), 0); }

std::string hours(double value) { return fixed(value, value == std::floor(value) ? 0 : 1) + " h"; }

std::string title_of(const std::string& title) {
  std::string one_line = title;
  for (char& c : one_line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return mrkdwn_escape(clip(one_line, kTitleChars));
}

std::string location(const DigestItem& item) {
  if (item.path.empty()) return "";
  std::string where = item.path;
  if (item.line_start > 0) where += ":" + std::to_string(item.line_start);
  return " · `" + mrkdwn_escape(clip(where, kTitleChars)) + "`";
}

std::string facts(const DigestItem& item) {
  return "score *" + fixed(item.composite, 1) + "* · " + item.category + " · " + hours(item.effort_hours) +
         " · " + money(item.value_usd) + location(item);
}

std::string item_section(const DigestItem& item, size_t rank) {
  return "*" + std::to_string(rank) + ". `" + mrkdwn_escape(item.key) + "`* " + title_of(item.title) + "\n" +
         facts(item);
}

std::string link_text(const std::string& link) {
  if (link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0)
    return "Full report: <" + link + "|" + mrkdwn_escape(link) + ">";
  return "Full report: `" + mrkdwn_escape(link) + "`";
}

DigestItem digest_item(const assay_item& item) {
  DigestItem d;
  d.key = item.key ? item.key : "";
  d.title = item.title ? item.title : "";
  d.category = item.category ? item.category : "";
  d.path = item.path ? item.path : "";
  d.line_start = item.line_start;
  d.composite = item.composite;
  d.effort_hours = item.effort_hours;
  d.value_usd = item.value_usd;
  return d;
}

std::string item_status(const assay_item& item) {
  if (!item.json) return "";
  ordered_json parsed = ordered_json::parse(item.json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object())
    throw std::invalid_argument("item " + std::string(item.key ? item.key : "(without key)") +
                                ": its JSON is not a JSON object");
  return text_at(parsed, "status");
}

}  // namespace

Digest::Digest(ordered_json header, size_t top, size_t list_lines, std::string report_link)
    : header_(std::move(header)), top_(top), list_lines_(list_lines), report_link_(std::move(report_link)) {
  next_best_key_ = text_at(header_, "next_best");
}

void Digest::add(const assay_item& item) {
  ++item_count_;
  DigestItem d = digest_item(item);
  const std::string status = item_status(item);
  if (status == "new" || status == "reopened") {
    ++new_count_;
    if (new_lines_.size() < list_lines_)
      new_lines_.push_back("• `" + mrkdwn_escape(d.key) + "` " + title_of(d.title) + " (" + d.category +
                           (status == "reopened" ? ", reopened" : "") + ", score " + fixed(d.composite, 1) +
                           ")");
  }
  if (!next_best_key_.empty() && d.key == next_best_key_) next_best_ = d;
  if (top_items_.size() < top_) top_items_.push_back(std::move(d));
}

// Resolved since the last report: the completed items this scan resolved,
// i.e. resolved at or after this scan started.
std::vector<std::string> Digest::resolved_lines() const {
  std::vector<std::string> lines;
  const std::string started = text_at(member(header_, "scan"), "started_at");
  const ordered_json& completed = member(header_, "completed");
  if (!completed.is_array()) return lines;
  for (const auto& entry : completed) {
    const std::string resolved_at = text_at(entry, "resolved_at");
    if (resolved_at.empty() || resolved_at < started) continue;  // ISO 8601 UTC sorts as text
    lines.push_back("• `" + mrkdwn_escape(text_at(entry, "key")) + "` " + title_of(text_at(entry, "title")) +
                    " (cycle time " + hours(number_at(entry, "cycle_time_hours")) + ", " +
                    money(number_at(entry, "value_usd")) + ")");
  }
  return lines;
}

std::string Digest::context_line() const {
  const ordered_json& repository = member(header_, "repository");
  std::string line;
  const std::string branch = text_at(repository, "branch");
  const std::string commit = text_at(repository, "commit");
  if (!branch.empty()) line += "`" + mrkdwn_escape(branch) + "`";
  if (!commit.empty()) line += (line.empty() ? "" : " @ ") + std::string("`") + commit.substr(0, 7) + "`";
  const std::string finished = text_at(member(header_, "scan"), "finished_at");
  if (!finished.empty()) line += (line.empty() ? "" : " · ") + std::string("scanned ") + finished;
  const std::string level = text_at(member(header_, "maturity"), "level");
  if (!level.empty()) line += " · maturity " + level;
  const ordered_json& summary = member(header_, "summary");
  line += " · " + hours(number_at(summary, "effort_hours")) + " of effort, " +
          money(number_at(summary, "value_usd")) + " of value";
  return line;
}

std::string Digest::summary() const {
  const ordered_json& repository = member(header_, "repository");
  const ordered_json& state = member(header_, "state");
  std::string text = "assay · " + text_at(repository, "name") + ": " + std::to_string(item_count_) + " items";
  if (state.is_object())
    text +=
        ", " + std::to_string(new_count_) + " new, " + fixed(number_at(state, "resolved"), 0) + " resolved";
  return text;
}

std::string Digest::fallback_text() const {
  std::string text = summary() + ".";
  if (next_best_) text += " Next best: " + next_best_->key + " " + next_best_->title;
  return text;
}

std::string Digest::message_json(const BlockKitLimits& limits) const {
  BlockKitMessage message(limits);
  message.set_fallback(fallback_text());
  message.add_header(summary());
  message.add_context(context_line());
  if (next_best_)
    message.add_section("*Next best item:* `" + mrkdwn_escape(next_best_->key) + "` " +
                        title_of(next_best_->title) + "\n" + facts(*next_best_));
  else
    message.add_section(item_count_ == 0 ? "*Next best item:* none, the backlog is empty."
                                         : "*Next best item:* none qualifies (docs/scoring.md, next_best).");

  // The new and resolved lists and the link come after the top list but must
  // not lose their place to it: each later part keeps room for the smallest
  // form of the parts after it (a list's title and first line).
  const std::vector<std::string> resolved = resolved_lines();
  std::vector<std::string> new_section{"*New since the last report (" + std::to_string(new_count_) + ")*"};
  new_section.insert(new_section.end(), new_lines_.begin(), new_lines_.end());
  if (new_count_ == 0) new_section.push_back("none");
  const size_t new_hidden = new_count_ - new_lines_.size();
  const size_t resolved_shown = std::min(resolved.size(), list_lines_);
  std::vector<std::string> resolved_section{"*Resolved since the last report (" +
                                            std::to_string(resolved.size()) + ")*"};
  resolved_section.insert(resolved_section.end(), resolved.begin(),
                          resolved.begin() + static_cast<std::ptrdiff_t>(resolved_shown));
  if (resolved.empty()) resolved_section.push_back("none");
  const size_t resolved_hidden = resolved.size() - resolved_shown;
  const std::string link = link_text(report_link_);
  auto smallest = [&message](const std::vector<std::string>& lines, size_t hidden) {
    const std::vector<std::string> first(lines.begin(),
                                         lines.begin() + std::min<std::ptrdiff_t>(2, lines.size()));
    return message.section_bytes(first, hidden + lines.size() - first.size());
  };
  const size_t link_bytes = message.context_bytes(link);
  const size_t resolved_bytes = smallest(resolved_section, resolved_hidden);
  const size_t new_bytes = smallest(new_section, new_hidden);
  const std::string omitted_note =
      "_999 more of the top items did not fit in this message; see the full report._";

  message.reserve(4, new_bytes + resolved_bytes + link_bytes + message.context_bytes(omitted_note));
  message.add_divider();
  size_t shown = 0;
  for (const auto& item : top_items_) {
    if (!message.add_section(item_section(item, shown + 1))) break;
    ++shown;
  }
  message.reserve(3, new_bytes + resolved_bytes + link_bytes);
  if (shown < top_items_.size())
    message.add_context("_" + std::to_string(top_items_.size() - shown) +
                        " more of the top items did not fit in this message; see the full report._");
  message.reserve(2, resolved_bytes + link_bytes);
  message.add_line_section(new_section, 2, new_hidden);
  message.reserve(1, link_bytes);
  message.add_line_section(resolved_section, 2, resolved_hidden);
  message.release_reserve();
  message.add_context(link);
  return message.json();
}

}  // namespace assay::reporters::slack
