#include "report_header.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace assay::reporters {
namespace {

using nlohmann::ordered_json;

[[noreturn]] void malformed(const std::string& field, const std::string& expectation) {
  throw std::invalid_argument("report header: field '" + field + "' " + expectation);
}

const ordered_json& require(const ordered_json& header, const std::string& field) {
  auto it = header.find(field);
  if (it == header.end()) malformed(field, "is missing");
  return *it;
}

void require_object(const ordered_json& header, const std::string& field) {
  if (!require(header, field).is_object()) malformed(field, "must be an object");
}

void check_optional_array(const ordered_json& parent, const std::string& parent_name,
                          const std::string& field) {
  auto it = parent.find(field);
  if (it != parent.end() && !it->is_array()) malformed(parent_name + "." + field, "must be an array");
}

}  // namespace

ordered_json parse_report_header(const assay_report& report) {
  if (!report.json) throw std::invalid_argument("report header: the host passed no header JSON");
  ordered_json header = ordered_json::parse(report.json, nullptr, /*allow_exceptions=*/false);
  if (header.is_discarded()) throw std::invalid_argument("report header: not valid JSON");
  if (!header.is_object()) throw std::invalid_argument("report header: must be a JSON object");

  const auto& schema = require(header, "schema");
  if (!schema.is_number_integer() || schema.get<int64_t>() != kReportHeaderSchema)
    malformed("schema",
              "is " + schema.dump() + "; this reporter reads schema " + std::to_string(kReportHeaderSchema));
  for (const char* field : {"repository", "scan", "maturity", "summary"}) require_object(header, field);
  const auto& next_best = require(header, "next_best");
  if (!next_best.is_string() && !next_best.is_null()) malformed("next_best", "must be an item key or null");
  if (!require(header, "generated_by").is_string()) malformed("generated_by", "must be a string");
  check_optional_array(header.at("scan"), "scan", "plugins");
  // The state store's fields; absent from a host without one.
  if (auto it = header.find("stats"); it != header.end() && !it->is_object() && !it->is_null())
    malformed("stats", "must be an object or null");
  if (auto it = header.find("completed"); it != header.end() && !it->is_array())
    malformed("completed", "must be an array");
  return header;
}

std::filesystem::path report_output_path(const assay_report& report, const std::string& file_name) {
  if (!report.output_dir || report.output_dir[0] == '\0')
    throw std::invalid_argument("report names no output directory (assay_report.output_dir is empty)");
  return std::filesystem::path(report.output_dir) / file_name;
}

}  // namespace assay::reporters
