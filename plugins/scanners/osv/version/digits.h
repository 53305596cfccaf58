// Version numbers compared as digit strings, so that a component of any
// length (dates, build counters) neither overflows nor wraps.
#pragma once

#include <string_view>

namespace assay::osv {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True when `text` is one or more ASCII digits.
bool all_digits(std::string_view text);

// Compares two non-negative decimal numbers written as digit strings
// (leading zeros allowed): <0, 0, >0.
int compare_digit_strings(std::string_view a, std::string_view b);

// The three-way result of comparing two values with operator<.
template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace assay::osv
