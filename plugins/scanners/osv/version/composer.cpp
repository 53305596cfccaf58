#include "version/composer.h"

#include <algorithm>
#include <array>
#include <vector>

#include "version/digits.h"

namespace assay::osv {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Composer's stability words and the spelling it normalises them to; the
// longer spellings come first so that "beta" is not read as "b".
std::optional<std::string> stability_word(std::string_view& rest) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kWords = {
      {{"stable", ""},
       {"alpha", "alpha"},
       {"beta", "beta"},
       {"patch", "patch"},
       {"rc", "RC"},
       {"pl", "patch"},
       {"a", "alpha"},
       {"b", "beta"},
       {"p", "patch"},
       {"c", "RC"}}};
  const std::string lowered = lower(rest);
  for (const auto& [word, normal] : kWords) {
    if (std::string_view(lowered).substr(0, word.size()) == word) {
      rest.remove_prefix(word.size());
      return std::string(normal);
    }
  }
  return std::nullopt;
}

// Up to four dot-separated numbers, padded with zeros.
bool read_numbers(std::string_view& rest, std::string& out) {
  std::vector<std::string> parts;
  while (parts.size() < 4) {
    size_t n = 0;
    while (n < rest.size() && is_ascii_digit(rest[n])) ++n;
    if (n == 0) break;
    parts.emplace_back(rest.substr(0, n));
    rest.remove_prefix(n);
    if (rest.empty() || rest.front() != '.' || rest.size() < 2 || !is_ascii_digit(rest[1])) break;
    rest.remove_prefix(1);
  }
  if (parts.empty()) return false;
  while (parts.size() < 4) parts.emplace_back("0");
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "." : "") + parts[i];
  return true;
}

// The stability suffix: [._-]? word ([.-]? digits)* ([.-]? dev)?
bool read_suffix(std::string_view rest, std::string& out) {
  if (rest.empty()) return true;
  if (rest.front() == '.' || rest.front() == '_' || rest.front() == '-') rest.remove_prefix(1);
  std::string_view before_word = rest;
  const std::optional<std::string> word = stability_word(rest);
  std::string number;
  if (word) {
    while (!rest.empty()) {
      std::string_view probe = rest;
      if (probe.front() == '.' || probe.front() == '-') probe.remove_prefix(1);
      size_t n = 0;
      while (n < probe.size() && is_ascii_digit(probe[n])) ++n;
      if (n == 0) break;
      number += (number.empty() ? "" : ".") + std::string(probe.substr(0, n));
      rest = probe.substr(n);
    }
    if (!word->empty()) out += "-" + *word + number;
  } else {
    rest = before_word;
  }
  if (rest.empty()) return true;
  if (rest.front() == '.' || rest.front() == '-') rest.remove_prefix(1);
  if (lower(rest) == "dev") {
    out += "-dev";
    return true;
  }
  return false;
}

// PHP's canonical form: separators become '.', and a '.' goes between a
// digit and a non-digit.
std::vector<std::string> php_parts(std::string_view v) {
  std::vector<std::string> parts;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) parts.push_back(current);
    current.clear();
  };
  for (char c : v) {
    if (c == '-' || c == '_' || c == '+' || c == '.') {
      flush();
      continue;
    }
    if (!current.empty() && is_ascii_digit(current.back()) != is_ascii_digit(c)) flush();
    current.push_back(c);
  }
  flush();
  return parts;
}

int special_form_order(std::string_view form) {
  static constexpr std::array<std::pair<std::string_view, int>, 10> kForms = {{{"dev", 0},
                                                                               {"alpha", 1},
                                                                               {"a", 1},
                                                                               {"beta", 2},
                                                                               {"b", 2},
                                                                               {"RC", 3},
                                                                               {"rc", 3},
                                                                               {"#", 4},
                                                                               {"pl", 5},
                                                                               {"p", 5}}};
  for (const auto& [name, order] : kForms) {
    if (form.substr(0, name.size()) == name) return order;
  }
  return -1;
}

int compare_part(const std::string& a, const std::string& b) {
  const bool a_num = is_ascii_digit(a.front());
  const bool b_num = is_ascii_digit(b.front());
  if (a_num && b_num) return compare_digit_strings(a, b);
  return three_way(special_form_order(a_num ? "#" : a), special_form_order(b_num ? "#" : b));
}

// What one more part means against a version that has ended: a number or a
// patch level makes it newer, a pre-release word older.
int compare_extra_part(const std::string& part) {
  if (is_ascii_digit(part.front())) return 1;
  return three_way(special_form_order(part), special_form_order("#"));
}

}  // namespace

std::optional<std::string> normalize_composer_version(std::string_view text) {
  std::string_view rest = trim(text);
  if (rest.empty() || lower(rest.substr(0, 4)) == "dev-") return std::nullopt;
  if (const size_t plus = rest.find('+'); plus != std::string_view::npos) rest = rest.substr(0, plus);
  if (!rest.empty() && (rest.front() == 'v' || rest.front() == 'V')) rest.remove_prefix(1);
  std::string out;
  if (!read_numbers(rest, out)) return std::nullopt;
  if (!read_suffix(rest, out)) return std::nullopt;
  return out;
}

int php_version_compare(std::string_view a, std::string_view b) {
  const std::vector<std::string> pa = php_parts(a);
  const std::vector<std::string> pb = php_parts(b);
  const size_t common = std::min(pa.size(), pb.size());
  for (size_t i = 0; i < common; ++i) {
    if (int c = compare_part(pa[i], pb[i])) return c;
  }
  if (pa.size() > common) return compare_extra_part(pa[common]);
  if (pb.size() > common) return -compare_extra_part(pb[common]);
  return 0;
}

}  // namespace assay::osv
