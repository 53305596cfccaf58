// The sarif-report reporter: writes the ranked backlog as a SARIF 2.1.0 log
// (backlog.sarif) that GitHub code scanning and other SARIF viewers show.
// One run, tool "assay", one result per item in rank order
// (sarif_result.h). Results are streamed to disk as they arrive; the rules
// they refer to follow them in the run (SARIF does not fix the order of an
// object's members), so memory stays flat however long the backlog is.
#include <assay/plugin.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "atomic_file.h"
#include "config_section.h"
#include "report_header.h"
#include "sarif_result.h"

namespace assay::reporters {
namespace {

using nlohmann::ordered_json;

constexpr const char* kConfigSchema = R"({
  "type": "object",
  "description": "Writes the ranked backlog as a SARIF 2.1.0 log into the report output directory (format name: sarif).",
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this reporter."},
    "file": {"type": "string", "default": "backlog.sarif", "description": "File name inside the output directory."}
  },
  "additionalProperties": false
})";

constexpr const char* kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

std::string dump(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// "0.1.0" from "assay 0.1.0".
std::string assay_version(const ordered_json& header) {
  const std::string generated_by = header.at("generated_by").get<std::string>();
  const size_t space = generated_by.rfind(' ');
  return space == std::string::npos ? generated_by : generated_by.substr(space + 1);
}

// The report header's facts about the scan, kept in the run's properties.
ordered_json scan_properties(const ordered_json& header) {
  ordered_json assay;
  for (const char* name : {"repository", "scan", "maturity", "next_best", "summary"})
    assay[name] = header.at(name);
  return assay;
}

class SarifReporter : public sdk::Reporter {
 public:
  SarifReporter(const sdk::Host& host, const std::string& config_json, const assay_report& report)
      : host_(host),
        header_(parse_report_header(report)),
        expected_items_(report.item_count),
        file_(report_output_path(report, read_file_name(config_json))) {
    file_.write("{\"$schema\":" + dump(kSarifSchema) + ",\"version\":\"2.1.0\",\"runs\":[{\"results\":[");
  }

  void item(const assay_item& item) override {
    const std::string key = item.key ? item.key : "(without key)";
    if (!item.json) throw std::invalid_argument("item " + key + " carries no JSON");
    const ordered_json parsed = ordered_json::parse(item.json, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded() || !parsed.is_object())
      throw std::invalid_argument("item " + key + ": its JSON is not a JSON object");
    file_.write(written_items_ == 0 ? "\n" : ",\n");
    file_.write(dump(sarif_result(parsed, rules_)));
    ++written_items_;
  }

  void end() override {
    if (written_items_ != expected_items_)
      throw std::runtime_error("the report announced " + std::to_string(expected_items_) + " items but " +
                               std::to_string(written_items_) + " arrived; " + file_.target().string() +
                               " was not written");
    ordered_json driver = {
        {"name", "assay"}, {"version", assay_version(header_)}, {"rules", rules_.to_json()}};
    const ordered_json bases = {
        {"SRCROOT", {{"description", {{"text", "The root of the scanned repository"}}}}}};
    file_.write("\n],\"tool\":" + dump({{"driver", std::move(driver)}}));
    file_.write(",\"originalUriBaseIds\":" + dump(bases));
    file_.write(",\"properties\":" + dump({{"assay", scan_properties(header_)}}) + "}]}\n");
    if (auto warning = file_.commit()) host_.warn(*warning);
    host_.info("wrote " + file_.target().string() + " (" + std::to_string(written_items_) + " results)");
  }

 private:
  static std::string read_file_name(const std::string& config_json) {
    ConfigSection section("sarif-report", config_json, {"enabled", "file"});
    return section.file_name("file", "backlog.sarif");
  }

  sdk::Host host_;
  ordered_json header_;
  size_t expected_items_;
  size_t written_items_ = 0;
  SarifRules rules_;
  AtomicFile file_;
};

}  // namespace
}  // namespace assay::reporters

ASSAY_REPORTER_PLUGIN(assay::reporters::SarifReporter, "sarif-report", "1.0.0",
                      "Writes the ranked backlog as a SARIF 2.1.0 log (backlog.sarif)",
                      assay::reporters::kConfigSchema)
