// The json reporter: writes the ranked backlog as backlog.json, one document
// {"schema","repository","scan","maturity","history","items","next_best",
// "summary","stats","completed","generated_by"}. Items are written to disk as
// they arrive, so memory stays flat however long the backlog is. By default
// each item is one line, the host's compact text copied as it is; with
// item_layout "indented" items are laid out without parsing them: unchecked
// when the host vouches for the text (canonical_layout.h), else checked in the
// same pass (json_indent.h).
#include <assay/plugin.hpp>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "atomic_file.h"
#include "canonical_layout.h"
#include "config_section.h"
#include "json_indent.h"
#include "report_header.h"

namespace assay::reporters {
namespace {

using nlohmann::ordered_json;

constexpr const char* kConfigSchema = R"({
  "type": "object",
  "description": "Writes the ranked backlog as one JSON document into the report output directory.",
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this reporter."},
    "file": {"type": "string", "default": "backlog.json",
             "description": "File name inside the output directory."},
    "indent": {"type": "integer", "minimum": 0, "maximum": 8, "default": 2,
               "description": "Spaces per nesting level; 0 writes the whole document on one line."},
    "item_layout": {"type": "string", "enum": ["line", "indented"], "default": "line",
                    "description": "line: each item on one line of its own, compact; indented: items nested like the rest of the document (half again as large, and slower to write)."}
  },
  "additionalProperties": false
})";

// The backlog.json format version; bumped only when a field changes meaning.
constexpr int kBacklogSchema = 1;

struct JsonConfig {
  std::string file;
  int indent = 2;
  bool indented_items = false;  // item_layout "indented"; else one line per item
};

JsonConfig read_config(const std::string& config_json) {
  ConfigSection section("json", config_json, {"enabled", "file", "indent", "item_layout"});
  JsonConfig config;
  config.file = section.file_name("file", "backlog.json");
  config.indent = static_cast<int>(section.integer("indent", 2, 0, 8));
  const std::string item_layout = section.text("item_layout", "line");
  if (item_layout != "line" && item_layout != "indented")
    throw std::invalid_argument("plugins.json.item_layout must be \"line\" or \"indented\", not \"" +
                                item_layout + "\"");
  config.indented_items = item_layout == "indented";
  return config;
}

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kJsonWhitespace = " \t\n\r";
  const size_t first = text.find_first_not_of(kJsonWhitespace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kJsonWhitespace) - first + 1);
}

// A cheap check of the host's item text: an object on one line. Anything else
// is parsed, which rejects what is not JSON and puts the rest on one line.
bool looks_like_one_line_object(std::string_view text) {
  return text.size() >= 2 && text.front() == '{' && text.back() == '}' &&
         text.find_first_of("\n\r") == std::string_view::npos;
}

// Lays out the top-level document: compact on one line, or pretty-printed
// with values nested `depth` levels deep indented like nlohmann's own output.
class Layout {
 public:
  explicit Layout(int indent) : indent_(indent) {}

  std::string open_object() const { return pretty() ? "{\n" : "{"; }
  std::string close_object() const { return pretty() ? "\n}\n" : "}\n"; }
  std::string separator() const { return pretty() ? ",\n" : ","; }
  std::string key(const std::string& name) const {
    return margin(1) + ordered_json(name).dump() + (pretty() ? ": " : ":");
  }
  // `value` nested at `depth`: its continuation lines get that depth's margin.
  std::string value(const ordered_json& value, int depth) const {
    std::string text =
        value.dump(pretty() ? indent_ : -1, ' ', false, ordered_json::error_handler_t::replace);
    if (!pretty()) return text;
    const std::string continuation = "\n" + margin(depth);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
      if (c == '\n')
        out += continuation;
      else
        out += c;
    }
    return out;
  }
  std::string margin(int depth) const { return std::string(static_cast<size_t>(indent_ * depth), ' '); }
  // Items sit at depth 2; the line break before the first one comes with it
  // so that an empty list stays "[]".
  std::string item_break(bool first) const { return first ? (pretty() ? "\n" : "") : separator(); }
  std::string close_items(bool empty) const { return pretty() && !empty ? "\n" + margin(1) + "]" : "]"; }
  bool pretty() const { return indent_ > 0; }

 private:
  int indent_;
};

