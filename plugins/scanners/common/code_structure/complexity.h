// Complexity of line ranges and token ranges: indentation levels from the
// source lines, decision points from the tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "code_structure.h"
#include "language.h"
#include "source_lines.h"
#include "tokens.h"

namespace assay::structure {

class ComplexityMeter {
 public:
  ComplexityMeter(const TokenList& tokens, const SourceLines& lines, const Language& language);

  // Lines first..last, levels relative to line `first` (clamped at 0) when
  // `relative`, absolute otherwise; decisions of the tokens starting in the
  // byte range [begin, end).
  Complexity measure(uint32_t first, uint32_t last, size_t begin, size_t end, bool relative) const;

 private:
  bool is_decision(size_t i) const;
  bool is_ternary(size_t i) const;
  size_t token_at(size_t offset) const;

  const TokenList& t_;
  const SourceLines& lines_;
  Language language_;
  std::vector<uint32_t> decisions_before_;  // decisions among tokens [0, i)
};

}  // namespace assay::structure
