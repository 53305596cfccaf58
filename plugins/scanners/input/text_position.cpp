#include "text_position.h"

#include <algorithm>

namespace assay::input {

TextPosition position_of(std::string_view text, size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  TextPosition position;
  position.line += static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t line_start = before.rfind('\n');
  position.column = before.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return position;
}

}  // namespace assay::input
