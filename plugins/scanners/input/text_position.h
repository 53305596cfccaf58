// Line and column of a byte offset, for error messages of the form
// file:line:column.
#pragma once

#include <cstddef>
#include <string_view>

namespace assay::input {

struct TextPosition {
  size_t line = 1;    // 1-based
  size_t column = 1;  // 1-based, in bytes
};

// The position of byte `offset` in `text` (an offset past the end names the
// position after the last byte).
TextPosition position_of(std::string_view text, size_t offset);

}  // namespace assay::input
