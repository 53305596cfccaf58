// The markdown reporter: writes BACKLOG.md, the ranked backlog for people.
// Items are tallied as they arrive; the document is rendered and written
// atomically when the last one has been seen.
#include <assay/plugin.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "atomic_file.h"
#include "backlog_tally.h"
#include "config_section.h"
#include "markdown_document.h"
#include "report_header.h"

namespace assay::reporters::markdown {
namespace {

using nlohmann::ordered_json;

constexpr const char* kConfigSchema = R"({
  "type": "object",
  "description": "Writes the ranked backlog as Markdown into the report output directory.",
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this reporter."},
    "top": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 10,
            "description": "Rows of the prioritized backlog table."},
    "file": {"type": "string", "default": "BACKLOG.md", "description": "File name inside the output directory."},
    "hotspot_files": {"type": "integer", "minimum": 1, "maximum": 100, "default": 5,
                      "description": "Files listed under technical-debt hot-spots, most effort first."},
    "hotspot_items": {"type": "integer", "minimum": 1, "maximum": 100, "default": 5,
                      "description": "Items listed per hot-spot file; the rest are summed in one line."}
  },
  "additionalProperties": false
})";

struct MarkdownConfig {
  size_t top = 10;
  std::string file;
  size_t hotspot_files = 5;
  size_t hotspot_items = 5;
};

MarkdownConfig read_config(const std::string& config_json) {
  ConfigSection section("markdown", config_json,
                        {"enabled", "top", "file", "hotspot_files", "hotspot_items"});
  MarkdownConfig config;
  config.top = static_cast<size_t>(section.integer("top", 10, 1, 1000));
  config.file = section.file_name("file", "BACKLOG.md");
  config.hotspot_files = static_cast<size_t>(section.integer("hotspot_files", 5, 1, 100));
  config.hotspot_items = static_cast<size_t>(section.integer("hotspot_items", 5, 1, 100));
  return config;
}

std::string next_best_key(const ordered_json& header) {
  const auto& next_best = header.at("next_best");
  return next_best.is_string() ? next_best.get<std::string>() : "";
}

class MarkdownReporter : public sdk::Reporter {
 public:
  MarkdownReporter(const sdk::Host& host, const std::string& config_json, const assay_report& report)
      : host_(host),
        config_(read_config(config_json)),
        header_(parse_report_header(report)),
        target_(report_output_path(report, config_.file)),
        expected_items_(report.item_count),
        tally_(config_.top, config_.hotspot_items, next_best_key(header_)) {}

  void item(const assay_item& item) override { tally_.add(item); }

  void end() override {
    if (tally_.item_count() != expected_items_)
      throw std::runtime_error("the report announced " + std::to_string(expected_items_) + " items but " +
                               std::to_string(tally_.item_count()) + " arrived; " + target_.string() +
                               " was not written");
    if (!tally_.next_best_key().empty() && !tally_.next_best())
      throw std::runtime_error("the next best item " + tally_.next_best_key() +
                               " named in the report header was not among the items; " + target_.string() +
                               " was not written");
    AtomicFile file(target_);
    file.write(render_backlog(header_, tally_, config_.hotspot_files, config_.top));
    if (auto warning = file.commit()) host_.warn(*warning);
    host_.info("wrote " + target_.string() + " (" + std::to_string(tally_.item_count()) + " items)");
  }

 private:
  sdk::Host host_;
  MarkdownConfig config_;
  ordered_json header_;
  std::filesystem::path target_;
  size_t expected_items_;
  BacklogTally tally_;
};

}  // namespace
}  // namespace assay::reporters::markdown

ASSAY_REPORTER_PLUGIN(assay::reporters::markdown::MarkdownReporter, "markdown", "1.0.0",
                      "Writes the ranked backlog as BACKLOG.md", assay::reporters::markdown::kConfigSchema)
