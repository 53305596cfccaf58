#include "logical_lines.h"

namespace assay::structure {

std::vector<LogicalLine> logical_lines(const TokenList& tokens, const SourceLines& lines, size_t begin,
                                       size_t end) {
  std::vector<LogicalLine> out;
  int depth = 0;
  for (size_t i = begin; i < end && i < tokens.size(); ++i) {
    const Token& t = tokens.tokens[i];
    const bool continued = i > begin && tokens.text_of(i - 1) == "\\";
    if (out.empty() || (t.first_on_line && depth == 0 && !continued)) {
      out.push_back(LogicalLine{i, i, lines.line(t.line).columns});
    } else {
      out.back().last = i;
    }
    if (t.kind != TokenKind::punct || t.size != 1) continue;
    const char c = tokens.text[t.begin];
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
  }
  return out;
}

uint32_t last_line_of(const TokenList& tokens, const SourceLines& lines, size_t i) {
  const Token& t = tokens.tokens[i];
  return t.size == 0 ? t.line : lines.line_of(t.begin + t.size - 1);
}

}  // namespace assay::structure
