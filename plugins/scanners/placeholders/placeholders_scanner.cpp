// The placeholders scanner plugin: functions whose body is only a stand-in,
// reported at the function's lines with its name. Test files and test
// doubles are excluded by configurable globs.
#include <assay/plugin.hpp>
#include <atomic>
#include <nlohmann/json.hpp>
#include <string>

#include "code_structure.h"
#include "number_text.h"
#include "placeholders_config.h"
#include "stand_in.h"

namespace assay::placeholders {
namespace {

bool looks_binary(std::string_view data) { return data.substr(0, 8000).find('\0') != std::string_view::npos; }

struct Counters {
  std::atomic<size_t> files{0};
  std::atomic<size_t> excluded{0};
  std::atomic<size_t> functions{0};
  std::atomic<size_t> found{0};
  std::atomic<size_t> refused{0};
};

class PlaceholdersScanner : public sdk::Scanner {
 public:
  PlaceholdersScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(PlaceholdersConfig::parse(config_json)) {}

  void scan(sdk::Scan& scan) override {
    Counters counters;
    scan.parallel_for(scan.file_count(), [&](size_t index) { scan_file(scan, index, counters); });
    host_.info(std::to_string(counters.found) + " stand-in functions among " +
               std::to_string(counters.functions) + " functions in " + std::to_string(counters.files) +
               " files (" + std::to_string(counters.excluded) + " test files and test doubles excluded)");
    if (counters.refused > 0)
      host_.warn("the host refused " + std::to_string(counters.refused) +
                 " placeholder findings (its log says why)");
  }

 private:
  void scan_file(const sdk::Scan& scan, size_t index, Counters& counters) const {
    if (scan.cancelled()) return;
    const sdk::FileInfo info = scan.file(index);
    if (info.language.empty() || info.size > config_.max_file_size) return;
    if (config_.exclude.matches(info.path)) {
      ++counters.excluded;
      return;
    }
    sdk::Blob blob(host_.api(), scan.raw());
    if (!scan.read(index, blob) || looks_binary(blob.view()) || blob.view().size() > config_.max_file_size)
      return;
    // Stand-ins are judged by their statements and comments, never by complexity.
    const auto file = structure::FileStructure::analyze_units(blob.view(), info.language,
                                                              structure::FileStructure::Without::complexity);
    if (file.unit_kind() != structure::UnitKind::function) return;
    ++counters.files;
    for (const auto& function : file.functions()) {
      ++counters.functions;
      const auto stand_in = classify(file, function, config_.words);
      if (!stand_in) continue;
      const assay_status status = scan.emit(to_finding(*stand_in, function, info));
      if (status == ASSAY_CANCELLED) return;
      ++(status == ASSAY_OK ? counters.found : counters.refused);
    }
  }

  sdk::Finding to_finding(const StandIn& s, const structure::Function& function,
                          const sdk::FileInfo& info) const {
    const std::string name = scanners::to_valid_utf8(function.qualified_name());
    sdk::Finding f;
    f.rule = s.rule;
    f.title = "Placeholder: " + name + " " + s.what;
    f.category = "technical-debt";
    f.severity = config_.severity;
    f.effort_hours = config_.effort_hours;
    f.confidence = s.confidence;
    f.path = std::string(info.path);
    f.line_start = function.first_line;
    f.line_end = function.last_line;
    f.evidence = name + ": " + scanners::cut_utf8(s.evidence, 200);
    f.tags = {"placeholder", s.rule};
    f.details_json = nlohmann::json{{"function", name},
                                    {"language", std::string(info.language)},
                                    {"kind", s.rule},
                                    {"body", scanners::cut_utf8(s.evidence, 200)}}
                         .dump();
    return f;
  }

  sdk::Host host_;
  PlaceholdersConfig config_;
};

}  // namespace
}  // namespace assay::placeholders

ASSAY_FILE_LOCAL_SCANNER_PLUGIN(
    assay::placeholders::PlaceholdersScanner, "placeholders", "1.0.0",
    "Finds functions whose body is only a stand-in (pass, not implemented, todo!(), stub data)",
    assay::placeholders::placeholders_config_schema())
