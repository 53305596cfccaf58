// Pretty-printing text the host vouches for: an item whose JSON is exactly
// nlohmann's compact dump (ASSAY_ITEM_JSON_COMPACT_DUMP in plugin.h) needs no
// checking, only line breaks and indentation, so it is laid out in one
// pass over its structure. Text without the host's word goes to JsonIndenter.
#pragma once

#include <string>
#include <string_view>

namespace assay::reporters {

// Appends `compact` laid out with `indent` (> 0) spaces per level, its first
// line as is and every further line indented by `depth` levels more: the
// bytes nlohmann::ordered_json::parse(compact).dump(indent) gives, nested
// that deep. `compact` must be such a dump; other text comes out laid out
// but not checked (unbalanced brackets are not detected).
void append_canonical_layout(std::string& out, std::string_view compact, int indent, int depth);

}  // namespace assay::reporters
