// A minimal host for reporter plugins: loads the shared object the way the
// host does (RTLD_NOW | RTLD_LOCAL), hands it a host API table that records
// logs and errors, and drives begin / item* / end / close.
#pragma once

#include <assay/plugin.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// The test is the host, so it defines the host's opaque context.
struct assay_host {
  std::vector<std::string> logs;
  std::vector<std::string> warnings;  // the logs at ASSAY_LOG_WARN of the last run
  std::string error;                  // last set_error message
  // What reporters handed to deliver (ABI 1.2): body, endpoint reference, summary.
  struct Delivery {
    std::string body;
    std::string endpoint;
    std::string summary;
    uint32_t max_attempts = 0;
  };
  std::vector<Delivery> deliveries;
  assay_status deliver_status = ASSAY_OK;  // what deliver answers
};

namespace assay::test {

// One item as the host would hand it over: C fields mirror the JSON.
struct ReportItem {
  nlohmann::ordered_json json;
  std::string text;  // json dumped, owned for the assay_item's pointer
  // When set, handed over as the item's JSON instead of `json` (a broken host).
  std::string json_text_override;

  // Fills the C view; valid while this object lives and is not modified.
  assay_item view();
};

// Builds a realistic item; `breakdown` true adds the full score breakdown.
ReportItem make_item(const std::string& key, const std::string& title, const std::string& category,
                     const std::string& source, const std::string& path, uint32_t line_start,
                     uint32_t line_end, double effort_hours, double composite, double value_usd,
                     uint32_t rank);

// Where a run stopped: "" when it completed, else "begin", "item" or "end".
struct RunResult {
  std::string failed_stage;
  assay_status status = ASSAY_OK;
  std::string error;
  // Time spent inside the plugin's begin, item and end calls.
  std::chrono::nanoseconds plugin_time{0};
  bool ok() const { return failed_stage.empty(); }
};

struct RunInput {
  std::string config = "{}";
  nlohmann::ordered_json header;
  std::vector<ReportItem> items;
  std::filesystem::path output_dir;
  // Overrides assay_report.item_count when set (to test a host that lies).
  long announced_items = -1;
};

class LoadedReporter {
 public:
  // Loads ASSAY_PLUGIN_DIR/assay-<name>.so and runs assay_plugin_init.
  // Throws std::runtime_error with dlerror's or the plugin's message.
  explicit LoadedReporter(const std::string& name);

  const assay_plugin& plugin() const { return plugin_; }
  assay_host& host() { return host_; }

  RunResult run(RunInput& input);

 private:
  assay_host host_;
  assay_host_api api_{};
  assay_plugin plugin_{};
};

// The report header of a realistic scan of a git repository at a commit.
nlohmann::ordered_json sample_header(size_t items, const std::string& next_best);

// Five items of mixed categories, sources and files, in rank order.
std::vector<ReportItem> sample_items();

std::string read_file(const std::filesystem::path& path);

// The names of the entries of `directory`, sorted.
std::vector<std::string> directory_entries(const std::filesystem::path& directory);

}  // namespace assay::test
