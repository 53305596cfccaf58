#include "version/rubygems.h"

#include <algorithm>

#include "version/digits.h"

namespace assay::osv {
namespace {

bool is_alnum(char c) { return is_ascii_digit(c) || is_ascii_alpha(c); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// digits ("." alnum+)* ( "-" [alnum-]+ ("." [alnum-]+)* )?
bool well_formed(std::string_view v) {
  size_t i = 0;
  if (i >= v.size() || !is_ascii_digit(v[i])) return false;
  while (i < v.size() && is_ascii_digit(v[i])) ++i;
  while (i < v.size() && v[i] == '.') {
    const size_t start = ++i;
    while (i < v.size() && is_alnum(v[i])) ++i;
    if (i == start) return false;
  }
  if (i == v.size()) return true;
  if (v[i] != '-') return false;
  ++i;
  while (true) {
    const size_t start = i;
    while (i < v.size() && (is_alnum(v[i]) || v[i] == '-')) ++i;
    if (i == start) return false;
    if (i == v.size()) return true;
    if (v[i] != '.') return false;
    ++i;
  }
}

// Splits into runs of digits and runs of letters; '-' reads as ".pre.".
std::vector<std::string> raw_segments(std::string_view v) {
  std::string text;
  for (char c : v) {
    if (c == '-') {
      text += ".pre.";
    } else {
      text.push_back(c);
    }
  }
  std::vector<std::string> segments;
  size_t i = 0;
  while (i < text.size()) {
    if (!is_alnum(text[i])) {
      ++i;
      continue;
    }
    const bool digit = is_ascii_digit(text[i]);
    const size_t start = i;
    while (i < text.size() && is_alnum(text[i]) && is_ascii_digit(text[i]) == digit) ++i;
    segments.push_back(text.substr(start, i - start));
  }
  return segments;
}

bool is_zero(const std::string& segment) {
  return all_digits(segment) && std::all_of(segment.begin(), segment.end(), [](char c) { return c == '0'; });
}

// The numeric part (before the first letter segment) and the rest each lose
// their trailing zeros: 1.0 == 1, 1.0.a == 1.a, 1.a.0 == 1.a.
std::vector<std::string> canonical(std::vector<std::string> segments) {
  const auto first_letter =
      std::find_if(segments.begin(), segments.end(), [](const std::string& s) { return !all_digits(s); });
  std::vector<std::string> numeric(segments.begin(), first_letter);
  std::vector<std::string> rest(first_letter, segments.end());
  while (!numeric.empty() && is_zero(numeric.back())) numeric.pop_back();
  while (!rest.empty() && is_zero(rest.back())) rest.pop_back();
  numeric.insert(numeric.end(), rest.begin(), rest.end());
  return numeric;
}

}  // namespace

std::optional<GemVersion> parse_gem_version(std::string_view text) {
  const std::string_view v = trim(text);
  if (v.empty()) return GemVersion{};
  if (!well_formed(v)) return std::nullopt;
  return GemVersion{canonical(raw_segments(v))};
}

int compare_gem_versions(const GemVersion& a, const GemVersion& b) {
  const size_t n = std::max(a.segments.size(), b.segments.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string_view x = i < a.segments.size() ? std::string_view(a.segments[i]) : "0";
    const std::string_view y = i < b.segments.size() ? std::string_view(b.segments[i]) : "0";
    const bool x_num = all_digits(x);
    const bool y_num = all_digits(y);
    if (x_num && y_num) {
      if (int c = compare_digit_strings(x, y)) return c;
    } else if (x_num != y_num) {
      return x_num ? 1 : -1;
    } else if (int c = x.compare(y)) {
      return c < 0 ? -1 : 1;
    }
  }
  return 0;
}

}  // namespace assay::osv
