// The statements of a function body and the code text they are made of,
// with comments removed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "code_structure.h"
#include "language.h"
#include "non_code.h"
#include "source_lines.h"
#include "tokens.h"

namespace assay::structure {

// The text [begin, end) without comments: whitespace runs (and comments)
// become one space, literals are kept as written, the result is trimmed.
std::string code_text(std::string_view text, const std::vector<markers::NonCodeSpan>& non_code, size_t begin,
                      size_t end);

struct BodyReader {
  const TokenList& tokens;
  const SourceLines& lines;
  const std::vector<markers::NonCodeSpan>& non_code;
  Language language;

  // Statements of the code in [begin, end): split at ';' and after blocks
  // for brace languages (and at line ends where statements may end there),
  // by indentation for the others.
  std::vector<Statement> statements(size_t begin, size_t end) const;

 private:
  std::vector<Statement> brace_statements(size_t first, size_t last) const;
  std::vector<Statement> line_statements(size_t first, size_t last) const;
  Statement make(size_t first, size_t last) const;
  bool ends_before(size_t i) const;
};

}  // namespace assay::structure
