// Word lists of the header reader: which words are control keywords,
// declaration modifiers, function and type keywords in which language.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "language.h"

namespace assay::structure {

// A fixed set of short words. Most lookups are of identifiers in no set, so
// the pair of first byte and length rejects them before any comparison.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  bool contains(std::string_view word) const;

 private:
  // lengths_[b] bit n: a word of n bytes (0 < n < 64) begins with byte b.
  std::array<uint64_t, 256> lengths_{};
  std::vector<std::string_view> words_;  // sorted
};

// if, for, while, ... : a block headed by one is control flow.
bool is_control_keyword(std::string_view word);
// Words that can never name a function (keywords, operators spelled as words).
bool is_reserved_name(std::string_view word);
// Words that may precede a declaration on its own line without ending a
// statement (export, public, static, async, ...).
bool is_modifier(std::string_view word);
// Words that take a parenthesized argument but are not function names
// (__attribute__, decltype, noexcept, ...).
bool is_attribute_word(std::string_view word);
// Words that may follow a parameter list before the body or an initializer
// list (const, throws, where, ...).
bool is_trailing_qualifier(std::string_view word);
// Words that may not appear in the type or modifiers before a C-like
// function's name (return, new, else, ...).
bool is_statement_word(std::string_view word);
// Words that join two operands ("in", "instanceof", "and"): a line that
// begins with one continues the statement above.
bool is_infix_word(std::string_view word);

bool is_function_keyword(Lang lang, std::string_view word);
// class, struct, interface, enum, trait, impl, ... as the language has them.
bool is_type_keyword(Lang lang, std::string_view word);
bool is_namespace_keyword(Lang lang, std::string_view word);

}  // namespace assay::structure
