// Fuzzing of what the built-in reporters read: the report header, the item
// JSON of the next best item, and their configuration section.
#include <assay/plugin.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "backlog_tally.h"
#include "config_section.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "maturity_section.h"
#include "report_header.h"

namespace assay::fuzz {
namespace {

bool reads_as_header(const std::string& text) {
  assay_report report{};
  report.struct_size = sizeof(report);
  report.output_dir = "out";
  report.json = text.c_str();
  nlohmann::ordered_json header;
  try {
    header = reporters::parse_report_header(report);
  } catch (const std::invalid_argument&) {
    return false;
  }
  ASSAY_FUZZ_CHECK(header.is_object(), "a report header is an object");
  for (const char* field : {"repository", "scan", "maturity", "summary"})
    ASSAY_FUZZ_CHECK(header.at(field).is_object(), "checked header sections are objects");
  // The maturity section reads whatever the header holds without throwing.
  std::string section;
  reporters::markdown::write_maturity(section, header);
  const auto assessed = header.at("maturity").find("assessed");
  if (assessed == header.at("maturity").end() || *assessed != true)
    ASSAY_FUZZ_CHECK(section.empty(), "no maturity section without an assessment");
  return true;
}

// The item as the next best one, so the tally reads its breakdown.
void read_as_item(const std::string& text) {
  assay_item item{};
  item.struct_size = sizeof(item);
  item.key = "TD-001";
  item.title = "t";
  item.category = "technical-debt";
  item.source = "markers";
  item.path = "src/a.c";
  item.rank = 1;
  item.json = text.c_str();
  reporters::markdown::BacklogTally tally(10, 5, "TD-001");
  try {
    tally.add(item);
  } catch (const std::invalid_argument&) {
    return;
  }
  ASSAY_FUZZ_CHECK(tally.next_best().has_value(), "the next best item is kept");
  ASSAY_FUZZ_CHECK(tally.hotspot_item_count() == 1, "a debt item counts as a hot spot");
}

void read_as_config_section(std::string_view text) {
  try {
    reporters::ConfigSection section("json", text, {"enabled", "file", "indent"});
    const std::string file = section.file_name("file", "backlog.json");
    ASSAY_FUZZ_CHECK(!file.empty() && file.find('/') == std::string::npos, "a file name has no directory");
    const int64_t indent = section.integer("indent", 2, 0, 8);
    ASSAY_FUZZ_CHECK(indent >= 0 && indent <= 8, "an integer setting is within its bounds");
  } catch (const std::invalid_argument&) {
  }
}

}  // namespace

Verdict run_report(std::string_view input) {
  // The ABI passes NUL-terminated text: an embedded NUL ends it.
  const std::string text(input);
  read_as_item(text);
  read_as_config_section(input);
  return reads_as_header(text) ? Verdict::accepted : Verdict::rejected;
}

}  // namespace assay::fuzz
