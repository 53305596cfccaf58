// What one logical makefile line (its backslash continuations joined) is to
// the recipes around it: a rule opens a recipe context, in which TAB-led
// lines are shell commands; blank lines, comment lines and conditionals keep
// the context; any other line ends it.
#pragma once

#include <cstddef>
#include <string_view>

namespace assay::markers {

enum class MakeLineKind : unsigned char {
  rule,          // "target: prerequisites", "a b:: c", "%.o: %.c"
  keeps_recipe,  // blank, a comment, ifeq/ifneq/ifdef/ifndef/else/endif
  other          // assignments, directives, anything else
};

struct MakeLine {
  MakeLineKind kind = MakeLineKind::other;
  // Rule lines: offset just past the ';' that starts a recipe on the rule's
  // own line ("all: ; echo hi"), or npos.
  size_t recipe_begin = std::string_view::npos;
};

MakeLine read_make_line(std::string_view text);

}  // namespace assay::markers
