#include "source_facts.h"

#include "cache_record.h"

namespace assay::testgaps {

std::string encode_source_facts(const SourceFacts& f) {
  scanners::RecordWriter w;
  w.number(f.has_nul ? 1 : 0).number(f.inline_tests ? 1 : 0).number(f.analysed ? 1 : 0);
  w.number(f.code_lines).number(f.complexity).number(f.functions);
  return w.record();
}

std::optional<SourceFacts> decode_source_facts(std::string_view record) {
  scanners::RecordReader r(record);
  SourceFacts f;
  if (!r.flag(f.has_nul) || !r.flag(f.inline_tests) || !r.flag(f.analysed) || !r.number(f.code_lines) ||
      !r.number(f.complexity) || !r.number(f.functions) || !r.complete())
    return std::nullopt;
  return f;
}

}  // namespace assay::testgaps
