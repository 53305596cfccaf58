// The function finders, one per language family. Each returns the units of
// a file in order of their first token, with everything but complexity
// filled in; analyze() adds the complexity.
#pragma once

#include <cstddef>
#include <vector>

#include "code_structure.h"
#include "language.h"
#include "source_lines.h"
#include "tokens.h"

namespace assay::structure {

// A found unit and where its text lies: [begin, end) byte offsets from its
// first declaration token to the end of its last token.
struct FoundUnit {
  Function function;
  size_t begin = 0;
  size_t end = 0;
};

// Functions nested deeper than this fold into their enclosing function, so
// that per-function work stays linear in the file.
constexpr uint32_t kMaxFunctionDepth = 64;

std::vector<FoundUnit> find_brace_functions(const TokenList& tokens, const SourceLines& lines,
                                            const Language& language);
std::vector<FoundUnit> find_indented_functions(const TokenList& tokens, const SourceLines& lines,
                                               const Language& language);
std::vector<FoundUnit> find_end_functions(const TokenList& tokens, const SourceLines& lines,
                                          const Language& language);
std::vector<FoundUnit> find_blocks(std::string_view text, const SourceLines& lines);

}  // namespace assay::structure
