#include "file_complexity.h"

#include <tuple>

#include "code_structure.h"

namespace assay::hotspots {
namespace {

UnitComplexity unit_of(const structure::Function& f) {
  return UnitComplexity{f.qualified_name(),       f.first_line,           f.last_line,
                        f.complexity.indentation, f.complexity.decisions, f.complexity.code_lines};
}

// Higher is more complex; an earlier unit wins a tie.
bool more_complex(const UnitComplexity& a, const UnitComplexity& b) {
  return std::tie(a.indentation, a.decisions, a.code_lines) >
         std::tie(b.indentation, b.decisions, b.code_lines);
}

}  // namespace

FileComplexity measure_file(std::string_view text, std::string_view language) {
  const structure::FileStructure file = structure::FileStructure::analyze(text, language);
  const structure::Complexity& c = file.complexity();
  FileComplexity result;
  result.indentation = c.indentation;
  result.max_indentation = c.max_indentation;
  result.code_lines = c.code_lines;
  result.lines = file.line_count();
  if (c.counts_decisions) result.decisions = c.decisions;
  result.units = static_cast<uint32_t>(file.functions().size());
  result.units_are_functions = file.unit_kind() == structure::UnitKind::function;
  for (const structure::Function& f : file.functions()) {
    UnitComplexity unit = unit_of(f);
    if (!result.worst || more_complex(unit, *result.worst)) result.worst = std::move(unit);
  }
  return result;
}

}  // namespace assay::hotspots
