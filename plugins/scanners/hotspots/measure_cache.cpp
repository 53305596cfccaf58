#include "measure_cache.h"

#include "cache_record.h"

namespace assay::hotspots {

std::string encode_measure(const FileMeasure& m) {
  const FileComplexity& c = m.complexity;
  scanners::RecordWriter w;
  w.number(m.size).number(m.binary ? 1 : 0);
  w.number(c.indentation).number(c.max_indentation).number(c.code_lines).number(c.lines);
  w.number(c.decisions ? 1 : 0).number(c.decisions.value_or(0));
  w.number(c.units).number(c.units_are_functions ? 1 : 0).number(c.worst ? 1 : 0);
  if (c.worst) {
    const UnitComplexity& u = *c.worst;
    w.number(u.first_line).number(u.last_line).number(u.indentation).number(u.decisions).number(u.code_lines);
    w.text(u.name);
  }
  return w.record();
}

std::optional<FileMeasure> decode_measure(std::string_view record) {
  scanners::RecordReader r(record);
  FileMeasure m;
  FileComplexity& c = m.complexity;
  bool has_decisions = false;
  uint32_t decisions = 0;
  bool has_worst = false;
  if (!r.number(m.size) || !r.flag(m.binary) || !r.number(c.indentation) || !r.number(c.max_indentation) ||
      !r.number(c.code_lines) || !r.number(c.lines) || !r.flag(has_decisions) || !r.number(decisions) ||
      !r.number(c.units) || !r.flag(c.units_are_functions) || !r.flag(has_worst))
    return std::nullopt;
  if (has_decisions) c.decisions = decisions;
  if (has_worst) {
    UnitComplexity u;
    std::string_view name;
    if (!r.number(u.first_line) || !r.number(u.last_line) || !r.number(u.indentation) ||
        !r.number(u.decisions) || !r.number(u.code_lines) || !r.text(name))
      return std::nullopt;
    u.name = std::string(name);
    c.worst = std::move(u);
  }
  if (!r.complete()) return std::nullopt;
  return m;
}

}  // namespace assay::hotspots
