// How the structure library reads one language: its family (which finder
// runs), and the few facts the tokenizer and the finders need.
#pragma once

#include <cstdint>
#include <string_view>

namespace assay::structure {

enum class Family : uint8_t {
  braces,        // functions delimited by { }
  indentation,   // Python, Nim: a header line ending in ':' or '=' and an indented body
  end_keywords,  // Ruby, Lua, Elixir, Julia: def/function ... end
  blocks         // everything else: top-level indentation blocks
};

// The languages the finders tell apart; every other id is `other`.
enum class Lang : uint8_t {
  c,
  cpp,
  objc,
  csharp,
  java,
  kotlin,
  scala,
  groovy,
  swift,
  go,
  rust,
  dart,
  javascript,
  typescript,
  php,
  d,
  zig,
  perl,
  powershell,
  r,
  shell,
  python,
  nim,
  ruby,
  lua,
  elixir,
  julia,
  other
};

enum class DecisionStyle : uint8_t { none, c_family, python };

struct Language {
  Lang lang = Lang::other;
  Family family = Family::blocks;
  DecisionStyle decisions = DecisionStyle::none;
  bool preprocessor = false;  // '#' directives at line start (C, C++, Objective-C, C#)
  bool match_parens = true;   // false for shell: case patterns leave ')' unpaired
};

// The reading of a markers language id; unknown ids read as plain text.
Language language_of(std::string_view id);

}  // namespace assay::structure
