// The report header (assay_report.json) as both built-in reporters read it.
// docs/report-data.md describes every field.
#pragma once

#include <assay/plugin.h>

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace assay::reporters {

// The header schema these reporters understand.
inline constexpr int kReportHeaderSchema = 1;

// Parses report.json, keeping the host's key order, and checks the fields the
// reporters rely on: schema, repository, scan, maturity, next_best, summary,
// generated_by. Throws std::invalid_argument naming the missing or malformed
// field.
nlohmann::ordered_json parse_report_header(const assay_report& report);

// `file_name` inside report.output_dir. Throws std::invalid_argument when the
// report names no output directory.
std::filesystem::path report_output_path(const assay_report& report, const std::string& file_name);

}  // namespace assay::reporters