class JsonReporter : public sdk::Reporter {
 public:
  JsonReporter(const sdk::Host& host, const std::string& config_json, const assay_report& report)
      : host_(host),
        config_(read_config(config_json)),
        layout_(config_.indent),
        compact_layout_(0),
        item_margin_(layout_.margin(2)),
        header_(parse_report_header(report)),
        expected_items_(report.item_count),
        file_(report_output_path(report, config_.file)) {
    file_.write(layout_.open_object());
    file_.write(layout_.key("schema") + layout_.value(kBacklogSchema, 1));
    for (const char* field : {"repository", "scan", "maturity"}) {
      file_.write(layout_.separator());
      file_.write(layout_.key(field) + layout_.value(header_.at(field), 1));
    }
    // Hosts before the history index send no "history"; newer ones always do.
    if (auto history = header_.find("history"); history != header_.end()) {
      file_.write(layout_.separator());
      file_.write(layout_.key("history") + layout_.value(*history, 1));
    }
    file_.write(layout_.separator());
    file_.write(layout_.key("items") + "[");
  }

  void item(const assay_item& item) override {
    if (!item.json) throw std::invalid_argument("item " + describe(item.key) + " carries no JSON");
    const std::string_view text = trimmed(item.json);
    const bool indented = layout_.pretty() && config_.indented_items;
    if (!indented && is_one_line_object(item, text)) {
      // The usual case: the host's text goes into the file's buffer as it is.
      file_.write(layout_.item_break(written_items_ == 0));
      file_.write(item_margin_);
      file_.write(text);
      ++written_items_;
      return;
    }
    text_.clear();
    text_ += layout_.item_break(written_items_ == 0);
    text_ += layout_.margin(2);
    // The host writes item text as nlohmann's compact dump: it is copied, or
    // laid out in one pass, since parsing it only to print it again would
    // dominate the reporter's time. Text neither way can vouch for is parsed.
    if (indented && vouched_compact_dump(item)) {
      append_canonical_layout(text_, text, config_.indent, 2);
    } else if (indented) {
      if (!(text.starts_with('{') && indenter_.append(text_, text, config_.indent, 2)))
        text_ += layout_.value(parse_item(item), 2);
    } else {
      text_ += compact_layout_.value(parse_item(item), 2);
    }
    file_.write(text_);
    ++written_items_;
  }

  void end() override {
    if (written_items_ != expected_items_)
      throw std::runtime_error("the report announced " + std::to_string(expected_items_) + " items but " +
                               std::to_string(written_items_) + " arrived; " + file_.target().string() +
                               " was not written");
    file_.write(layout_.close_items(written_items_ == 0));
    for (const char* field : {"next_best", "summary", "stats", "completed", "generated_by"}) {
      file_.write(layout_.separator());
      file_.write(layout_.key(field) + layout_.value(header_field(field), 1));
    }
    file_.write(layout_.close_object());
    if (auto warning = file_.commit()) host_.warn(*warning);
    host_.info("wrote " + file_.target().string() + " (" + std::to_string(written_items_) + " items)");
  }

 private:
  // The state store's fields are absent from the header of a host without
  // one: no statistics, nothing completed.
  ordered_json header_field(const char* field) const {
    auto it = header_.find(field);
    if (it != header_.end()) return *it;
    return std::string(field) == "completed" ? ordered_json::array() : ordered_json(nullptr);
  }

  // An object on one line: a compact dump has no line break (they are
  // escaped in strings), other text is searched for one.
  static bool is_one_line_object(const assay_item& item, std::string_view text) {
    if (vouched_compact_dump(item)) return text.size() >= 2 && text.front() == '{' && text.back() == '}';
    return looks_like_one_line_object(text);
  }

  // The host vouches that the text is nlohmann's compact dump (API 1.3);
  // an older host's struct ends before the flags.
  static bool vouched_compact_dump(const assay_item& item) {
    return item.struct_size >= offsetof(assay_item, json_flags) + sizeof(item.json_flags) &&
           (item.json_flags & ASSAY_ITEM_JSON_COMPACT_DUMP) != 0;
  }

  static std::string describe(const char* key) {
    return key == nullptr || *key == '\0' ? "(without key)" : key;
  }

  static ordered_json parse_item(const assay_item& item) {
    ordered_json parsed = ordered_json::parse(item.json, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_object())
      throw std::invalid_argument("item " + describe(item.key) + ": its JSON is not a JSON object");
    return parsed;
  }

  sdk::Host host_;
  JsonConfig config_;
  Layout layout_;
  Layout compact_layout_;  // an item on one line
  std::string item_margin_;
  ordered_json header_;
  size_t expected_items_;
  size_t written_items_ = 0;
  AtomicFile file_;
  JsonIndenter indenter_;
  std::string text_;  // the item being written; reused
};

}  // namespace
}  // namespace assay::reporters

ASSAY_REPORTER_PLUGIN(assay::reporters::JsonReporter, "json", "1.0.0",
                      "Writes the ranked backlog as backlog.json", assay::reporters::kConfigSchema)
