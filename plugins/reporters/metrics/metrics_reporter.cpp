// The metrics reporter: after each scan, writes the scan's Prometheus text
// exposition (metrics_exposition.h) to a textfile for node_exporter's
// textfile collector, atomically (temporary file, fsync, rename), so the
// collector never reads half a file. In service mode the host serves the
// textfiles of all its repositories, merged, on GET /metrics.
#include <assay/plugin.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "atomic_file.h"
#include "config_section.h"
#include "metrics_exposition.h"
#include "report_header.h"

namespace assay::reporters {
namespace {

constexpr const char* kConfigSchema = R"({
  "type": "object",
  "description": "Writes Prometheus metrics of each scan to a textfile (node_exporter's textfile collector).",
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this reporter."},
    "textfile": {"type": "string", "default": "",
                 "description": "The file written; empty = metrics.prom in the report output directory. {name} is replaced by the repository's name. A relative path starts at the output directory."}
  },
  "additionalProperties": false
})";

std::filesystem::path textfile_path(const std::string& configured, const assay_report& report,
                                    const std::string& repository_name) {
  if (configured.empty()) return report_output_path(report, "metrics.prom");
  std::string path = configured;
  for (size_t at = path.find("{name}"); at != std::string::npos; at = path.find("{name}", at))
    path.replace(at, 6, repository_name);
  std::filesystem::path target(path);
  if (target.is_relative()) target = report_output_path(report, path);
  return target;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class MetricsReporter : public sdk::Reporter {
 public:
  MetricsReporter(const sdk::Host& host, const std::string& config_json, const assay_report& report)
      : host_(host),
        header_(parse_report_header(report)),
        next_best_(report.next_best ? report.next_best : "") {
    ConfigSection section("metrics", config_json, {"enabled", "textfile"});
    target_ = textfile_path(section.text("textfile", ""), report, header_["repository"].value("name", ""));
  }

  void item(const assay_item& item) override {
    if (!next_best_.empty() && item.key && next_best_ == item.key) next_best_composite_ = item.composite;
  }

  void end() override {
    PreviousValues previous = read_previous_values(read_file(target_));
    AtomicFile file(target_);
    file.write(render_scan_metrics(header_, next_best_composite_, previous));
    if (auto warning = file.commit()) host_.warn(*warning);
    host_.info("wrote " + target_.string());
  }

 private:
  sdk::Host host_;
  nlohmann::ordered_json header_;
  std::string next_best_;
  double next_best_composite_ = -1;
  std::filesystem::path target_;
};

}  // namespace
}  // namespace assay::reporters

ASSAY_REPORTER_PLUGIN(assay::reporters::MetricsReporter, "metrics", "1.0.0",
                      "Writes Prometheus metrics of each scan to a textfile", assay::reporters::kConfigSchema)
