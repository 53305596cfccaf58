#include "scan/item_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "scan/history_note.h"
#include "scan/json_text.h"
#include "scan/time_format.h"

namespace assay::scan {
namespace {

// Writes `"name":` after a comma unless it is the first key of its object.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  // Every key written here is plain ASCII without escapes. The separator,
  // the quoted name and the colon go in with one append: a backlog's items
  // take a few hundred thousand keys.
  std::string& key(std::string_view name) {
    char text[kMaxKeySize + 4];  // ,"name":
    if (name.size() > kMaxKeySize) return long_key(name);
    size_t size = 0;
    if (!first_) text[size++] = ',';
    first_ = false;
    text[size++] = '"';
    std::memcpy(text + size, name.data(), name.size());
    size += name.size();
    text[size++] = '"';
    text[size++] = ':';
    out_.append(text, size);
    return out_;
  }
  void close() { out_ += '}'; }

 private:
  static constexpr size_t kMaxKeySize = 28;

  std::string& long_key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
    return out_;
  }

  std::string& out_;
  bool first_ = true;
};

// The first-seen time as a JSON string. A backlog's items were first seen
// by few scans, so each thread remembers the last time it formatted: one
// formatting (gmtime_r, strftime) per distinct time instead of one per item.
void append_first_seen(std::string& out, int64_t seconds) {
  thread_local int64_t last_seconds = 0;
  thread_local std::string last_text;
  if (last_text.empty() || last_seconds != seconds) {
    last_text = utc_iso8601_seconds(seconds);
    last_seconds = seconds;
  }
  append_json_string(out, last_text);
}

void append_string_or_null(std::string& out, const std::string& text) {
  if (text.empty())
    out += "null";
  else
    append_json_string(out, text);
}

// One score's explanation as scoring::to_json gives it: an std::map-backed
// object, so its keys ("components", "formula", "value") and the component
// names come out sorted, and of repeated component names the last one counts.
void append_score_breakdown(std::string& out, const scoring::ScoreBreakdown& score) {
  const auto& components = score.components;
  // The order by name, in a small array for the usual handful of components.
  constexpr size_t kInline = 24;
  std::array<uint32_t, kInline> inline_order;
  std::vector<uint32_t> heap_order;
  uint32_t* order = inline_order.data();
  if (components.size() > kInline) {
    heap_order.resize(components.size());
    order = heap_order.data();
  }
  const auto count = static_cast<uint32_t>(components.size());
  std::iota(order, order + count, uint32_t{0});
  const auto by_name = [&](uint32_t a, uint32_t b) { return components[a].first < components[b].first; };
  if (count <= kInline) {
    // Insertion sort: stable, and unlike std::stable_sort it needs no buffer.
    for (uint32_t i = 1; i < count; ++i) {
      const uint32_t moving = order[i];
      uint32_t j = i;
      for (; j > 0 && by_name(moving, order[j - 1]); --j) order[j] = order[j - 1];
      order[j] = moving;
    }
  } else {
    std::stable_sort(order, order + count, by_name);
  }
  out += "{\"components\":{";
  bool first = true;
  for (uint32_t i = 0; i < count; ++i) {
    const auto& [name, value] = components[order[i]];
    if (i + 1 < count && components[order[i + 1]].first == name) continue;  // a later one wins
    if (!first) out += ',';
    first = false;
    append_json_string(out, name);
    out += ':';
    append_json_number(out, value);
  }
  out += "},\"formula\":";
  append_json_string(out, score.formula);
  out += ",\"value\":";
  append_json_number(out, score.value);
  out += '}';
}

}  // namespace

void append_breakdown_json(std::string& out, const scoring::Breakdown& b) {
  ObjectWriter object(out);
  append_score_breakdown(object.key("wsjf"), b.wsjf);
  append_score_breakdown(object.key("ice"), b.ice);
  append_score_breakdown(object.key("technical_debt"), b.technical_debt);
  append_score_breakdown(object.key("security"), b.security);
  append_score_breakdown(object.key("composite"), b.composite);
  append_score_breakdown(object.key("value_usd"), b.value_usd);
  append_score_breakdown(object.key("risk"), b.risk);
  object.close();
}

void append_item_json(std::string& out, const BacklogItem& item) {
  if (!item.breakdown) throw std::logic_error("the breakdown of " + item.key + " was dropped");
  append_item_json(out, item, *item.breakdown);
}

void append_item_json(std::string& out, const BacklogItem& item, const scoring::Breakdown& breakdown) {
  std::string breakdown_json;
  append_breakdown_json(breakdown_json, breakdown);
  append_item_json(out, item, breakdown_json);
}

void append_item_json(std::string& out, const BacklogItem& item, std::string_view breakdown_json) {
  const Finding& f = item.finding;
  const scoring::ScoreValues& s = item.scores;
  ObjectWriter object(out);
  append_json_string(object.key("key"), item.key);
  append_json_string(object.key("fingerprint"), item.fingerprint);
  append_json_string(object.key("title"), f.title);
  append_json_string(object.key("category"), s.category);
  append_json_string(object.key("source"), f.source);
  append_json_string(object.key("rule"), f.rule);
  {
    ObjectWriter location(object.key("location"));
    append_json_string(location.key("path"), f.path);
    append_json_number(location.key("line_start"), uint64_t{f.line_start});
    append_json_number(location.key("line_end"), uint64_t{f.line_end});
    location.close();
  }
  append_json_string(object.key("evidence"), f.evidence);
  append_json_number(object.key("effort_hours"), s.effort_hours);
  append_json_number(object.key("confidence"), s.confidence);
  append_string_or_null(object.key("severity"), f.severity);
  append_json_string_array(object.key("tags"), f.tags);
  {
    ObjectWriter scores(object.key("scores"));
    append_json_number(scores.key("wsjf"), s.wsjf);
    append_json_number(scores.key("ice"), s.ice);
    append_json_number(scores.key("technical_debt"), s.technical_debt);
    append_json_number(scores.key("security"), s.security);
    append_json_number(scores.key("composite"), s.composite);
    scores.close();
  }
  append_json_number(object.key("value_usd"), s.value_usd);
  append_json_number(object.key("risk"), s.risk);
  append_json_number(object.key("rank"), uint64_t{item.rank});
  append_string_or_null(object.key("status"), item.status);
  std::string& first_seen = object.key("first_seen");
  if (item.first_seen_at == 0)
    first_seen += "null";
  else
    append_first_seen(first_seen, item.first_seen_at);
  std::string& details = object.key("details");
  if (f.details_json.empty())
    details += "null";
  else
    details += f.details_json;
  append_origin_text(object.key("origin"), item.history.origin);
  append_file_history_text(object.key("file_history"), item.history.file_history);
  object.key("breakdown") += breakdown_json;
  object.close();
}

}  // namespace assay::scan
